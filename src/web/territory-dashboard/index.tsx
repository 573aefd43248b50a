import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { DashboardPage } from './DashboardPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { RegionalPage } from './RegionalPage.js';

/** Adds the 'territoryDashboard' namespace (French first, English) to the shell's i18next instance. */
export function registerTerritoryDashboardI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'territoryDashboard')) return;
  i18n.addResourceBundle('fr', 'territoryDashboard', fr, true, true);
  i18n.addResourceBundle('en', 'territoryDashboard', en, true, true);
}

/** Territory and regional dashboards (docs/api-territory.md, Dashboards). */
export const territoryDashboardRoutes: RouteObject[] = [
  { path: 'territory-dashboard', Component: DashboardPage },
  { path: 'territory-dashboard/region', Component: RegionalPage },
  { path: 'territory-dashboard/:territoryId', Component: DashboardPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
/**
 * territory.read (roles.ts) on some territory: coordinators (admin role: second factor first,
 * ADR 0004), auditors likewise, animators and observers (the regional agency's usual role).
 */
export const isDashboardReader = (me: Viewer): boolean =>
  me.grants.some(
    (g) =>
      (me.mfaVerified && g.role === 'platform_admin') ||
      (g.scopeKind === 'territory' &&
        ((me.mfaVerified && ['territory_coordinator', 'auditor'].includes(g.role)) || ['exercise_animator', 'observer'].includes(g.role))),
  );

/** Navigation entries; labels in the 'territoryDashboard' namespace. */
export const territoryDashboardNav: NavEntry[] = [
  { to: '/territory-dashboard', labelKey: 'territoryDashboard:nav.territory', show: isDashboardReader },
  { to: '/territory-dashboard/region', labelKey: 'territoryDashboard:nav.region', show: isDashboardReader },
];
