import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Locale, locales } from '../locale.js';
import { useLocale } from './use-locale.js';

/** Each language is named in itself, so someone who cannot read the current one finds theirs. */
const nativeNames: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" size="compact-md" aria-label={t('language.switch', { current: nativeNames[locale] })}>
          {locale.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {locales.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => setLocale(l)}
            aria-current={l === locale ? 'true' : undefined}
            fw={l === locale ? 700 : 400}
          >
            {nativeNames[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
