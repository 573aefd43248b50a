import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { auditClauseFromModel, type ContractFormValues, contractFromForm } from '../contract-form.js';
import { errorsByField, generalError } from '../field-errors.js';
import { type ContractInput, renewalKinds } from '../types.js';
import { AuditClauseFields } from './AuditClauseFields.js';
import { ClauseChecklist } from './ClauseChecklist.js';
import { useGrids, useModelClauses } from './use-contract-data.js';

const auditNames = ['frequencyMonths', 'gridId', 'noticeDays', 'payer', 'costCapEur', 'fixDeadlineDays', 'triggers', 'hdsReportDelayDays'];
const names = [
  'reference',
  'title',
  'startsOn',
  'endsOn',
  'renewal',
  'noticeDays',
  'incidentNotificationHours',
  'auditClause',
  ...auditNames.map((n) => `auditClause.${n}`),
];

interface Props {
  orgId: string;
  initial: ContractFormValues;
  submitLabel: string;
  onSubmit: (body: ContractInput) => void;
  pending: boolean;
  error: unknown;
  onCancel?: () => void;
}

/** Dates, renewal and notice, the clause checklist and the structured audit clause, saved together. */
export function ContractForm({ orgId, initial, submitLabel, onSubmit, pending, error, onCancel }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const [v, setV] = useState(initial);
  const models = useModelClauses(orgId);
  const grids = useGrids(orgId);
  const set = (patch: Partial<ContractFormValues>) => setV((prev) => ({ ...prev, ...patch }));
  const errors = errorsByField(error, names);
  const text = (k: 'reference' | 'title' | 'noticeDays' | 'incidentNotificationHours', required: boolean, numeric = false) => (
    <TextInput
      label={t(`contracts.${k}`)}
      description={numeric ? t(`contracts.${k}Help`) : undefined}
      required={required}
      inputMode={numeric ? 'numeric' : undefined}
      value={v[k]}
      onChange={(e) => set({ [k]: e.currentTarget.value })}
      error={errors[k]}
    />
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(contractFromForm(v));
      }}
    >
      <Stack>
        <Fieldset legend={t('contracts.general')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('reference', true)}
            {text('title', true)}
            <TextInput
              type="date"
              label={t('contracts.startsOn')}
              required
              value={v.startsOn}
              onChange={(e) => set({ startsOn: e.currentTarget.value })}
              error={errors.startsOn}
            />
            <TextInput
              type="date"
              label={t('contracts.endsOn')}
              description={t('contracts.endsOnHelp')}
              value={v.endsOn}
              onChange={(e) => set({ endsOn: e.currentTarget.value })}
              error={errors.endsOn}
            />
            <NativeSelect
              label={t('contracts.renewal')}
              value={v.renewal}
              onChange={(e) => set({ renewal: e.currentTarget.value as ContractFormValues['renewal'] })}
              data={renewalKinds.map((r) => ({ value: r, label: t(`renewals.${r}`) }))}
              error={errors.renewal}
            />
            {text('noticeDays', true, true)}
            {text('incidentNotificationHours', false, true)}
          </SimpleGrid>
        </Fieldset>
        <ClauseChecklist
          clauses={v.clauses}
          models={models.data ?? []}
          onChange={(key, patch) => set({ clauses: v.clauses.map((c) => (c.key === key ? { ...c, ...patch } : c)) })}
        />
        <AuditClauseFields
          enabled={v.hasAuditClause}
          value={v.auditClause}
          grids={grids.data ?? []}
          errors={errors}
          onEnable={(on) => set({ hasAuditClause: on })}
          onChange={(patch) => set({ auditClause: { ...v.auditClause, ...patch } })}
          onPrefill={() =>
            set({
              auditClause: auditClauseFromModel(
                models.data?.find((m) => m.key === 'audit'),
                v.auditClause,
              ),
            })
          }
        />
        <ErrorAlert error={generalError(error, names)} />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
