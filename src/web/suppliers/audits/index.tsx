import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Adds the 'suppliersAudits' namespace (French first, English) to the shell's i18next instance. */
export function registerAuditsI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'suppliersAudits', fr, true, true);
  i18n.addResourceBundle('en', 'suppliersAudits', en, true, true);
}

export const auditsRoutes: RouteObject[] = [];
export const auditsNav: NavEntry[] = [];
