import { Button, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { ListSection } from '../components/list-section.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import type { Curriculum, Rule, RuleInput } from '../types.js';
import { AssignmentForm } from './AssignmentForm.js';
import { CurriculumForm } from './CurriculumForm.js';
import { useCurricula, useCurriculumName, useModuleChoices } from './hooks.js';
import { RuleForm } from './RuleForm.js';
import { RulesTable } from './RulesTable.js';

/** Curricula (defaults and own), the rules that assign them, and one-off assignments. */
export function CurriculaPage() {
  return <WithOrg>{(orgId) => <Curricula orgId={orgId} />}</WithOrg>;
}

function Curricula({ orgId }: { orgId: string }) {
  const { t } = useTranslation('learningAdmin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const curricula = useCurricula(orgId);
  const nameOf = useCurriculumName();
  const rules = useQuery({ queryKey: adminKeys.rules(orgId), queryFn: () => api<Rule[]>(adminApi.rules(orgId)) });
  const [editing, setEditing] = useState<Curriculum | 'new' | null>(null);
  const refreshRules = () => void queryClient.invalidateQueries({ queryKey: adminKeys.rules(orgId) });

  return (
    <>
      <PageHeader title={t('curricula.title')} description={t('curricula.description')} />
      <Stack gap="xl">
        <ListSection
          id="curricula"
          title={t('curricula.listTitle')}
          list={curricula}
          emptyTitle={t('curricula.empty')}
          footer={
            <Button mt="sm" variant="light" onClick={() => setEditing('new')}>
              {t('curricula.create')}
            </Button>
          }
        >
          <CurriculaTable orgId={orgId} curricula={curricula.data ?? []} onEdit={setEditing} />
        </ListSection>

        <ListSection
          id="rules"
          title={t('rules.title')}
          description={t('rules.description')}
          list={rules}
          emptyTitle={t('rules.empty')}
          footer={
            <Stack mt="md">
              <RuleForm
                orgId={orgId}
                curricula={(curricula.data ?? []).map((c) => ({ value: c.id, label: nameOf(c) }))}
                onSubmit={(input: RuleInput) => api<Rule>(adminApi.rules(orgId), { body: input })}
                onDone={(rule) => {
                  refreshRules();
                  notify({ tone: 'success', message: t('rules.created', { count: rule.enrolled }) });
                }}
              />
            </Stack>
          }
        >
          <RulesTable
            rules={rules.data ?? []}
            setActive={(r, active) => api<Rule>(adminApi.rule(orgId, r.id), { method: 'PATCH', body: { active } })}
            remove={(r) => api<void>(adminApi.rule(orgId, r.id), { method: 'DELETE' })}
            onChanged={refreshRules}
          />
        </ListSection>

        <section aria-labelledby="assign-heading">
          <Title id="assign-heading" order={2} size="h3" mb="sm">
            {t('assign.heading')}
          </Title>
          <AssignmentForm orgId={orgId} onDone={refreshRules} />
        </section>
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('curricula.create') : t('curricula.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null ? (
          <CurriculumForm
            orgId={orgId}
            initial={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={(c) => {
              setEditing(null);
              void queryClient.invalidateQueries({ queryKey: adminKeys.curricula(orgId) });
              notify({ tone: 'success', message: t('curricula.saved', { name: nameOf(c) }) });
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function CurriculaTable({ orgId, curricula, onEdit }: { orgId: string; curricula: Curriculum[]; onEdit: (c: Curriculum) => void }) {
  const { t } = useTranslation('learningAdmin');
  const nameOf = useCurriculumName();
  const modules = useModuleChoices(orgId);
  const titleOf = (id: string) => modules.data?.find((m) => m.value === id)?.label ?? id;
  return (
    <DataTable
      caption={t('curricula.listTitle')}
      minWidth={800}
      head={
        <>
          <Th>{t('curricula.name')}</Th>
          <Th>{t('curricula.kind')}</Th>
          <Th>{t('curricula.modules')}</Th>
          <Th>{t('fields.dueDays')}</Th>
          <Th>{t('curricula.recurrence')}</Th>
          <Th>{t('common.actions')}</Th>
        </>
      }
    >
      {curricula.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td fw={600}>{nameOf(c)}</Table.Td>
          <Table.Td>
            <StatusBadge color={c.organizationId ? 'teal' : 'blue'}>
              {c.organizationId ? t('curricula.own') : t('curricula.default')}
            </StatusBadge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{c.moduleIds.map(titleOf).join(' → ')}</Text>
          </Table.Td>
          <Table.Td>{c.dueDays}</Table.Td>
          <Table.Td>{c.recurrenceMonths ? t('curricula.everyN', { count: c.recurrenceMonths }) : t('curricula.once')}</Table.Td>
          <Table.Td>
            {c.editable ? (
              <Button size="xs" variant="light" onClick={() => onEdit(c)}>
                {t('catalogue.edit')}
                <VisuallyHidden>{`, ${nameOf(c)}`}</VisuallyHidden>
              </Button>
            ) : null}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
