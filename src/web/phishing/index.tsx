import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { campaignNav, campaignRoutes, registerCampaignI18n } from './campaigns/index.js';
import { libraryNav, libraryRoutes, registerLibraryI18n } from './library/index.js';

/** Adds the phishing namespaces ('phishingLibrary', 'phishingCampaigns') to the shell's i18next instance. */
export function registerPhishingI18n(i18n: I18n): void {
  registerLibraryI18n(i18n);
  registerCampaignI18n(i18n);
}

/** Phishing simulation pages (docs/api-phishing.md): campaigns and results first, then the library. */
export const phishingRoutes: RouteObject[] = [...campaignRoutes, ...libraryRoutes];
export const phishingNav: NavEntry[] = [...campaignNav, ...libraryNav];
