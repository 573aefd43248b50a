import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { ActionNewPage } from './ActionNewPage.js';
import { ActionPage } from './ActionPage.js';
import { ActionsPage } from './ActionsPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Adds the 'actions' namespace (French first, English) to the shell's i18next instance. */
export function registerActionsI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'actions')) return;
  i18n.addResourceBundle('fr', 'actions', fr, true, true);
  i18n.addResourceBundle('en', 'actions', en, true, true);
}

/** The action plan pages (docs/api-actions.md), inside the signed-in frame. */
export const actionsRoutes: RouteObject[] = [
  { path: 'actions', Component: ActionsPage },
  { path: 'actions/new', Component: ActionNewPage },
  { path: 'actions/:actionId', Component: ActionPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// actions.read (roles.ts): admin roles count once the second factor is verified (ADR 0004); managers hold no admin role.
const reader = (me: Viewer): boolean =>
  me.grants.some(
    (g) =>
      (me.mfaVerified && ['org_admin', 'auditor', 'platform_admin'].includes(g.role)) ||
      (g.role === 'manager' && g.scopeKind === 'organization'),
  );

/** Navigation entry; label in the 'actions' namespace. */
export const actionsNav: NavEntry[] = [{ to: '/actions', labelKey: 'actions:nav.plan', show: reader }];
