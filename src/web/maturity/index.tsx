import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { DiagnosticPage } from './DiagnosticPage.js';
import { DiagnosticsPage } from './DiagnosticsPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Adds the 'maturity' namespace (French first, English) to the shell's i18next instance. */
export function registerMaturityI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'maturity')) return;
  i18n.addResourceBundle('fr', 'maturity', fr, true, true);
  i18n.addResourceBundle('en', 'maturity', en, true, true);
}

/** The maturity diagnostic pages (docs/api-maturity.md), inside the signed-in frame. */
export const maturityRoutes: RouteObject[] = [
  { path: 'maturity', Component: DiagnosticsPage },
  { path: 'maturity/diagnostics/:diagnosticId', Component: DiagnosticPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// maturity.read (roles.ts) on an organization: admins once the second factor is verified (ADR 0004), managers.
const reader = (me: Viewer): boolean =>
  me.grants.some(
    (g) =>
      (me.mfaVerified && (g.role === 'platform_admin' || (g.role === 'org_admin' && g.scopeKind === 'organization'))) ||
      (g.role === 'manager' && g.scopeKind === 'organization'),
  );

/** Navigation entries; labels in the 'maturity' namespace. */
export const maturityNav: NavEntry[] = [{ to: '/maturity', labelKey: 'maturity:nav.diagnostics', show: reader }];
