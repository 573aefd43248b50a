import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { endpoints, qs } from '../endpoints.js';
import { roleScopes, roles } from '../labels.js';
import type { Role, Territory } from '../types.js';

// Organization roles are granted from the organization's tab; here: the platform and territories.
const grantable = roles.filter((r) => roleScopes[r].includes('platform') || roleScopes[r].includes('territory'));

/** Platform admins: make someone a platform admin, or give a role on a territory (coordinator...). */
export function PlatformGrantForm({ onGranted }: { onGranted: () => void }) {
  const { t } = useTranslation('admin');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [territoryId, setTerritoryId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [missing, setMissing] = useState<string[]>([]);
  const onTerritory = role !== null && !roleScopes[role].includes('platform');
  const territories = useQuery({
    queryKey: ['admin', 'territories', 'pick', q],
    queryFn: () => api<Page<Territory>>(`${endpoints.territories}${qs({ q, pageSize: 20 })}`),
    enabled: onTerritory,
  });
  const grant = useMutation({
    mutationFn: (body: { email: string; role: Role; territoryId: string | null }) =>
      api<unknown>(endpoints.platformGrants, {
        body: body.territoryId
          ? { email: body.email, role: body.role, scopeKind: 'territory', scopeId: body.territoryId }
          : { email: body.email, role: body.role, scopeKind: 'platform', scopeId: '' },
      }),
    onSuccess: () => {
      setEmail('');
      setRole(null);
      setTerritoryId(null);
      onGranted();
    },
  });
  const { byField, general } = formErrorsOf(grant.error, ['email', 'role', 'territoryId', 'scopeId']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const absent = [
      ...(!email.trim() ? ['email'] : []),
      ...(!role ? ['role'] : []),
      ...(onTerritory && !territoryId ? ['territoryId'] : []),
    ];
    setMissing(absent);
    if (absent.length > 0 || !role) return;
    grant.mutate({ email: email.trim(), role, territoryId: onTerritory ? territoryId : null });
  };
  const error = (f: string) =>
    byField[f] ?? (f === 'territoryId' ? byField.scopeId : undefined) ?? (missing.includes(f) ? t('common.required') : null);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('accounts.platformGrant.title')}
        </Title>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <TextInput
            type="email"
            label={t('accounts.grant.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error('email')}
          />
          <Select
            label={t('accounts.grant.role')}
            data={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            error={error('role')}
          />
          {onTerritory ? (
            <Select
              label={t('accounts.platformGrant.territory')}
              placeholder={t('common.typeToSearch')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={(territories.data?.items ?? []).map((tr) => ({
                value: tr.id,
                label: `${tr.name} (${t(`territoryKinds.${tr.kind}`)})`,
              }))}
              value={territoryId}
              onChange={setTerritoryId}
              nothingFoundMessage={t('common.nothingFound')}
              error={error('territoryId')}
            />
          ) : null}
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
