import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerActionsI18n } from '../actions/index.js';
import { registerAdminI18n } from '../admin/i18n.js';
import { registerExercisesI18n } from '../exercises/index.js';
import { registerLearningAdminI18n } from '../learning/admin/index.js';
import { registerLearningI18n } from '../learning/index.js';
import { type Locale, readStartLocale } from '../locale.js';
import { registerMaturityI18n } from '../maturity/index.js';
import { registerPhishingI18n } from '../phishing/index.js';
import { registerSuppliersI18n } from '../suppliers/index.js';
import { registerTerritoryI18n } from '../territory/index.js';
import { registerTerritoryDashboardI18n } from '../territory-dashboard/index.js';
import en from './en.json';
import fr from './fr.json';

/** Keeps <html lang> in step with the language so screen readers pronounce the page right. */
function syncHtmlLang(lng: string): void {
  document.documentElement.lang = lng;
}

export function setupI18n(): typeof i18n {
  const lng: Locale = readStartLocale();
  void i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  registerAdminI18n(i18n);
  registerLearningI18n(i18n);
  registerLearningAdminI18n(i18n);
  registerPhishingI18n(i18n);
  registerSuppliersI18n(i18n);
  registerActionsI18n(i18n);
  registerMaturityI18n(i18n);
  registerTerritoryI18n(i18n);
  registerTerritoryDashboardI18n(i18n);
  registerExercisesI18n(i18n);
  syncHtmlLang(lng);
  i18n.on('languageChanged', syncHtmlLang);
  return i18n;
}
