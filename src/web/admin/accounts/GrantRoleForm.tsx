import { Button, Group, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { PersonSelect } from '../components/PersonSelect.js';
import { endpoints } from '../endpoints.js';
import { roleScopes, roles } from '../labels.js';
import type { Role } from '../types.js';

const orgRoles = roles.filter((r) => roleScopes[r].includes('organization'));

/** Gives a role on the organization to someone of its directory, or to an email (the account is created if needed). */
export function GrantRoleForm({ orgId, onGranted }: { orgId: string; onGranted: () => void }) {
  const { t } = useTranslation('admin');
  const [who, setWho] = useState<'person' | 'email'>('person');
  const [personId, setPersonId] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const grant = useMutation({
    mutationFn: (body: { personId: string; role: Role } | { email: string; role: Role }) =>
      api<unknown>(endpoints.orgGrants(orgId), { body }),
    onSuccess: () => {
      setPersonId(null);
      setEmail('');
      setRole(null);
      onGranted();
    },
  });
  const { byField, general } = formErrorsOf(grant.error, ['personId', 'email', 'role']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const absent = [
      ...(who === 'person' && !personId ? ['personId'] : []),
      ...(who === 'email' && !email.trim() ? ['email'] : []),
      ...(!role ? ['role'] : []),
    ];
    setMissing(absent);
    if (absent.length > 0 || !role) return;
    grant.mutate(who === 'person' && personId ? { personId, role } : { email: email.trim(), role });
  };
  const required = (f: string) => byField[f] ?? (missing.includes(f) ? t('common.required') : null);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('accounts.grant.title')}
        </Title>
        <SegmentedControl
          aria-label={t('accounts.grant.who')}
          value={who}
          onChange={(v) => setWho(v === 'email' ? 'email' : 'person')}
          data={[
            { value: 'person', label: t('accounts.grant.fromDirectory') },
            { value: 'email', label: t('accounts.grant.byEmail') },
          ]}
          w="fit-content"
        />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          {who === 'person' ? (
            <PersonSelect
              orgId={orgId}
              label={t('accounts.grant.person')}
              value={personId}
              onChange={setPersonId}
              error={required('personId')}
            />
          ) : (
            <TextInput
              type="email"
              label={t('accounts.grant.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={required('email')}
            />
          )}
          <Select
            label={t('accounts.grant.role')}
            data={orgRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            error={required('role')}
          />
        </Group>
        {general ? <ErrorAlert error={grant.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={grant.isPending}>
            {t('accounts.grant.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
