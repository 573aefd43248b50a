import { Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Callout } from '../../../admin/components/Callout.js';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { localized, questionsOf } from '../answer-logic.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { Grid, GridQuestion } from '../types.js';
import { ArchiveGridModal } from './ArchiveGridModal.js';

/** A grid read in full: sections, questions, answer types, weights, evidence rules and conditions. */
export function GridViewPage() {
  return <WithOrg>{(orgId) => <GridView orgId={orgId} />}</WithOrg>;
}

function GridView({ orgId }: { orgId: string }) {
  const { gridId = '' } = useParams();
  const { t, i18n } = useTranslation('suppliersAudits');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lang = i18n.language;
  const [archiving, setArchiving] = useState(false);
  const grid = useQuery({ queryKey: auditsKeys.grid(orgId, gridId), queryFn: () => api<Grid>(auditsApi.grid(orgId, gridId)) });
  const fork = useMutation({
    mutationFn: () => api<Grid>(auditsApi.gridFork(orgId, gridId), { body: {} }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: auditsKeys.grids(orgId) });
      void navigate(`/suppliers/grids/${encodeURIComponent(copy.id)}/edit`);
    },
  });
  const g = grid.data;
  const all = g ? questionsOf(g.definition) : [];
  const numberOf = (id: string) => all.findIndex((q) => q.id === id) + 1;
  const typeText = (q: GridQuestion) => {
    const base = t(`types.${q.type}`);
    return q.options?.length ? `${base} : ${q.options.map((o) => localized(o.label, lang)).join(' / ')}` : base;
  };
  const condition = (q: GridQuestion) => {
    if (!q.showIf) return '—';
    const target = all.find((x) => x.id === q.showIf?.questionId);
    const words = q.showIf.anyOf.map(
      (v) => localized(target?.options?.find((o) => o.id === v)?.label, lang) || t(`answer.${v}`, { defaultValue: v }),
    );
    return t('grids.conditionText', { n: numberOf(q.showIf.questionId), values: words.join(', ') });
  };
  return (
    <>
      <Anchor component={Link} to="/suppliers/grids" size="sm">
        {t('grids.back')}
      </Anchor>
      <ListStatus isPending={grid.isPending} error={grid.error} isEmpty={false} emptyTitle="">
        {g ? (
          <Stack gap="lg" mt="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <div>
                <Title order={1} size="h2">
                  {g.title}
                </Title>
                <Group gap="xs" mt={4}>
                  <StatusBadge>{t(`origin.${g.origin}`)}</StatusBadge>
                  <Text size="sm" c="dimmed">
                    {t('grids.version', { version: g.version })} ·{' '}
                    {t('grids.counts', { sections: g.sectionCount, questions: g.questionCount })}
                  </Text>
                </Group>
              </div>
              <Group gap="xs" wrap="wrap">
                <Button variant="light" onClick={() => fork.mutate()} loading={fork.isPending}>
                  {t('grids.fork')}
                </Button>
                {!g.readOnly && !g.archived ? (
                  <Button component={Link} to={`/suppliers/grids/${encodeURIComponent(g.id)}/edit`}>
                    {t('grids.edit')}
                  </Button>
                ) : null}
                <Button component="a" variant="default" href={auditsApi.gridExport(orgId, g.id, 'xlsx')} download>
                  {t('grids.exportXlsx')}
                </Button>
                <Button component="a" variant="default" href={auditsApi.gridExport(orgId, g.id, 'csv')} download>
                  {t('grids.exportCsv')}
                </Button>
                {!g.readOnly && !g.archived ? (
                  <Button variant="subtle" color="red" c="red.9" onClick={() => setArchiving(true)}>
                    {t('grids.archive')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            <ErrorAlert error={fork.error} />
            {g.readOnly ? <Callout color="blue">{t('grids.readOnlyHelp')}</Callout> : null}
            {g.archived ? <Callout color="gray">{t('grids.archivedHelp')}</Callout> : null}
            {g.definition.sections.map((s) => (
              <section key={s.id} aria-labelledby={`gs-${s.id}`}>
                <Title id={`gs-${s.id}`} order={2} size="h3" mb="xs">
                  {localized(s.title, lang)}
                </Title>
                <DataTable
                  caption={localized(s.title, lang)}
                  minWidth={900}
                  head={
                    <>
                      <Th>#</Th>
                      <Th>{t('fields.question')}</Th>
                      <Th>{t('fields.type')}</Th>
                      <Th>{t('fields.weight')}</Th>
                      <Th>{t('fields.evidence')}</Th>
                      <Th>{t('fields.condition')}</Th>
                    </>
                  }
                >
                  {s.questions.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>{numberOf(q.id)}</Table.Td>
                      <Table.Td miw={320}>
                        <Text size="sm">{localized(q.text, lang)}</Text>
                        <Text size="xs" c="dimmed">
                          {q.id}
                          {q.reference ? ` · ${q.reference}` : ''}
                        </Text>
                        {q.help ? (
                          <List size="xs" c="dimmed">
                            <List.Item>{localized(q.help, lang)}</List.Item>
                          </List>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{typeText(q)}</Table.Td>
                      <Table.Td>{q.weight}</Table.Td>
                      <Table.Td>{t(`evidenceRule.${q.evidence}`)}</Table.Td>
                      <Table.Td>{condition(q)}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </section>
            ))}
          </Stack>
        ) : null}
      </ListStatus>
      <ArchiveGridModal
        orgId={orgId}
        grid={archiving && g ? g : null}
        onClose={() => setArchiving(false)}
        onArchived={() => void queryClient.invalidateQueries({ queryKey: auditsKeys.grid(orgId, gridId) })}
      />
    </>
  );
}
