import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { territoryKinds } from '../labels.js';
import type { Territory, TerritoryKind } from '../types.js';

export interface TerritoryInput {
  name: string;
  kind: TerritoryKind;
  region: string | null;
}

const fields = ['name', 'kind', 'region'] as const;

interface Props {
  initial?: Territory;
  submitLabel: string;
  onSubmit: (input: TerritoryInput) => Promise<unknown>;
  onDone: (saved: unknown) => void;
  onCancel?: () => void;
}

/** Creates or renames a territory (GHT, CPTS, region or custom grouping). */
export function TerritoryForm({ initial, submitLabel, onSubmit, onDone, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<TerritoryKind | null>(initial?.kind ?? null);
  const [region, setRegion] = useState(initial?.region ?? '');
  const [missingKind, setMissingKind] = useState(false);
  const save = useMutation({ mutationFn: onSubmit, onSuccess: onDone });
  const { byField, general } = formErrorsOf(save.error, fields);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) {
      setMissingKind(true);
      return;
    }
    save.mutate({ name: name.trim(), kind, region: region.trim() === '' ? null : region.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('territories.fields.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={byField.name}
        />
        <Select
          label={t('territories.fields.kind')}
          required
          data={territoryKinds.map((k) => ({ value: k, label: t(`territoryKinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as TerritoryKind | null);
            setMissingKind(false);
          }}
          error={byField.kind ?? (missingKind ? t('common.required') : undefined)}
        />
        <TextInput
          label={t('territories.fields.region')}
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          error={byField.region}
        />
        {general ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
