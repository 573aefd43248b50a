import { Button, Card, CloseButton, Group, MultiSelect, NumberInput, Pill, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { formErrorsOf } from '../../../admin/components/formErrors.js';
import { api } from '../../../api.js';
import { PersonPicker, personLabel } from '../components/person-picker.js';
import { TargetingFields } from '../components/targeting-fields.js';
import { adminApi } from '../endpoints.js';
import type { Targeting } from '../rule-form.js';
import type { AssignmentsInput } from '../types.js';
import { useModuleChoices } from './hooks.js';

const fields = ['moduleIds', 'personIds', 'roleFamilies', 'services', 'sites', 'dueDays'] as const;

/** Assigns modules once, to named people and/or to everyone matching a targeting (no rule kept). */
export function AssignmentForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation('learningAdmin');
  const modules = useModuleChoices(orgId);
  const [moduleIds, setModuleIds] = useState<string[]>([]);
  const [people, setPeople] = useState<Array<{ id: string; label: string }>>([]);
  const [targeting, setTargeting] = useState<Targeting>({ roleFamilies: [], services: [], sites: [] });
  const [dueDays, setDueDays] = useState(30);
  const assign = useMutation({
    mutationFn: (input: AssignmentsInput) =>
      api<{ created: number; alreadyAssigned: number }>(adminApi.assignments(orgId), { body: input }),
    onSuccess: onDone,
  });
  const { byField, general } = formErrorsOf(assign.error, fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: AssignmentsInput = { moduleIds, dueDays };
    if (people.length) input.personIds = people.map((p) => p.id);
    if (targeting.roleFamilies.length) input.roleFamilies = targeting.roleFamilies;
    if (targeting.services.length) input.services = targeting.services;
    if (targeting.sites.length) input.sites = targeting.sites;
    assign.mutate(input);
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="assignment-form-title">
      <Stack>
        <Title id="assignment-form-title" order={3} size="h4">
          {t('assign.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assign.description')}
        </Text>
        <MultiSelect
          label={t('assign.modules')}
          required
          searchable
          data={modules.data ?? []}
          value={moduleIds}
          onChange={setModuleIds}
          error={byField.moduleIds}
        />
        <PersonPicker
          orgId={orgId}
          label={t('assign.addPerson')}
          onPick={(p) => setPeople((list) => (list.some((x) => x.id === p.id) ? list : [...list, { id: p.id, label: personLabel(p) }]))}
          error={byField.personIds}
        />
        {people.length ? (
          <Group gap={6} aria-label={t('assign.people')} role="list">
            {people.map((p) => (
              <Pill key={p.id} role="listitem">
                <Group gap={4} wrap="nowrap">
                  {p.label}
                  <CloseButton
                    size="xs"
                    aria-label={t('assign.removePerson', { name: p.label })}
                    onClick={() => setPeople((list) => list.filter((x) => x.id !== p.id))}
                  />
                </Group>
              </Pill>
            ))}
          </Group>
        ) : null}
        <TargetingFields orgId={orgId} value={targeting} onChange={setTargeting} errors={byField} />
        <NumberInput
          label={t('fields.dueDays')}
          min={1}
          max={730}
          allowDecimal={false}
          value={dueDays}
          onChange={(v) => setDueDays(Number(v) || 0)}
          error={byField.dueDays}
          maw={240}
        />
        {general ? <ErrorAlert error={assign.error} /> : null}
        {assign.data ? (
          <Callout color="teal" role="status" title={t('assign.doneTitle')}>
            {t('assign.done', { created: assign.data.created, already: assign.data.alreadyAssigned })}
          </Callout>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={assign.isPending}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
