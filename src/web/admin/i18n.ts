import type { i18n as I18n } from 'i18next';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Adds the 'admin' namespace (French first, English) to the shell's i18next instance. */
export function registerAdminI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'admin', fr, true, true);
  i18n.addResourceBundle('en', 'admin', en, true, true);
}
