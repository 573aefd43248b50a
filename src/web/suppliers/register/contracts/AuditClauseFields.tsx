import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditClauseForm } from '../contract-form.js';
import { clausePayers, clauseTriggers, type GridSummary, type Payer, type Trigger } from '../types.js';

interface Props {
  enabled: boolean;
  value: AuditClauseForm;
  grids: GridSummary[];
  errors: Record<string, string>;
  onEnable: (on: boolean) => void;
  onChange: (patch: Partial<AuditClauseForm>) => void;
  onPrefill: () => void;
}

/** The structured audit clause: what drives the audit calendar, who pays and how fast findings are fixed. */
export function AuditClauseFields({ enabled, value, grids, errors, onEnable, onChange, onPrefill }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const err = (k: keyof AuditClauseForm) => errors[`auditClause.${k}`];
  const number = (k: 'frequencyMonths' | 'noticeDays' | 'costCapEur' | 'fixDeadlineDays' | 'hdsReportDelayDays', required: boolean) => (
    <TextInput
      label={t(`auditClause.${k}`)}
      description={t(`auditClause.${k}Help`)}
      inputMode="numeric"
      required={required}
      value={value[k]}
      onChange={(e) => onChange({ [k]: e.currentTarget.value })}
      error={err(k)}
    />
  );
  return (
    <Fieldset legend={t('auditClause.title')}>
      <Group justify="space-between">
        <Switch label={t('auditClause.enable')} checked={enabled} onChange={(e) => onEnable(e.currentTarget.checked)} />
        {enabled ? (
          <Button size="xs" variant="light" onClick={onPrefill}>
            {t('auditClause.prefill')}
          </Button>
        ) : null}
      </Group>
      {enabled ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            {number('frequencyMonths', true)}
            <NativeSelect
              label={t('auditClause.gridId')}
              required
              value={value.gridId}
              onChange={(e) => onChange({ gridId: e.currentTarget.value })}
              data={[{ value: '', label: t('auditClause.chooseGrid') }, ...grids.map((g) => ({ value: g.id, label: g.title }))]}
              error={err('gridId')}
            />
            {number('noticeDays', true)}
            <NativeSelect
              label={t('auditClause.payer')}
              value={value.payer}
              onChange={(e) => onChange({ payer: e.currentTarget.value as Payer })}
              data={clausePayers.map((p) => ({ value: p, label: t(`payers.${p}`) }))}
              error={err('payer')}
            />
            {number('costCapEur', false)}
            {number('fixDeadlineDays', true)}
            {number('hdsReportDelayDays', false)}
          </SimpleGrid>
          <Checkbox.Group
            mt="sm"
            label={t('auditClause.triggers')}
            value={value.triggers}
            onChange={(vals) => onChange({ triggers: clauseTriggers.filter((x) => vals.includes(x)) as Trigger[] })}
            error={err('triggers')}
          >
            <Group mt={6}>
              {clauseTriggers.map((x) => (
                <Checkbox key={x} value={x} label={t(`triggers.${x}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('auditClause.none')}
        </Text>
      )}
    </Fieldset>
  );
}
