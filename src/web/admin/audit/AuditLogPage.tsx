import { Button, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { DataTable } from '../components/DataTable.js';
import { ListFooter } from '../components/ListFooter.js';
import { ListStatus } from '../components/ListStatus.js';
import { NoOrgState } from '../components/NoOrgState.js';
import { PageHeader } from '../components/PageHeader.js';
import { isPlatformAdmin, useMe } from '../components/useMe.js';
import { useUrlState } from '../components/useUrlState.js';
import { endpoints, qs } from '../endpoints.js';
import type { AuditEntry } from '../types.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditRows } from './AuditRows.js';
import { VerifyChain } from './VerifyChain.js';

const defaults = { action: '', entityType: '', actor: '', from: '', to: '', organizationId: '', page: '1', pageSize: '50' };

/** A day typed in the date field, as the first or last instant of that day in the reader's time zone. */
const dayBound = (day: string, end: boolean): string => {
  if (!day) return '';
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

/** The audit log: platform-wide for platform admins, else the current organization's; newest first. */
export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const { orgId } = useCurrentScope();
  const me = useMe();
  const [state, set] = useUrlState(defaults);
  const platform = isPlatformAdmin(me.data?.account?.grants ?? []);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 50;
  const filters = {
    action: state.action,
    entityType: state.entityType,
    actor: state.actor,
    from: dayBound(state.from, false),
    to: dayBound(state.to, true),
    ...(platform ? { organizationId: state.organizationId } : {}),
  };
  const base = platform ? endpoints.auditLog : orgId ? endpoints.orgAuditLog(orgId) : null;
  const exportBase = platform ? endpoints.auditLogExport : orgId ? endpoints.orgAuditLogExport(orgId) : null;
  const list = useQuery({
    queryKey: ['admin', 'audit', base, filters, page, pageSize],
    queryFn: () => api<Page<AuditEntry>>(`${base}${qs({ ...filters, page, pageSize })}`),
    enabled: base !== null && !me.isPending,
    placeholderData: keepPreviousData,
  });

  if (!me.isPending && !platform && !orgId) return <NoOrgState />;
  const filtered = Object.entries(state).some(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== '');

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={platform ? t('audit.introPlatform') : t('audit.introOrg')}
        actions={
          exportBase ? (
            <Button component="a" href={`${exportBase}${qs(filters)}`} variant="default" download>
              {t('audit.export')}
            </Button>
          ) : null
        }
      />
      {platform ? <VerifyChain /> : null}
      <AuditFilters value={state} onChange={set} platform={platform} />
      <ListStatus
        isPending={me.isPending || list.isPending}
        error={me.error ?? list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('common.noMatch') : t('audit.empty')}
      >
        <DataTable
          caption={t('audit.title')}
          minWidth={880}
          head={
            <>
              <Table.Th scope="col">{t('audit.fields.seq')}</Table.Th>
              <Table.Th scope="col">{t('audit.fields.at')}</Table.Th>
              <Table.Th scope="col">{t('audit.fields.actor')}</Table.Th>
              <Table.Th scope="col">{t('audit.fields.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.fields.entityType')}</Table.Th>
              <Table.Th scope="col">{t('audit.fields.entityId')}</Table.Th>
            </>
          }
        >
          <AuditRows entries={list.data?.items ?? []} />
        </DataTable>
        <ListFooter
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onPage={(p) => set({ page: String(p) })}
          onPageSize={(n) => set({ pageSize: String(n) })}
        />
      </ListStatus>
    </>
  );
}
