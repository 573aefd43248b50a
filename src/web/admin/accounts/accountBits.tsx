import { CloseButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../components/StatusBadge.js';
import type { Account, AccountGrant } from '../types.js';

export const isLocked = (a: Account, now = Date.now()): boolean =>
  a.locked === true || (a.lockedUntil !== null && a.lockedUntil !== undefined && Date.parse(a.lockedUntil) > now);

/** Second-factor and lock state of an account, as short badges. */
export function AccountBadges({ account }: { account: Account }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4} wrap="nowrap">
      <StatusBadge color={account.totpEnabled ? 'teal' : 'gray'}>
        {account.totpEnabled ? t('accounts.totpOn') : t('accounts.totpOff')}
      </StatusBadge>
      {isLocked(account) ? <StatusBadge color="red">{t('accounts.locked')}</StatusBadge> : null}
      {account.active === false ? <StatusBadge color="gray">{t('accounts.inactive')}</StatusBadge> : null}
    </Group>
  );
}

/** The roles of an account, one per line; with onRevoke each role gets a labelled remove button. */
export function GrantBadges({
  account,
  onRevoke,
  showScope = false,
}: {
  account: Account;
  onRevoke?: (g: AccountGrant) => void;
  showScope?: boolean;
}) {
  const { t } = useTranslation('admin');
  if (account.grants.length === 0) return <span>{t('accounts.noRole')}</span>;
  return (
    <Stack gap={2} miw={220} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {account.grants.map((g) => {
        const label = t(`roles.${g.role}`);
        const scope = showScope && g.scopeKind !== 'platform' ? (g.scopeName ?? t(`scopeKinds.${g.scopeKind}`)) : null;
        return (
          <Group component="li" key={g.id ?? `${g.role}-${g.scopeId}`} gap={4} wrap="nowrap" align="flex-start">
            <Text size="sm">
              {label}
              {scope ? (
                <Text span size="xs" c="dimmed">
                  {` · ${scope}`}
                </Text>
              ) : null}
            </Text>
            {onRevoke && g.id ? (
              <CloseButton
                size="sm"
                aria-label={t('accounts.revokeOf', { role: label, name: account.displayName || account.email })}
                onClick={() => onRevoke(g)}
              />
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
