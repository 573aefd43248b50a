import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import { FlashAlertsPage, TerritoryFlashAlertsPage } from './alerts/FlashAlertsPage.js';
import { CataloguePage } from './catalogue/CataloguePage.js';
import { ModuleViewPage } from './catalogue/ModuleViewPage.js';
import { CurriculaPage } from './curricula/CurriculaPage.js';
import { TerritoryRulesPage } from './curricula/TerritoryRulesPage.js';
import { ModuleEditorPage } from './editor/ModuleEditorPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { MetricsPage } from './metrics/MetricsPage.js';
import { TerritoryMetricsPage } from './metrics/TerritoryMetricsPage.js';
import { PatientPageSettings } from './patient/PatientPageSettings.js';

/** Adds the 'learningAdmin' namespace (French first, English) to the shell's i18next instance. */
export function registerLearningAdminI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'learningAdmin', fr, true, true);
  i18n.addResourceBundle('en', 'learningAdmin', en, true, true);
}

/** The learning administration pages (docs/api-learning.md), inside the signed-in frame. */
export const learningAdminRoutes: RouteObject[] = [
  { path: 'learning/admin/modules', Component: CataloguePage },
  { path: 'learning/admin/modules/new', Component: ModuleEditorPage },
  { path: 'learning/admin/modules/:moduleId', Component: ModuleViewPage },
  { path: 'learning/admin/modules/:moduleId/edit', Component: ModuleEditorPage },
  { path: 'learning/admin/curricula', Component: CurriculaPage },
  { path: 'learning/admin/flash-alerts', Component: FlashAlertsPage },
  { path: 'learning/admin/metrics', Component: MetricsPage },
  { path: 'learning/admin/patient-page', Component: PatientPageSettings },
  { path: 'learning/admin/territory/rules', Component: TerritoryRulesPage },
  { path: 'learning/admin/territory/flash-alerts', Component: TerritoryFlashAlertsPage },
  { path: 'learning/admin/territory/metrics', Component: TerritoryMetricsPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// Admin rights count once the second factor is verified (ADR 0004), as in the shell's admin entries.
const holds = (me: Viewer, ...roles: string[]): boolean => me.mfaVerified && me.grants.some((g) => roles.includes(g.role));
const orgAdmin = (me: Viewer) => holds(me, 'org_admin', 'platform_admin');
const coordinator = (me: Viewer) => holds(me, 'territory_coordinator', 'platform_admin');
// Managers read the dashboard (stats.read) and hold no admin role, so no second factor is asked of them.
const statsReader = (me: Viewer) => orgAdmin(me) || me.grants.some((g) => g.role === 'manager');

/** Navigation entries; labels in the 'learningAdmin' namespace. */
export const learningAdminNav: NavEntry[] = [
  { to: '/learning/admin/modules', labelKey: 'learningAdmin:nav.catalogue', show: orgAdmin },
  { to: '/learning/admin/curricula', labelKey: 'learningAdmin:nav.curricula', show: orgAdmin },
  { to: '/learning/admin/flash-alerts', labelKey: 'learningAdmin:nav.flashAlerts', show: orgAdmin },
  { to: '/learning/admin/metrics', labelKey: 'learningAdmin:nav.metrics', show: statsReader },
  { to: '/learning/admin/patient-page', labelKey: 'learningAdmin:nav.patientPage', show: orgAdmin },
  { to: '/learning/admin/territory/rules', labelKey: 'learningAdmin:nav.territoryRules', show: coordinator },
  { to: '/learning/admin/territory/flash-alerts', labelKey: 'learningAdmin:nav.territoryFlashAlerts', show: coordinator },
  { to: '/learning/admin/territory/metrics', labelKey: 'learningAdmin:nav.territoryMetrics', show: coordinator },
];
