import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AlertBanner } from '../learning/alert-banner.js';
import type { Account } from '../me.js';
import { modules } from '../modules.js';
import { AccountMenu } from './account-menu.js';
import { LanguageSwitch } from './language-switch.js';
import { activeEntry, visibleNav } from './nav.js';
import { ScopeProvider } from './scope-provider.js';
import { ScopeSwitcher } from './scope-switcher.js';
import { pageTitle, pageTitledItself } from './title.js';

/** The signed-in frame: header, navigation (a burger menu on phones) and the page. */
export function Layout({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const groups = visibleNav(modules, { grants: account.grants, mfaVerified: account.mfaVerified, personId: account.personId });
  // One entry is current: the longest match, so "/learning" is not lit on "/learning/admin/…".
  const current = activeEntry(
    groups.flatMap((g) => g.entries),
    location.pathname,
  );

  // A page that does not title itself gets the label of its navigation entry (children's effects
  // run before this one, so a page's own usePageTitle is already known).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed on each path and language
  useEffect(() => {
    if (pageTitledItself(location.pathname)) return;
    const entry = groups.flatMap((g) => g.entries).find((e) => e.to === current);
    document.title = pageTitle(entry ? t(entry.labelKey) : '', t('app.name'));
  }, [location.pathname, t]);

  // On navigation inside the app, close the phone menu and move focus to the page so screen
  // readers and keyboards start there; a fresh page load ('default' key) keeps the browser's focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path on purpose
  useEffect(() => {
    close();
    if (location.key !== 'default') mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <ScopeProvider account={account}>
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Text component={Link} to="/" fw={700} size="lg" c="rempart.8" style={{ textDecoration: 'none' }}>
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Group visibleFrom="md" gap="xs" wrap="nowrap">
                <ScopeSwitcher idPrefix="header-scope" />
              </Group>
              <LanguageSwitch />
              <AccountMenu account={account} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.navigation')} component="nav">
          <AppShell.Section hiddenFrom="md" mb="md">
            <ScopeSwitcher direction="column" idPrefix="nav-scope" />
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {groups.map((g) => (
                <div key={g.id}>
                  {g.labelKey && (
                    <Text id={`nav-group-${g.id}`} size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm">
                      {t(g.labelKey)}
                    </Text>
                  )}
                  <ul aria-labelledby={g.labelKey ? `nav-group-${g.id}` : undefined} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {g.entries.map((e) => {
                      const active = e.to === current;
                      return (
                        <li key={e.to}>
                          <NavLink
                            component={Link}
                            to={e.to}
                            label={t(e.labelKey)}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                          />
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
          <AlertBanner personId={account.personId} />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </ScopeProvider>
  );
}
