import type { NavEntry } from '../shell/scope.js';
import type { Owner } from './types.js';

type Viewer = Parameters<NavEntry['show']>[0];

// Mirrors roles.ts: admin roles count once the second factor is verified (ADR 0004); exercise roles always do.
const adminRoles = ['platform_admin', 'territory_coordinator', 'org_admin', 'auditor'];
const managers = ['platform_admin', 'territory_coordinator', 'org_admin', 'exercise_animator'];
const observers = [...managers, 'observer'];

const effective = (me: Viewer) => me.grants.filter((g) => me.mfaVerified || !adminRoles.includes(g.role));

function holds(me: Viewer, roles: readonly string[], owner?: Owner): boolean {
  return effective(me).some(
    (g) =>
      roles.includes(g.role) &&
      (g.role === 'platform_admin' ||
        !owner ||
        ((owner.kind === 'org' ? g.scopeKind === 'organization' : g.scopeKind === 'territory') && g.scopeId === owner.id)),
  );
}

/** exercises.manage on this owner (or anywhere when no owner is given): the pages hide what the server would refuse. */
export const canManage = (me: Viewer, owner?: Owner): boolean => holds(me, managers, owner);
/** exercises.observe: reads exercises and their chronogram. */
export const canObserve = (me: Viewer, owner?: Owner): boolean => holds(me, observers, owner);
