import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { errorsByField, generalError } from '../field-errors.js';
import { sirenHint, siretHint } from '../siret.js';
import { previewTier, type SupplierFormValues, supplierFromForm } from '../supplier-form.js';
import { dataVolumes, dependencyLevels, type SupplierInput, systemAccesses, tiers } from '../types.js';

const names = [
  'name',
  'siren',
  'siret',
  'services',
  'dataVolume',
  'storageLocations',
  'processingLocations',
  'remoteMaintenanceDetails',
  'criticalityOverride',
  'criticalityReason',
] as const;

interface Props {
  initial: SupplierFormValues;
  submitLabel: string;
  onSubmit: (body: SupplierInput) => void;
  pending: boolean;
  error: unknown;
  onCancel?: () => void;
}

/** Identity, data handled, access and criticality of a provider; the server's errors show at their field. */
export function SupplierForm({ initial, submitLabel, onSubmit, pending, error, onCancel }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const [v, setV] = useState(initial);
  const set = (patch: Partial<SupplierFormValues>) => setV((prev) => ({ ...prev, ...patch }));
  const errors = errorsByField(error, names);
  const sirenState = sirenHint(v.siren);
  const siretState = siretHint(v.siret, v.siren);
  const hint = (state: ReturnType<typeof sirenHint>, kind: 'siren' | 'siret') =>
    state === null ? t(`form.${kind}Help`) : state === 'ok' ? t('form.numberOk') : t(`form.numberHint.${state}`);
  const computed = previewTier(v);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(supplierFromForm(v));
      }}
    >
      <Stack>
        <Fieldset legend={t('form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.name')}
              required
              value={v.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
            />
            <TextInput
              label={t('fields.siren')}
              required
              inputMode="numeric"
              value={v.siren}
              onChange={(e) => set({ siren: e.currentTarget.value })}
              description={<span aria-live="polite">{hint(sirenState, 'siren')}</span>}
              error={errors.siren}
            />
            <TextInput
              label={t('fields.siret')}
              inputMode="numeric"
              value={v.siret}
              onChange={(e) => set({ siret: e.currentTarget.value })}
              description={<span aria-live="polite">{hint(siretState, 'siret')}</span>}
              error={errors.siret}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('fields.services')}
            autosize
            minRows={2}
            value={v.services}
            onChange={(e) => set({ services: e.currentTarget.value })}
            error={errors.services}
          />
        </Fieldset>
        <Fieldset legend={t('form.data')}>
          <Checkbox
            label={t('fields.handlesHealthData')}
            checked={v.handlesHealthData}
            onChange={(e) => set({ handlesHealthData: e.currentTarget.checked })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <NativeSelect
              label={t('fields.dataVolume')}
              value={v.dataVolume}
              onChange={(e) => set({ dataVolume: e.currentTarget.value as SupplierFormValues['dataVolume'] })}
              data={dataVolumes.map((d) => ({ value: d, label: t(`dataVolumes.${d}`) }))}
              error={errors.dataVolume}
            />
            <TextInput
              label={t('fields.storageLocations')}
              description={t('form.locationsHelp')}
              value={v.storageLocations}
              onChange={(e) => set({ storageLocations: e.currentTarget.value })}
              error={errors.storageLocations}
            />
            <TextInput
              label={t('fields.processingLocations')}
              description={t('form.locationsHelp')}
              value={v.processingLocations}
              onChange={(e) => set({ processingLocations: e.currentTarget.value })}
              error={errors.processingLocations}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.access')}>
          <Switch
            label={t('fields.remoteMaintenance')}
            checked={v.remoteMaintenance}
            onChange={(e) => set({ remoteMaintenance: e.currentTarget.checked })}
          />
          {v.remoteMaintenance ? (
            <Textarea
              mt="sm"
              label={t('fields.remoteMaintenanceDetails')}
              description={t('form.remoteHelp')}
              autosize
              minRows={2}
              value={v.remoteMaintenanceDetails}
              onChange={(e) => set({ remoteMaintenanceDetails: e.currentTarget.value })}
              error={errors.remoteMaintenanceDetails}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <NativeSelect
              label={t('fields.dependency')}
              value={v.dependency}
              onChange={(e) => set({ dependency: e.currentTarget.value as SupplierFormValues['dependency'] })}
              data={dependencyLevels.map((d) => ({ value: d, label: t(`dependencies.${d}`) }))}
            />
            <NativeSelect
              label={t('fields.systemAccess')}
              value={v.systemAccess}
              onChange={(e) => set({ systemAccess: e.currentTarget.value as SupplierFormValues['systemAccess'] })}
              data={systemAccesses.map((d) => ({ value: d, label: t(`systemAccesses.${d}`) }))}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.criticality')}>
          <Text size="sm" aria-live="polite">
            {t('form.computedTier', { tier: computed })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('form.tierRule')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <NativeSelect
              label={t('fields.criticalityOverride')}
              value={v.criticalityOverride}
              onChange={(e) => set({ criticalityOverride: e.currentTarget.value as SupplierFormValues['criticalityOverride'] })}
              data={[
                { value: '', label: t('form.noOverride') },
                ...tiers.map((n) => ({ value: String(n), label: t('tier.badge', { tier: n }) })),
              ]}
              error={errors.criticalityOverride}
            />
            {v.criticalityOverride !== '' ? (
              <Textarea
                label={t('fields.criticalityReason')}
                required
                autosize
                minRows={2}
                value={v.criticalityReason}
                onChange={(e) => set({ criticalityReason: e.currentTarget.value })}
                error={errors.criticalityReason}
              />
            ) : null}
          </SimpleGrid>
        </Fieldset>
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
