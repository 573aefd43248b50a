import { Alert, CloseButton, Group, Pill, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { endpoints } from '../../../admin/endpoints.js';
import type { Person } from '../../../admin/types.js';
import { api } from '../../../api.js';
import { PersonPicker, personLabel } from '../../../learning/admin/components/person-picker.js';
import { useLivePreview } from '../components/use-live-preview.js';
import { libraryApi } from '../endpoints.js';
import { type GroupForm, toCriteria } from '../group-form.js';

/** People added by name, on top of the criteria; each shown by name and removable. */
export function PeopleField({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('phishingLibrary');
  const people = useQueries({
    queries: value.map((id) => ({
      queryKey: ['admin', 'people', orgId, 'one', id],
      queryFn: () => api<Person>(endpoints.person(orgId, id)),
      staleTime: 60_000,
    })),
  });
  return (
    <Stack gap={6}>
      <PersonPicker
        orgId={orgId}
        label={t('groups.addPerson')}
        onPick={(p) => (value.includes(p.id) ? undefined : onChange([...value, p.id]))}
        error={error}
      />
      {value.length > 0 ? (
        <Group gap={6} aria-label={t('groups.addedPeople')} role="list">
          {value.map((id, i) => {
            const p = people[i]?.data;
            const label = p ? personLabel(p) : id;
            return (
              <Pill key={id} role="listitem" size="md">
                <Group gap={4} wrap="nowrap">
                  <span>{label}</span>
                  <CloseButton
                    size="xs"
                    aria-label={t('groups.removePerson', { name: label })}
                    onClick={() => onChange(value.filter((x) => x !== id))}
                  />
                </Group>
              </Pill>
            );
          })}
        </Group>
      ) : null}
    </Stack>
  );
}

interface Preview {
  count: number;
  sample: Person[];
}

/** How many active people with an email the criteria reach now, and the first few by last name. */
export function GroupPreview({ orgId, form }: { orgId: string; form: GroupForm }) {
  const { t } = useTranslation('phishingLibrary');
  const { t: ta } = useTranslation('admin');
  const preview = useLivePreview<Preview>(libraryApi.groupPreview(orgId), { criteria: toCriteria(form) });
  return (
    <section aria-live="polite">
      <ErrorAlert error={preview.error} />
      {preview.data ? (
        <Stack gap="xs">
          <Alert color={preview.data.count === 0 ? 'yellow' : 'blue'} title={t('groups.count', { count: preview.data.count })}>
            {Object.keys(toCriteria(form)).length === 0 ? t('groups.allStaffHint') : t('groups.countHint')}
          </Alert>
          {preview.data.sample.length > 0 ? (
            <DataTable
              caption={t('groups.sample')}
              minWidth={520}
              head={
                <>
                  <Th>{t('groups.person')}</Th>
                  <Th>{t('groups.roleFamily')}</Th>
                  <Th>{t('groups.serviceSite')}</Th>
                </>
              }
            >
              {preview.data.sample.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{`${p.lastName} ${p.firstName}`}</Table.Td>
                  <Table.Td>{ta(`roleFamilies.${p.roleFamily}`)}</Table.Td>
                  <Table.Td>{[p.service, p.site].filter(Boolean).join(' · ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">{t('common.loading')}</Text>
      )}
    </section>
  );
}
