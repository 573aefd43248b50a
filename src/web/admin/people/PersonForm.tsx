import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { roleFamilies } from '../labels.js';
import type { Person, RoleFamily } from '../types.js';
import { facetValue, usePeopleFacets } from './facets.js';

export interface PersonInput {
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  roleFamily: RoleFamily;
  service: string | null;
  site: string | null;
  isManager: boolean;
}

const fields = ['email', 'firstName', 'lastName', 'jobTitle', 'roleFamily', 'service', 'site', 'isManager'] as const;

interface Props {
  orgId: string;
  initial?: Person;
  submitLabel: string;
  onSubmit: (input: PersonInput) => Promise<unknown>;
  onDone: (saved: unknown) => void;
  onCancel?: () => void;
}

/** One staff record; service and site suggest the values already used in the organization. */
export function PersonForm({ orgId, initial, submitLabel, onSubmit, onDone, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const facets = usePeopleFacets(orgId);
  const [email, setEmail] = useState(initial?.email ?? '');
  const [firstName, setFirstName] = useState(initial?.firstName ?? '');
  const [lastName, setLastName] = useState(initial?.lastName ?? '');
  const [jobTitle, setJobTitle] = useState(initial?.jobTitle ?? '');
  const [roleFamily, setRoleFamily] = useState<RoleFamily | null>(initial?.roleFamily ?? null);
  const [service, setService] = useState(initial?.service ?? '');
  const [site, setSite] = useState(initial?.site ?? '');
  const [isManager, setIsManager] = useState(initial?.isManager ?? false);
  const [missingFamily, setMissingFamily] = useState(false);
  const save = useMutation({ mutationFn: onSubmit, onSuccess: onDone });
  const { byField, general } = formErrorsOf(save.error, fields);
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!roleFamily) {
      setMissingFamily(true);
      return;
    }
    save.mutate({
      email: email.trim(),
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      jobTitle: orNull(jobTitle),
      roleFamily,
      service: orNull(service),
      site: orNull(site),
      isManager,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          type="email"
          autoComplete="off"
          label={t('people.fields.email')}
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={byField.email}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.fields.lastName')}
            required
            value={lastName}
            onChange={(e) => setLastName(e.currentTarget.value)}
            error={byField.lastName}
          />
          <TextInput
            label={t('people.fields.firstName')}
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            error={byField.firstName}
          />
          <TextInput
            label={t('people.fields.jobTitle')}
            value={jobTitle}
            onChange={(e) => setJobTitle(e.currentTarget.value)}
            error={byField.jobTitle}
          />
          <Select
            label={t('people.fields.roleFamily')}
            required
            data={roleFamilies.map((f) => ({ value: f, label: t(`roleFamilies.${f}`) }))}
            value={roleFamily}
            onChange={(v) => {
              setRoleFamily(v as RoleFamily | null);
              setMissingFamily(false);
            }}
            error={byField.roleFamily ?? (missingFamily ? t('common.required') : undefined)}
          />
          <Autocomplete
            label={t('people.fields.service')}
            data={(facets.data?.services ?? []).map(facetValue)}
            value={service}
            onChange={setService}
            error={byField.service}
          />
          <Autocomplete
            label={t('people.fields.site')}
            data={(facets.data?.sites ?? []).map(facetValue)}
            value={site}
            onChange={setSite}
            error={byField.site}
          />
        </SimpleGrid>
        <Switch
          label={t('people.fields.isManager')}
          description={t('people.managerHint')}
          checked={isManager}
          onChange={(e) => setIsManager(e.currentTarget.checked)}
          error={byField.isManager}
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
