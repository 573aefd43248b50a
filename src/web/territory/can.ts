import type { NavEntry } from '../shell/scope.js';

type Viewer = Parameters<NavEntry['show']>[0];

// Admin roles count once the second factor is verified (ADR 0004), as everywhere in the shell.
const holds = (me: Viewer, roles: string[], scope?: { kind: string; id: string }): boolean =>
  me.mfaVerified &&
  me.grants.some(
    (g) => roles.includes(g.role) && (!scope || g.role === 'platform_admin' || (g.scopeKind === scope.kind && g.scopeId === scope.id)),
  );

/** Organization admins decide what their organization shares and read the shared library (org.manage). */
export const isOrgAdmin = (me: Viewer, orgId?: string): boolean =>
  holds(me, ['org_admin', 'platform_admin'], orgId ? { kind: 'organization', id: orgId } : undefined);

/** Coordinators run the territory (territory.manage). */
export const isCoordinator = (me: Viewer, territoryId?: string): boolean =>
  holds(me, ['territory_coordinator', 'platform_admin'], territoryId ? { kind: 'territory', id: territoryId } : undefined);

/** Readers of the territory's own pages (territory.read): coordinators, auditors, animators, observers. */
export const isTerritoryReader = (me: Viewer): boolean =>
  me.grants.some(
    (g) =>
      (me.mfaVerified && ['territory_coordinator', 'platform_admin'].includes(g.role)) ||
      (g.scopeKind === 'territory' && ((me.mfaVerified && g.role === 'auditor') || ['exercise_animator', 'observer'].includes(g.role))),
  );

/** The heatmap (maturity.read on the territory): coordinators only among territory roles. */
export const isHeatmapReader = (me: Viewer): boolean => holds(me, ['territory_coordinator', 'platform_admin']);

/** Anyone signed in may be a mentor; the server answers with an empty list otherwise. */
export const anyone = (): boolean => true;
