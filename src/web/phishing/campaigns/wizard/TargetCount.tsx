import { Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { formatCount } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { CampaignTargets, PreviewTargets } from '../types.js';
import { namesSomeone, targetsOf, type WizardState } from '../wizard-state.js';

/** The live head count of some targets (shared cache: the launch dialog reads the same answer). */
export function useTargetCount(owner: Owner, targets: CampaignTargets) {
  return useQuery({
    queryKey: [...campaignKeys.owner(owner), 'preview-targets', JSON.stringify(targets)],
    queryFn: () => api<PreviewTargets>(campaignApi.previewTargets(owner), { body: { targets } }),
    enabled: namesSomeone(targets, owner.kind),
    placeholderData: keepPreviousData,
  });
}

/** How many people the targets reach right now, by service (and by organization for a territory). */
export function TargetCount({ owner, state }: { owner: Owner; state: WizardState }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  const [targets] = useDebouncedValue(targetsOf(state, owner.kind), 400);
  const named = namesSomeone(targets, owner.kind);
  const count = useTargetCount(owner, targets);
  const services = [...(count.data?.byService ?? [])].sort((a, b) => b.count - a.count);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="target-count-heading">
      <Stack gap="xs">
        <Title id="target-count-heading" order={3} size="h5">
          {t('wizard.targets.countTitle')}
        </Title>
        {!named ? (
          <Text size="sm" c="dimmed">
            {t('wizard.targets.countNone')}
          </Text>
        ) : count.isPending ? (
          <Loader size="sm" aria-label={t('wizard.targets.counting')} />
        ) : count.error ? (
          <ErrorAlert error={count.error} />
        ) : (
          <>
            <Text size="xl" fw={700} aria-live="polite" data-testid="target-count">
              {t('wizard.targets.count', { count: count.data?.count ?? 0, formatted: formatCount(count.data?.count ?? 0, l) })}
            </Text>
            {owner.kind === 'territory' && (count.data?.byOrganization.length ?? 0) > 0 ? (
              <BreakdownTable
                caption={t('wizard.targets.byOrganization')}
                rows={(count.data?.byOrganization ?? []).map((o) => ({ key: o.organizationId, label: o.name, count: o.count }))}
              />
            ) : null}
            {services.length > 0 ? (
              <BreakdownTable
                caption={t('wizard.targets.byService')}
                rows={services.map((s) => ({ key: s.service ?? '', label: s.service ?? t('wizard.targets.noService'), count: s.count }))}
              />
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function BreakdownTable({ caption, rows }: { caption: string; rows: Array<{ key: string; label: string; count: number }> }) {
  const { i18n } = useTranslation();
  return (
    // A focusable, named region: keyboard users can scroll a long list of services too.
    <ScrollArea.Autosize mah={320} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
      <Table striped verticalSpacing={4} fz="sm" captionSide="top">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              <Table.Td ta="right">{formatCount(r.count, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
