import { ScrollArea, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

export const librarySections = ['templates', 'landing-pages', 'profiles', 'groups', 'settings', 'import'] as const;
export type LibrarySection = (typeof librarySections)[number];

export const libraryPath = (section: LibrarySection, rest = '') => `/phishing/library/${section}${rest}`;

/** The library's sub-pages as tabs, so the main navigation keeps a single entry. */
export function LibraryTabs() {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = librarySections.find((s) => pathname.startsWith(libraryPath(s))) ?? 'templates';
  return (
    <ScrollArea type="auto" mb="md" offsetScrollbars>
      <Tabs
        value={current}
        activateTabWithKeyboard={false}
        onChange={(v) => v && void navigate(libraryPath(v as LibrarySection))}
        aria-label={t('nav.library')}
      >
        <Tabs.List style={{ flexWrap: 'nowrap' }}>
          {librarySections.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`tabs.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </ScrollArea>
  );
}
