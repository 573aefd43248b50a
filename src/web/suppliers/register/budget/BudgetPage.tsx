import { Anchor, Group, NativeSelect, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { formatCents } from '../cost-split.js';
import { registerApi, registerKeys } from '../endpoints.js';
import type { Budget } from '../review/types.js';

/** A year of audit costs: what the establishment paid and what providers paid of its part, by month and provider. */
export function BudgetPage() {
  return <WithOrg>{(orgId) => <BudgetView orgId={orgId} />}</WithOrg>;
}

function BudgetView({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const thisYear = new Date().getFullYear();
  const [state, set] = useUrlState({ year: String(thisYear) });
  const year = Number(state.year) || thisYear;
  const budget = useQuery({
    queryKey: [...registerKeys.org(orgId), 'budget', year],
    queryFn: () => api<Budget>(registerApi.budget(orgId, year)),
    placeholderData: keepPreviousData,
  });
  const euros = (c: number) => formatCents(c, i18n.language);
  const month = (m: number) => new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString(i18n.language, { month: 'long', timeZone: 'UTC' });
  const b = budget.data;
  return (
    <>
      <PageHeader title={t('budget.title')} description={t('budget.description')} />
      <Group mb="md">
        <NativeSelect
          label={t('budget.year')}
          value={String(year)}
          onChange={(e) => set({ year: e.currentTarget.value })}
          data={[0, 1, 2, 3, 4].map((n) => String(thisYear + 1 - n))}
        />
      </Group>
      <ListStatus isPending={budget.isPending} error={budget.error} isEmpty={false} emptyTitle="">
        {b ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mb="lg">
              <div>
                <Text size="sm" c="dimmed">
                  {t('budget.establishment')}
                </Text>
                <Text fz="xl" fw={700}>
                  {euros(b.totals.establishmentCents)}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('budget.provider')}
                </Text>
                <Text fz="xl" fw={700}>
                  {euros(b.totals.providerCents)}
                </Text>
              </div>
            </SimpleGrid>
            <Title order={2} size="h3" mb="sm">
              {t('budget.byMonth')}
            </Title>
            <DataTable
              caption={t('budget.byMonth')}
              minWidth={420}
              head={
                <>
                  <Th>{t('budget.month')}</Th>
                  <Th>{t('budget.establishment')}</Th>
                  <Th>{t('budget.provider')}</Th>
                </>
              }
            >
              {b.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td tt="capitalize">{month(m.month)}</Table.Td>
                  <Table.Td>{euros(m.establishmentCents)}</Table.Td>
                  <Table.Td>{euros(m.providerCents)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Title order={2} size="h3" my="sm">
              {t('budget.byProvider')}
            </Title>
            {b.providers.length === 0 ? (
              <Text c="dimmed">{t('budget.empty')}</Text>
            ) : (
              <DataTable
                caption={t('budget.byProvider')}
                minWidth={520}
                head={
                  <>
                    <Th>{t('budget.providerName')}</Th>
                    <Th>{t('budget.audits')}</Th>
                    <Th>{t('budget.establishment')}</Th>
                    <Th>{t('budget.provider')}</Th>
                  </>
                }
              >
                {b.providers.map((p) => (
                  <Table.Tr key={p.supplierId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/suppliers/${encodeURIComponent(p.supplierId)}`}>
                        {p.supplierName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.audits}</Table.Td>
                    <Table.Td>{euros(p.establishmentCents)}</Table.Td>
                    <Table.Td>{euros(p.providerCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </>
        ) : null}
      </ListStatus>
    </>
  );
}
