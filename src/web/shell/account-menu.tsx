import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../me.js';
import { useSignOut } from './sign-out.js';

/** Initials for the avatar: first letters of the first two words of the name, else of the email. */
export function initials(displayName: string, email: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((w) => w[0]) : [email[0] ?? '?'];
  return letters.join('').toUpperCase();
}

export function AccountMenu({ account }: { account: Account }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t('account.menu', { name: account.displayName || account.email })} p={4} style={{ borderRadius: 999 }}>
          <Avatar color="rempart" radius="xl" size="md" alt="">
            {initials(account.displayName, account.email)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          {t('account.myAccount')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('account.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
