import type { Db } from '../../db/index.js';
import type { Actor, Grant } from './actor.js';
import { adminRoles, type Permission, rolePermissions } from './roles.js';

export type Scope = { kind: 'platform' } | { kind: 'organization'; id: string } | { kind: 'territory'; id: string };

/** allow; forbidden (related to the scope, lacks the right: 403); hidden (unrelated or absent: 404). */
export type Decision = 'allow' | 'forbidden' | 'hidden';

/** What a territory grant gives on a member organization: aggregates and the organization card only. */
const territoryToMemberOrg: readonly Permission[] = ['org.read', 'stats.read'];

/**
 * The single policy layer: every access decision goes through `decide`.
 * Admin-role grants count only once the session passed the second factor.
 */
export class AccessPolicy {
  constructor(private readonly db: Db) {}

  /**
   * Grants that count in this session: none before TOTP when the account enrolled it (a password
   * alone must not open anything), and admin roles only after the second factor.
   */
  effectiveGrants(actor: Actor): Grant[] {
    if (actor.mfaVerified) return actor.grants;
    if (actor.totpEnrolled) return [];
    return actor.grants.filter((g) => !adminRoles.includes(g.role));
  }

  isPlatformAdmin(actor: Actor): boolean {
    return this.effectiveGrants(actor).some((g) => g.role === 'platform_admin');
  }

  async decide(actor: Actor | null, permission: Permission, scope: Scope): Promise<Decision> {
    if (!actor) return 'hidden';
    const grants = this.effectiveGrants(actor);
    if (grants.some((g) => g.role === 'platform_admin')) {
      return (await this.exists(scope)) ? 'allow' : 'hidden';
    }
    const has = (gs: Grant[], perms: (g: Grant) => readonly Permission[]) => gs.some((g) => perms(g).includes(permission));
    switch (scope.kind) {
      case 'platform':
        // Only platform admins act on the platform scope; others are told it is forbidden
        // (the platform exists for everyone, so there is nothing to hide).
        return 'forbidden';
      case 'organization': {
        // Relation (404 or 403?) comes from every grant held; rights only from those that count now.
        const related =
          actor.personOrganizationId === scope.id ||
          actor.grants.some((g) => g.scopeKind === 'organization' && g.scopeId === scope.id) ||
          (await this.territoryGrantsOver(actor.grants, scope.id)).length > 0;
        if (!related) return 'hidden';
        const direct = grants.filter((g) => g.scopeKind === 'organization' && g.scopeId === scope.id);
        const viaTerritory = await this.territoryGrantsOver(grants, scope.id);
        if (has(direct, (g) => rolePermissions[g.role])) return 'allow';
        // Being on the organization's staff is an implicit learner role there.
        if (actor.personOrganizationId === scope.id && rolePermissions.learner.includes(permission)) {
          if (actor.mfaVerified || !actor.totpEnrolled) return 'allow';
        }
        if (has(viaTerritory, (g) => rolePermissions[g.role].filter((p) => territoryToMemberOrg.includes(p)))) return 'allow';
        return 'forbidden';
      }
      case 'territory': {
        const direct = grants.filter((g) => g.scopeKind === 'territory' && g.scopeId === scope.id);
        if (!actor.grants.some((g) => g.scopeKind === 'territory' && g.scopeId === scope.id)) {
          // Members of a member organization may see that their territory exists, nothing more.
          const orgIds = actor.grants.filter((g) => g.scopeKind === 'organization').map((g) => g.scopeId);
          if (actor.personOrganizationId) orgIds.push(actor.personOrganizationId);
          if (orgIds.length === 0) return 'hidden';
          const member = await this.db
            .selectFrom('territory_members')
            .select('organization_id')
            .where('territory_id', '=', scope.id)
            .where('organization_id', 'in', orgIds)
            .executeTakeFirst();
          return member ? 'forbidden' : 'hidden';
        }
        return has(direct, (g) => rolePermissions[g.role]) ? 'allow' : 'forbidden';
      }
    }
  }

  /** Territory grants of the actor on territories that count `orgId` as a member. */
  private async territoryGrantsOver(grants: Grant[], orgId: string): Promise<Grant[]> {
    const territoryGrants = grants.filter((g) => g.scopeKind === 'territory');
    if (territoryGrants.length === 0) return [];
    const rows = await this.db
      .selectFrom('territory_members')
      .select('territory_id')
      .where('organization_id', '=', orgId)
      .where(
        'territory_id',
        'in',
        territoryGrants.map((g) => g.scopeId),
      )
      .execute();
    const ids = new Set(rows.map((r) => r.territory_id));
    return territoryGrants.filter((g) => ids.has(g.scopeId));
  }

  private async exists(scope: Scope): Promise<boolean> {
    switch (scope.kind) {
      case 'platform':
        return true;
      case 'organization':
        return (await this.db.selectFrom('organizations').select('id').where('id', '=', scope.id).executeTakeFirst()) !== undefined;
      case 'territory':
        return (await this.db.selectFrom('territories').select('id').where('id', '=', scope.id).executeTakeFirst()) !== undefined;
    }
  }

  /** Organization ids on which the actor holds `permission` directly (not via a territory). */
  orgsWith(actor: Actor, permission: Permission): string[] {
    return this.effectiveGrants(actor)
      .filter((g) => g.scopeKind === 'organization' && rolePermissions[g.role].includes(permission))
      .map((g) => g.scopeId);
  }
}
