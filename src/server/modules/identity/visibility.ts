import type { Actor } from '../../platform/access/actor.js';
import type { AccessPolicy } from '../../platform/access/policy.js';

/** What lists may show: everything (platform admin), or the scopes the actor is tied to. */
export type Visibility =
  | { all: true }
  | {
      all: false;
      /** Organizations held by a grant, plus the actor's own person's organization. */
      orgIds: string[];
      /** Territories held by a territory grant: their member organizations are visible too. */
      territoryIds: string[];
    };

/**
 * Lists follow the same rule as the policy layer: only grants that count in this session
 * (admin roles after the second factor) widen what the actor sees.
 */
export function visibilityOf(policy: AccessPolicy, actor: Actor): Visibility {
  if (policy.isPlatformAdmin(actor)) return { all: true };
  const grants = policy.effectiveGrants(actor);
  const orgIds = new Set(grants.filter((g) => g.scopeKind === 'organization').map((g) => g.scopeId));
  if (actor.personOrganizationId) orgIds.add(actor.personOrganizationId);
  const territoryIds = new Set(grants.filter((g) => g.scopeKind === 'territory').map((g) => g.scopeId));
  return { all: false, orgIds: [...orgIds], territoryIds: [...territoryIds] };
}
