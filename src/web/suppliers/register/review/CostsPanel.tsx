import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { api } from '../../../api.js';
import { centsFromEuros, formatCents, splitPercents } from '../cost-split.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { errorsByField } from '../field-errors.js';
import type { AuditCosts } from './types.js';

/** What the audit cost and who pays it under the clause (provider on breach, cost cap, shared audits). */
export function CostsPanel({ orgId, auditId, lead }: { orgId: string; auditId: string; lead: boolean }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const queryClient = useQueryClient();
  const key = [...registerKeys.review(orgId, auditId), 'costs'];
  const costs = useQuery({ queryKey: key, queryFn: () => api<AuditCosts>(registerApi.costs(orgId, auditId)) });
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [incurredOn, setIncurredOn] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const put = (data: AuditCosts) => queryClient.setQueryData(key, data);
  const add = useMutation({
    mutationFn: (amountCents: number) =>
      api<AuditCosts>(registerApi.costs(orgId, auditId), { body: { label: label.trim(), amountCents, incurredOn } }),
    onSuccess: (data) => {
      put(data);
      setLabel('');
      setAmount('');
    },
  });
  const remove = useMutation({
    mutationFn: (costId: string) => api<AuditCosts>(registerApi.costs(orgId, auditId, costId), { method: 'DELETE' }),
    onSuccess: (data) => {
      put(data);
      setDeleting(null);
    },
  });
  const euros = (c: number) => formatCents(c, i18n.language);
  const errors = errorsByField(add.error, ['label', 'amountCents', 'incurredOn']);
  const split = costs.data?.split;
  const pct = split ? splitPercents(split) : null;
  return (
    <section aria-labelledby="costs-heading">
      <Title id="costs-heading" order={2} size="h3" mb="sm">
        {t('costs.title')}
      </Title>
      <ErrorAlert error={costs.error} />
      {split && pct ? (
        <Stack gap={4} mb="sm">
          <Text size="sm">
            {t('costs.payerLine', { payer: t(`payers.${split.payer}`) })}
            {split.payer === 'provider_if_breach' ? ` ${split.breach ? t('costs.breach') : t('costs.noBreach')}` : ''}
          </Text>
          <Text size="sm" fw={600} aria-live="polite">
            {t('costs.splitLine', {
              total: euros(split.totalCents),
              establishment: euros(split.establishmentCents),
              ep: pct.establishment,
              provider: euros(split.providerCents),
              pp: pct.provider,
            })}
          </Text>
          {split.shares.length > 1 || split.shares.some((s) => s.capped) ? (
            <Stack gap={2}>
              {split.shares.map((s) => (
                <Text key={s.organizationId} size="xs" c="dimmed">
                  {t('costs.shareLine', {
                    name: s.organizationName,
                    portion: euros(s.portionCents),
                    establishment: euros(s.establishmentCents),
                    provider: euros(s.providerCents),
                  })}
                  {s.capped && s.capCents !== null ? ` · ${t('costs.capped', { cap: euros(s.capCents) })}` : ''}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
      {costs.data && costs.data.items.length > 0 ? (
        <DataTable
          caption={t('costs.title')}
          minWidth={480}
          head={
            <>
              <Th>{t('costs.label')}</Th>
              <Th>{t('costs.incurredOn')}</Th>
              <Th>{t('costs.amount')}</Th>
              {lead ? <Th>{t('common.actions')}</Th> : null}
            </>
          }
        >
          {costs.data.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>{new Date(`${c.incurredOn}T00:00:00`).toLocaleDateString(i18n.language)}</Table.Td>
              <Table.Td>{euros(c.amountCents)}</Table.Td>
              {lead ? (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    c="red.9"
                    onClick={() => {
                      remove.reset();
                      setDeleting(c.id);
                    }}
                  >
                    {t('costs.delete', { label: c.label })}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      ) : (
        <Text c="dimmed" size="sm">
          {t('costs.empty')}
        </Text>
      )}
      {lead ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const cents = centsFromEuros(amount);
            setAmountError(cents === null ? t('costs.amountInvalid') : null);
            if (cents !== null) add.mutate(cents);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 4 }} mt="sm" style={{ alignItems: 'end' }}>
            <TextInput
              label={t('costs.label')}
              required
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errors.label}
            />
            <TextInput
              label={t('costs.amount')}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={amountError ?? errors.amountCents}
            />
            <TextInput
              type="date"
              label={t('costs.incurredOn')}
              required
              value={incurredOn}
              onChange={(e) => setIncurredOn(e.currentTarget.value)}
              error={errors.incurredOn}
            />
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('costs.add')}
              </Button>
            </Group>
          </SimpleGrid>
          {Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
        </form>
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('costs.deleteTitle')}
        confirmLabel={t('common.delete')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('costs.deleteText')}
      </ConfirmModal>
    </section>
  );
}
