import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import { BudgetPage } from './budget/BudgetPage.js';
import { CalendarPage } from './calendar/CalendarPage.js';
import { ContractNewPage, ContractPage } from './contracts/ContractPages.js';
import { DashboardPage } from './dashboard/DashboardPage.js';
import { FindingsPage } from './findings/FindingsPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { SuppliersPage } from './list/SuppliersPage.js';
import { ReviewPage } from './review/ReviewPage.js';
import { SupplierNewPage } from './supplier/SupplierNewPage.js';
import { SupplierPage } from './supplier/SupplierPage.js';

/** Adds the 'suppliersRegister' namespace (French first, English) to the shell's i18next instance. */
export function registerRegisterI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'suppliersRegister', fr, true, true);
  i18n.addResourceBundle('en', 'suppliersRegister', en, true, true);
}

/**
 * Register, contracts, calendar, review, findings, budget and dashboard pages (docs/api-suppliers.md);
 * the audits themselves (list, detail, portal, grids) belong to the audits part.
 */
export const registerRoutes: RouteObject[] = [
  { path: 'suppliers', Component: SuppliersPage },
  { path: 'suppliers/new', Component: SupplierNewPage },
  { path: 'suppliers/calendar', Component: CalendarPage },
  { path: 'suppliers/findings', Component: FindingsPage },
  { path: 'suppliers/budget', Component: BudgetPage },
  { path: 'suppliers/dashboard', Component: DashboardPage },
  { path: 'suppliers/audits/:auditId/review', Component: ReviewPage },
  { path: 'suppliers/contracts/:contractId', Component: ContractPage },
  { path: 'suppliers/:supplierId', Component: SupplierPage },
  { path: 'suppliers/:supplierId/contracts/new', Component: ContractNewPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// Admin rights count once the second factor is verified (ADR 0004), as in the shell's admin entries.
const holds = (me: Viewer, ...roles: string[]): boolean => me.mfaVerified && me.grants.some((g) => roles.includes(g.role));
const orgAdmin = (me: Viewer) => holds(me, 'org_admin', 'platform_admin');
// suppliers.audit and suppliers.read (roles.ts); every one of these roles is an admin role, so MFA counts.
const auditor = (me: Viewer) => holds(me, 'org_admin', 'auditor', 'platform_admin');
const reader = (me: Viewer) => holds(me, 'org_admin', 'auditor', 'territory_coordinator', 'platform_admin');

/** Navigation entries; labels in the 'suppliersRegister' namespace. */
export const registerNav: NavEntry[] = [
  { to: '/suppliers', labelKey: 'suppliersRegister:nav.register', show: orgAdmin },
  { to: '/suppliers/calendar', labelKey: 'suppliersRegister:nav.calendar', show: orgAdmin },
  { to: '/suppliers/dashboard', labelKey: 'suppliersRegister:nav.dashboard', show: reader },
  { to: '/suppliers/findings', labelKey: 'suppliersRegister:nav.findings', show: auditor },
  { to: '/suppliers/budget', labelKey: 'suppliersRegister:nav.budget', show: auditor },
];
