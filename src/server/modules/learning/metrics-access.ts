import type { Actor } from '../../platform/access/actor.js';
import { rolePermissions } from '../../platform/access/roles.js';
import type { AppDeps } from '../../platform/context.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import type { MetricsRepo } from './metrics-repo.js';

/** Whose aggregates a reader sees in an organization: all its staff, or the staff of some services. */
export interface MetricsView {
  /** null: the whole organization. */
  services: string[] | null;
}

const WHOLE: MetricsView = { services: null };

/**
 * The access rule let the actor in with stats.read. Organization admins (and any other role with
 * stats.read on the organization) see it whole; a territory coordinator too, but only for a member
 * that agreed to share its aggregates. A manager sees the aggregates of their own service (the
 * service of the person record linked to their account): a care manager follows their team, not
 * the whole hospital.
 */
export async function metricsViewOf(deps: AppDeps, repo: MetricsRepo, actor: Actor | null, orgId: string): Promise<MetricsView> {
  if (!actor) throw new NotFound('organization');
  const { policy } = deps;
  if (policy.isPlatformAdmin(actor)) return WHOLE;
  const grants = policy.effectiveGrants(actor).filter((g) => rolePermissions[g.role].includes('stats.read'));
  const onOrg = grants.filter((g) => g.scopeKind === 'organization' && g.scopeId === orgId);
  if (onOrg.some((g) => g.role !== 'manager')) return WHOLE;
  const territoryIds = grants.filter((g) => g.scopeKind === 'territory').map((g) => g.scopeId);
  if (await repo.sharesWith(orgId, territoryIds)) return WHOLE;
  if (onOrg.length > 0) {
    const service = actor.personId ? await repo.serviceOf(actor.personId, orgId) : null;
    if (service) return { services: [service] };
    throw new Forbidden('no_service', {
      fr: "Votre compte n'est rattaché à aucun service de cet établissement : demandez à son administrateur de le relier à votre fiche du personnel.",
      en: 'Your account is not linked to a service of this organization: ask its administrator to link it to your staff record.',
    });
  }
  throw new Forbidden('not_shared', {
    fr: 'Cet établissement ne partage pas ses indicateurs avec votre territoire.',
    en: 'This organization does not share its figures with your territory.',
  });
}
