import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { daysUntil, groupByMonth, monthLabel } from '../calendar-logic.js';
import { registerApi, registerKeys } from '../endpoints.js';
import type { Calendar, CalendarItem } from '../types.js';

/** Audits due from the contracts' audit clauses, late ones first, then the coming months. */
export function CalendarPage() {
  return <WithOrg>{(orgId) => <AuditCalendar orgId={orgId} />}</WithOrg>;
}

function AuditCalendar({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const navigate = useNavigate();
  const [state, set] = useUrlState({ from: '', to: '' });
  const calendar = useQuery({
    queryKey: [...registerKeys.calendar(orgId), state],
    queryFn: () => api<Calendar>(`${registerApi.calendar(orgId)}${qs({ from: state.from, to: state.to })}`),
    placeholderData: keepPreviousData,
  });
  const plan = useMutation({
    mutationFn: (item: CalendarItem) =>
      api<{ id: string }>(registerApi.audits(orgId), {
        body: { supplierId: item.supplierId, contractId: item.contractId, gridId: item.gridId, dueOn: item.dueOn },
      }),
    onSuccess: (audit) => void navigate(`/suppliers/audits/${encodeURIComponent(audit.id)}`),
  });
  const today = calendar.data?.today ?? '';
  const date = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language);

  const row = (item: CalendarItem) => {
    const days = daysUntil(item.dueOn, today);
    return (
      <Card key={`${item.contractId}-${item.auditId ?? item.dueOn}`} withBorder padding="sm" component="li">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Anchor component={Link} to={`/suppliers/${encodeURIComponent(item.supplierId)}`} fw={600}>
              {item.supplierName}
            </Anchor>
            <Text size="sm">
              {t('calendar.dueLine', { date: date(item.dueOn) })}{' '}
              {days < 0 ? t('calendar.lateBy', { count: -days }) : t('calendar.inDays', { count: days })}
            </Text>
            <Text size="xs" c="dimmed">
              <Anchor component={Link} to={`/suppliers/contracts/${encodeURIComponent(item.contractId)}`} size="xs" underline="always">
                {t('calendar.contract', { reference: item.contractReference })}
              </Anchor>
              {item.frequencyMonths ? ` · ${t('calendar.every', { count: item.frequencyMonths })}` : ''}
              {item.triggerReason ? ` · ${item.triggerReason}` : ''}
            </Text>
          </div>
          <Group gap="xs">
            <Badge variant="light" color={item.overdue ? 'red' : 'blue'} c="var(--mantine-color-text)">
              {t(`calendar.states.${item.state}`)}
            </Badge>
            {item.kind !== 'scheduled' ? <Badge variant="outline">{t(`calendar.kinds.${item.kind}`)}</Badge> : null}
            {item.auditId ? (
              <Button size="xs" variant="light" component={Link} to={`/suppliers/audits/${encodeURIComponent(item.auditId)}`}>
                {t('calendar.openAudit', { name: item.supplierName })}
              </Button>
            ) : (
              <Button
                size="xs"
                onClick={() => plan.mutate(item)}
                loading={plan.isPending && plan.variables === item}
                disabled={!item.gridId}
              >
                {t('calendar.plan', { name: item.supplierName })}
              </Button>
            )}
          </Group>
        </Group>
      </Card>
    );
  };

  const groups = groupByMonth(calendar.data?.upcoming ?? []);
  const overdue = calendar.data?.overdue ?? [];
  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} />
      <Group align="flex-end" gap="sm" mb="md">
        <TextInput type="date" label={t('calendar.from')} value={state.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('calendar.to')} value={state.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </Group>
      <ErrorAlert error={plan.error} />
      <ListStatus
        isPending={calendar.isPending}
        error={calendar.error}
        isEmpty={groups.length === 0 && overdue.length === 0}
        emptyTitle={t('calendar.empty')}
        emptyDescription={t('calendar.emptyHint')}
        emptyAction={
          <Button component={Link} to="/suppliers">
            {t('calendar.toRegister')}
          </Button>
        }
      >
        <Stack gap="lg">
          {overdue.length > 0 ? (
            <section aria-labelledby="overdue-heading">
              <Title id="overdue-heading" order={2} size="h3" mb="sm" c="red.9">
                {t('calendar.overdue', { count: overdue.length })}
              </Title>
              <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
                {overdue.map(row)}
              </Stack>
            </section>
          ) : null}
          {groups.map((g) => (
            <section key={g.month} aria-labelledby={`month-${g.month}`}>
              <Title id={`month-${g.month}`} order={2} size="h3" mb="sm" tt="capitalize">
                {monthLabel(g.month, i18n.language)}
              </Title>
              <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
                {g.items.map(row)}
              </Stack>
            </section>
          ))}
        </Stack>
      </ListStatus>
    </>
  );
}
