import { Anchor, Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { Th } from '../../../admin/components/SortableTh.js';
import type { ContractSummary } from '../types.js';

/** The provider's contracts, each opening its clauses, audit clause and gap analysis. */
export function ContractsSection({ supplierId, contracts }: { supplierId: string; contracts: ContractSummary[] }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language) : t('contracts.openEnded'));
  return (
    <section aria-labelledby="contracts-heading">
      <Group justify="space-between" mb="sm">
        <Title id="contracts-heading" order={2} size="h3">
          {t('contracts.title')}
        </Title>
        <Button component={Link} to={`/suppliers/${encodeURIComponent(supplierId)}/contracts/new`}>
          {t('contracts.add')}
        </Button>
      </Group>
      {contracts.length === 0 ? (
        <Text c="dimmed">{t('contracts.empty')}</Text>
      ) : (
        <DataTable
          caption={t('contracts.title')}
          minWidth={600}
          head={
            <>
              <Th>{t('contracts.reference')}</Th>
              <Th>{t('contracts.period')}</Th>
              <Th>{t('contracts.auditClause')}</Th>
              <Th>{t('contracts.status')}</Th>
            </>
          }
        >
          {contracts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/suppliers/contracts/${encodeURIComponent(c.id)}`} fw={600}>
                  {c.reference} — {c.title}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {date(c.startsOn)} → {date(c.endsOn)}
              </Table.Td>
              <Table.Td>
                {c.hasAuditClause ? (
                  t('common.yes')
                ) : (
                  <Badge color="orange" variant="light" c="var(--mantine-color-text)">
                    {t('contracts.noAuditClause')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.active ? t('contracts.active') : t('contracts.inactive')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
