import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import { TransparencyPage } from './about/TransparencyPage.js';
import { CampaignPage } from './campaign/CampaignPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { CampaignListPage } from './list/CampaignListPage.js';
import { TrendsPage } from './trends/TrendsPage.js';
import { TriagePage } from './triage/TriagePage.js';
import { CampaignWizardPage } from './wizard/CampaignWizardPage.js';

/** Adds the 'phishingCampaigns' namespace (French first, English) to the shell's i18next instance. */
export function registerCampaignI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'phishingCampaigns', fr, true, true);
  i18n.addResourceBundle('en', 'phishingCampaigns', en, true, true);
}

/** Campaigns of an organization, of a territory, their results, report triage, trends and the staff page. */
export const campaignRoutes: RouteObject[] = [
  { path: 'phishing/campaigns', element: <CampaignListPage kind="org" /> },
  { path: 'phishing/campaigns/new', element: <CampaignWizardPage kind="org" /> },
  { path: 'phishing/campaigns/:campaignId', element: <CampaignPage kind="org" /> },
  { path: 'phishing/campaigns/:campaignId/edit', element: <CampaignWizardPage kind="org" /> },
  { path: 'phishing/territory/campaigns', element: <CampaignListPage kind="territory" /> },
  { path: 'phishing/territory/campaigns/new', element: <CampaignWizardPage kind="territory" /> },
  { path: 'phishing/territory/campaigns/:campaignId', element: <CampaignPage kind="territory" /> },
  { path: 'phishing/territory/campaigns/:campaignId/edit', element: <CampaignWizardPage kind="territory" /> },
  { path: 'phishing/reports', Component: TriagePage },
  { path: 'phishing/trends', Component: TrendsPage },
  { path: 'phishing/about', Component: TransparencyPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// Admin rights count once the second factor is verified (ADR 0004), as in the shell's admin entries.
const holds = (me: Viewer, ...roles: string[]): boolean => me.mfaVerified && me.grants.some((g) => roles.includes(g.role));
const campaignManager = (me: Viewer) => holds(me, 'org_admin', 'territory_coordinator', 'platform_admin');
const orgAdmin = (me: Viewer) => holds(me, 'org_admin', 'platform_admin');
// Managers read aggregates (stats.read) and hold no admin role, so no second factor is asked of them.
const statsReader = (me: Viewer) => orgAdmin(me) || me.grants.some((g) => g.role === 'manager');
const staff = (me: Viewer) => Boolean(me.personId);

/** Navigation entries; labels in the 'phishingCampaigns' namespace. */
export const campaignNav: NavEntry[] = [
  { to: '/phishing/campaigns', labelKey: 'phishingCampaigns:nav.campaigns', show: campaignManager },
  { to: '/phishing/reports', labelKey: 'phishingCampaigns:nav.reports', show: orgAdmin },
  { to: '/phishing/trends', labelKey: 'phishingCampaigns:nav.trends', show: statsReader },
  { to: '/phishing/about', labelKey: 'phishingCampaigns:nav.about', show: staff },
];
