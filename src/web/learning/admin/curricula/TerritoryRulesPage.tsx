import { Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useTerritoryMembers } from '../alerts/members.js';
import { WithTerritory } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import type { Rule } from '../types.js';
import { RuleForm } from './RuleForm.js';
import { RulesTable } from './RulesTable.js';

/** The shared default curricula: the only ones every member organization has. */
const territoryCurricula = ['default-onboarding', 'default-refresher'] as const;

/** Rules of a territory: a default curriculum for the staff of some or all member organizations. */
export function TerritoryRulesPage() {
  return <WithTerritory>{(territoryId) => <TerritoryRules territoryId={territoryId} />}</WithTerritory>;
}

function TerritoryRules({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('learningAdmin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const key = [...adminKeys.territory(territoryId), 'rules'];
  const members = useTerritoryMembers(territoryId);
  const rules = useQuery({ queryKey: key, queryFn: () => api<Rule[]>(adminApi.territoryRules(territoryId)) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  return (
    <>
      <PageHeader title={t('rules.territoryTitle')} description={t('rules.territoryDescription')} />
      <Stack gap="lg">
        <ListStatus isPending={rules.isPending} error={rules.error} isEmpty={(rules.data ?? []).length === 0} emptyTitle={t('rules.empty')}>
          <RulesTable
            rules={rules.data ?? []}
            memberName={members.nameOf}
            setActive={(r, active) => api<Rule>(adminApi.territoryRule(territoryId, r.id), { method: 'PATCH', body: { active } })}
            remove={(r) => api<void>(adminApi.territoryRule(territoryId, r.id), { method: 'DELETE' })}
            onChanged={refresh}
          />
        </ListStatus>
        <RuleForm
          orgId={null}
          curricula={territoryCurricula.map((id) => ({ value: id, label: t(`curricula.defaults.${id}`) }))}
          members={members.options}
          onSubmit={(input) => api<Rule>(adminApi.territoryRules(territoryId), { body: input })}
          onDone={(rule) => {
            refresh();
            notify({ tone: 'success', message: t('rules.created', { count: rule.enrolled }) });
          }}
        />
      </Stack>
    </>
  );
}
