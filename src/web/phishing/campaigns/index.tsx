import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Adds the 'phishingCampaigns' namespace (French first, English) to the shell's i18next instance. */
export function registerCampaignI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'phishingCampaigns', fr, true, true);
  i18n.addResourceBundle('en', 'phishingCampaigns', en, true, true);
}

export const campaignRoutes: RouteObject[] = [];
export const campaignNav: NavEntry[] = [];
