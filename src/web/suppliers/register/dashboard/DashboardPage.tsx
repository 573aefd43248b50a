import { Anchor, Badge, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { NoOrgState } from '../../../admin/components/NoOrgState.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { api } from '../../../api.js';
import { useCurrentScope } from '../../../shell/scope.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { type OrgDashboard, severities } from '../review/types.js';
import { Figure, FigureGroup } from './figures.js';
import { TerritoryDashboardView } from './TerritoryDashboard.js';

/** Provider risk at a glance: the organization's own, or its territory's when a territory is chosen. */
export function DashboardPage() {
  const { t } = useTranslation('suppliersRegister');
  const { orgId, territoryId } = useCurrentScope();
  if (orgId && territoryId) {
    // Both chosen in the header: a coordinator may read either, and may hold rights on only one.
    return (
      <Tabs defaultValue="organization" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="organization">{t('scopeTabs.organization')}</Tabs.Tab>
          <Tabs.Tab value="territory">{t('scopeTabs.territory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organization">
          <OrgDashboardView orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="territory">
          <TerritoryDashboardView territoryId={territoryId} />
        </Tabs.Panel>
      </Tabs>
    );
  }
  if (orgId) return <OrgDashboardView orgId={orgId} />;
  if (territoryId) return <TerritoryDashboardView territoryId={territoryId} />;
  return <NoOrgState />;
}

function OrgDashboardView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const dash = useQuery({
    queryKey: [...registerKeys.org(orgId), 'dashboard'],
    queryFn: () => api<OrgDashboard>(registerApi.dashboard(orgId)),
  });
  const d = dash.data;
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <ListStatus
        isPending={dash.isPending}
        error={dash.error}
        isEmpty={d?.providers.total === 0}
        emptyTitle={t('list.empty')}
        emptyDescription={t('list.emptyHint')}
      >
        {d ? (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <FigureGroup id="dash-providers" title={t('dashboard.providers')}>
                <Figure label={t('dashboard.total')} value={d.providers.total} />
                <Figure label={t('dashboard.healthData')} value={d.providers.healthData} />
                {(['1', '2', '3', '4'] as const).map((n) => (
                  <Figure key={n} label={t('tier.badge', { tier: n })} value={d.providers.byTier[n]} alert={n === '1'} />
                ))}
              </FigureGroup>
              <FigureGroup id="dash-hds" title={t('dashboard.hds')}>
                <Figure label={t('dashboard.hdsExpired')} value={d.hds.expired} alert />
                <Figure label={t('dashboard.hdsIn30')} value={d.hds.expiringIn30Days} alert />
                <Figure label={t('dashboard.hdsIn90')} value={d.hds.expiringIn90Days} />
                <Figure label={t('dashboard.hdsMissing')} value={d.hds.healthDataWithoutCertificate} alert />
              </FigureGroup>
              <FigureGroup id="dash-contracts" title={t('dashboard.contracts')}>
                <Figure label={t('dashboard.activeContracts')} value={d.contracts.active} />
                <Figure label={t('dashboard.withoutAuditClause')} value={d.contracts.withoutAuditClause} alert />
                <Figure label={t('dashboard.missingGdpr28')} value={d.contracts.missingGdpr28} alert />
              </FigureGroup>
              <FigureGroup id="dash-audits" title={t('dashboard.audits')}>
                <Figure label={t('dashboard.auditsOverdue')} value={d.audits.overdue} alert />
                <Figure label={t('dashboard.dueIn30')} value={d.audits.dueIn30Days} />
                <Figure label={t('dashboard.auditsOpen')} value={d.audits.open} />
                <Figure label={t('dashboard.inRemediation')} value={d.audits.inRemediation} />
              </FigureGroup>
              <FigureGroup id="dash-findings" title={t('dashboard.findings')}>
                {severities.map((s) => (
                  <Figure key={s} label={t(`severities.${s}`)} value={d.findings.open[s]} alert={s === 'critical' || s === 'high'} />
                ))}
                <Figure label={t('dashboard.findingsOverdue')} value={d.findings.overdue} alert />
              </FigureGroup>
            </SimpleGrid>
            <section aria-labelledby="riskiest-heading">
              <Title id="riskiest-heading" order={2} size="h3" mb="sm">
                {t('dashboard.riskiest')}
              </Title>
              {d.riskiest.length === 0 ? (
                <Text c="dimmed">{t('dashboard.noRisk')}</Text>
              ) : (
                <DataTable
                  caption={t('dashboard.riskiest')}
                  minWidth={560}
                  head={
                    <>
                      <Th>{t('fields.name')}</Th>
                      <Th>{t('fields.tier')}</Th>
                      <Th>{t('dashboard.criticalFindings')}</Th>
                      <Th>{t('dashboard.auditLate')}</Th>
                      <Th>{t('dashboard.riskScore')}</Th>
                    </>
                  }
                >
                  {d.riskiest.map((r) => (
                    <Table.Tr key={r.supplierId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/suppliers/${encodeURIComponent(r.supplierId)}`}>
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t('tier.badge', { tier: r.tier })}</Table.Td>
                      <Table.Td>{r.openCriticalFindings}</Table.Td>
                      <Table.Td>
                        {r.overdueAudit ? (
                          <Badge color="red" variant="light" c="var(--mantine-color-text)">
                            {t('common.yes')}
                          </Badge>
                        ) : (
                          t('common.no')
                        )}
                      </Table.Td>
                      <Table.Td>{r.riskScore}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </section>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
