import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import { AuditDetailPage } from './establishment/AuditDetailPage.js';
import { AuditListPage } from './establishment/AuditListPage.js';
import { GridEditorPage } from './grids/GridEditorPage.js';
import { GridListPage } from './grids/GridListPage.js';
import { GridViewPage } from './grids/GridViewPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { PortalAuditPage } from './portal/PortalAuditPage.js';
import { PortalListPage } from './portal/PortalListPage.js';

/** Adds the 'suppliersAudits' namespace (French first, English) to the shell's i18next instance. */
export function registerAuditsI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'suppliersAudits', fr, true, true);
  i18n.addResourceBundle('en', 'suppliersAudits', en, true, true);
}

/**
 * Audits, grids and the provider portal (docs/api-suppliers.md). The notice email's sign-in link
 * returns to /portal/audits/:auditId; thread emails link to /suppliers/audits/:auditId. The review
 * of an audit lives at suppliers/audits/:auditId/review (register part).
 */
export const auditsRoutes: RouteObject[] = [
  { path: 'portal/audits', Component: PortalListPage },
  { path: 'portal/audits/:auditId', Component: PortalAuditPage },
  { path: 'suppliers/audits', Component: AuditListPage },
  { path: 'suppliers/audits/:auditId', Component: AuditDetailPage },
  { path: 'suppliers/grids', Component: GridListPage },
  { path: 'suppliers/grids/new', Component: GridEditorPage },
  { path: 'suppliers/grids/:gridId', Component: GridViewPage },
  { path: 'suppliers/grids/:gridId/edit', Component: GridEditorPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// Establishment rights count once the second factor is verified (ADR 0004), as in the other admin entries.
const holds = (me: Viewer, ...roles: string[]): boolean => me.mfaVerified && me.grants.some((g) => roles.includes(g.role));
// Provider contacts sign in by magic link: their portal needs no second factor.
const providerContact = (me: Viewer) => me.grants.some((g) => g.role === 'provider_contact');

/** Navigation entries; labels in the 'suppliersAudits' namespace. */
export const auditsNav: NavEntry[] = [
  { to: '/portal/audits', labelKey: 'suppliersAudits:nav.portal', show: providerContact },
  {
    to: '/suppliers/audits',
    labelKey: 'suppliersAudits:nav.audits',
    show: (me) => holds(me, 'org_admin', 'auditor', 'platform_admin', 'territory_coordinator'),
  },
  { to: '/suppliers/grids', labelKey: 'suppliersAudits:nav.grids', show: (me) => holds(me, 'org_admin', 'auditor', 'platform_admin') },
];
