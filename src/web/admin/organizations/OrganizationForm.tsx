import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { organizationKinds } from '../labels.js';
import type { Organization, OrganizationKind } from '../types.js';

export interface OrganizationInput {
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  siret: string | null;
  city: string | null;
}

const fields = ['name', 'shortName', 'kind', 'siret', 'city'] as const;

interface Props {
  initial?: Organization;
  submitLabel: string;
  onSubmit: (input: OrganizationInput) => Promise<unknown>;
  onDone: (saved: unknown) => void;
  onCancel?: () => void;
}

/** Creates or edits an organization; the server's field errors land on the matching input. */
export function OrganizationForm({ initial, submitLabel, onSubmit, onDone, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(initial?.name ?? '');
  const [shortName, setShortName] = useState(initial?.shortName ?? '');
  const [kind, setKind] = useState<OrganizationKind | null>(initial?.kind ?? null);
  const [siret, setSiret] = useState(initial?.siret ?? '');
  const [city, setCity] = useState(initial?.city ?? '');
  const [missingKind, setMissingKind] = useState(false);
  const save = useMutation({ mutationFn: onSubmit, onSuccess: onDone });
  const { byField, general } = formErrorsOf(save.error, fields);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) {
      setMissingKind(true);
      return;
    }
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    save.mutate({ name: name.trim(), shortName: orNull(shortName), kind, siret: orNull(siret.replace(/\s+/g, '')), city: orNull(city) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('organizations.fields.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={byField.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organizations.fields.shortName')}
            value={shortName}
            onChange={(e) => setShortName(e.currentTarget.value)}
            error={byField.shortName}
          />
          <Select
            label={t('organizations.fields.kind')}
            required
            data={organizationKinds.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
            value={kind}
            onChange={(v) => {
              setKind(v as OrganizationKind | null);
              setMissingKind(false);
            }}
            error={byField.kind ?? (missingKind ? t('common.required') : undefined)}
          />
          <TextInput
            label={t('organizations.fields.siret')}
            description={t('organizations.siretHint')}
            inputMode="numeric"
            value={siret}
            onChange={(e) => setSiret(e.currentTarget.value)}
            error={byField.siret}
          />
          <TextInput
            label={t('organizations.fields.city')}
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={byField.city}
          />
        </SimpleGrid>
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
