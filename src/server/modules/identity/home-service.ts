import { toCount } from '../../db/dialect.js';
import type { Actor } from '../../platform/access/actor.js';
import { adminRoles } from '../../platform/access/roles.js';
import type { AppDeps } from '../../platform/context.js';
import type { HomeCard } from './schema.js';

/**
 * "What to do now" after sign-in, computed from data only. Card kinds (stable, documented in
 * docs/api-foundation.md): second_factor, platform_overview, org_setup, territory_overview, learner.
 */
export class HomeService {
  constructor(private readonly deps: AppDeps) {}

  async cards(actor: Actor): Promise<{ cards: HomeCard[] }> {
    const { policy } = this.deps;
    const cards: HomeCard[] = [];
    const holdsAdmin = actor.grants.some((g) => adminRoles.includes(g.role));
    const totpEnrolled = await this.totpEnrolled(actor.accountId);
    // Admin rights count only after the second factor; until then this is the one thing to do.
    if (holdsAdmin && !actor.mfaVerified) {
      cards.push({ kind: 'second_factor', items: [{ key: totpEnrolled ? 'totp_verify' : 'totp_enrol', done: false }] });
    }
    const grants = policy.effectiveGrants(actor);
    if (policy.isPlatformAdmin(actor)) cards.push(await this.platformOverview());
    const adminOf = [...new Set(grants.filter((g) => g.role === 'org_admin' && g.scopeKind === 'organization').map((g) => g.scopeId))];
    for (const orgId of adminOf) {
      const card = await this.orgSetup(orgId, totpEnrolled);
      if (card) cards.push(card);
    }
    const coordinatorOf = [...new Set(grants.filter((g) => g.role === 'territory_coordinator').map((g) => g.scopeId))];
    for (const territoryId of coordinatorOf) {
      const card = await this.territoryOverview(territoryId);
      if (card) cards.push(card);
    }
    if (actor.personOrganizationId && !holdsAdmin) cards.push(...(await this.learner(actor.personOrganizationId, actor.personId)));
    return { cards };
  }

  private async totpEnrolled(accountId: string): Promise<boolean> {
    const row = await this.deps.db.selectFrom('accounts').select('totp_enabled_at').where('id', '=', accountId).executeTakeFirst();
    return Boolean(row?.totp_enabled_at);
  }

  private async count(table: 'organizations' | 'territories' | 'accounts'): Promise<number> {
    const r = await this.deps.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return toCount(r?.n);
  }

  private async platformOverview(): Promise<HomeCard> {
    const [organizations, territories, accounts] = await Promise.all([
      this.count('organizations'),
      this.count('territories'),
      this.count('accounts'),
    ]);
    return { kind: 'platform_overview', counts: { organizations, territories, accounts } };
  }

  /** The setup checklist of a new organization: each item is read from the data. */
  private async orgSetup(orgId: string, totpEnrolled: boolean): Promise<HomeCard | null> {
    const db = this.deps.db;
    const org = await db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
    if (!org) return null;
    const [people, admins, territories, kit] = await Promise.all([
      db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', orgId)
        .where('active', '=', 1)
        .executeTakeFirst(),
      db
        .selectFrom('role_grants')
        .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role_grants.role', '=', 'org_admin')
        .where('role_grants.scope_kind', '=', 'organization')
        .where('role_grants.scope_id', '=', orgId)
        .where('accounts.active', '=', 1)
        .executeTakeFirst(),
      db
        .selectFrom('territory_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', orgId)
        .executeTakeFirst(),
      db.selectFrom('crisis_kits').select('generated_at').where('organization_id', '=', orgId).executeTakeFirst(),
    ]);
    const counts = { people: toCount(people?.n), admins: toCount(admins?.n), territories: toCount(territories?.n) };
    return {
      kind: 'org_setup',
      scope: { kind: 'organization', id: org.id, name: org.name },
      items: [
        { key: 'totp_enrolled', done: totpEnrolled },
        { key: 'people_imported', done: counts.people > 0, count: counts.people },
        { key: 'second_admin', done: counts.admins >= 2, count: counts.admins },
        { key: 'territory_membership', done: counts.territories > 0, count: counts.territories },
        ...(this.crisisKitStale(kit?.generated_at ?? null) ? [{ key: 'crisis_kit_reprint', done: false }] : []),
      ],
      counts,
    };
  }

  /**
   * A printed kit goes stale as phone numbers and on-call rosters change; three months is the
   * re-print rhythm we ask of organizations (never generated counts as stale too).
   */
  private crisisKitStale(generatedAt: string | null): boolean {
    if (!generatedAt) return true;
    const cutoff = this.deps.clock.now();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 3);
    return new Date(generatedAt).getTime() < cutoff.getTime();
  }

  /** Members, how many share their aggregates, and which members have no staff imported yet. */
  private async territoryOverview(territoryId: string): Promise<HomeCard | null> {
    const db = this.deps.db;
    const territory = await db.selectFrom('territories').select(['id', 'name']).where('id', '=', territoryId).executeTakeFirst();
    if (!territory) return null;
    const members = await db
      .selectFrom('territory_members')
      .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
      .select((eb) => [
        'organizations.id',
        'organizations.name',
        'territory_members.shares_data',
        eb
          .exists(
            eb
              .selectFrom('people')
              .select('people.id')
              .whereRef('people.organization_id', '=', 'organizations.id')
              .where('people.active', '=', 1),
          )
          .as('has_people'),
      ])
      .where('territory_members.territory_id', '=', territoryId)
      .orderBy('organizations.name')
      .orderBy('organizations.id')
      .execute();
    // exists() is a boolean on PostgreSQL and 0/1 on SQLite.
    const withoutPeople = members.filter((m) => Number(m.has_people) === 0);
    return {
      kind: 'territory_overview',
      scope: { kind: 'territory', id: territory.id, name: territory.name },
      counts: {
        members: members.length,
        sharingData: members.filter((m) => m.shares_data === 1).length,
        membersWithoutPeople: withoutPeople.length,
      },
      items: withoutPeople.map((m) => ({
        key: 'member_without_people',
        done: false,
        ref: { kind: 'organization' as const, id: m.id, name: m.name },
      })),
    };
  }

  /** A learner's card: their organization and how many learning modules they still have to do. */
  private async learner(orgId: string, personId: string | null): Promise<HomeCard[]> {
    const org = await this.deps.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
    if (!org) return [];
    const due = personId
      ? await this.deps.db
          .selectFrom('learning_assignments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', personId)
          .where('status', '!=', 'completed')
          .executeTakeFirst()
      : undefined;
    return [{ kind: 'learner', scope: { kind: 'organization', id: org.id, name: org.name }, items: [], counts: { due: toCount(due?.n) } }];
  }
}
