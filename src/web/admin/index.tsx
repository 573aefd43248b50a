import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { AccountsPage } from './accounts/AccountsPage.js';
import { AuditLogPage } from './audit/AuditLogPage.js';
import { ImportPage } from './import/ImportPage.js';
import { OrganizationDetailPage } from './organizations/OrganizationDetailPage.js';
import { OrganizationsPage } from './organizations/OrganizationsPage.js';
import { PeoplePage } from './people/PeoplePage.js';
import { PersonDetailPage } from './people/PersonDetailPage.js';
import { TerritoriesPage } from './territories/TerritoriesPage.js';
import { TerritoryDetailPage } from './territories/TerritoryDetailPage.js';

export { registerAdminI18n } from './i18n.js';

/** The administration pages, relative to the shell's signed-in layout. */
export const adminRoutes: RouteObject[] = [
  { path: 'admin/organizations', element: <OrganizationsPage /> },
  { path: 'admin/organizations/:orgId', element: <OrganizationDetailPage /> },
  { path: 'admin/territories', element: <TerritoriesPage /> },
  { path: 'admin/territories/:territoryId', element: <TerritoryDetailPage /> },
  { path: 'admin/people', element: <PeoplePage /> },
  { path: 'admin/people/:personId', element: <PersonDetailPage /> },
  { path: 'admin/import', element: <ImportPage /> },
  { path: 'admin/accounts', element: <AccountsPage /> },
  { path: 'admin/audit-log', element: <AuditLogPage /> },
];

type Me = Parameters<NavEntry['show']>[0];
// Admin rights only count once the second factor is verified (ADR 0004), so the entries wait for it.
const holds = (me: Me, ...roles: string[]): boolean => me.mfaVerified && me.grants.some((g) => roles.includes(g.role));

/** Navigation entries of the administration; labels in the 'admin' namespace. */
export const adminNav: NavEntry[] = [
  { to: '/admin/organizations', labelKey: 'admin:nav.organizations', show: (me) => holds(me, 'platform_admin') },
  { to: '/admin/territories', labelKey: 'admin:nav.territories', show: (me) => holds(me, 'platform_admin', 'territory_coordinator') },
  { to: '/admin/people', labelKey: 'admin:nav.people', show: (me) => holds(me, 'platform_admin', 'org_admin') },
  { to: '/admin/import', labelKey: 'admin:nav.import', show: (me) => holds(me, 'platform_admin', 'org_admin') },
  { to: '/admin/accounts', labelKey: 'admin:nav.accounts', show: (me) => holds(me, 'platform_admin', 'org_admin') },
  { to: '/admin/audit-log', labelKey: 'admin:nav.auditLog', show: (me) => holds(me, 'platform_admin', 'org_admin') },
];
