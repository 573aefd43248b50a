import type { Selectable } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Executor } from '../identity/shared.js';
import type { MentoringGoalsTable, MentoringPairingsTable, MentoringSessionsTable, MentorsTable } from './tables.js';

export type MentorRow = Selectable<MentorsTable>;
export type PairingRow = Selectable<MentoringPairingsTable>;
export type GoalRow = Selectable<MentoringGoalsTable>;
export type SessionRow = Selectable<MentoringSessionsTable>;

/** Mentors, pairings and plans; every read names its territory or mentee organization. */
export class MentoringRepo {
  /** Mentors with their organization, current load and whether that organization still leads. */
  mentors(db: Executor, territoryId: string, mentorId?: string) {
    let q = db
      .selectFrom('mentors as x')
      .innerJoin('accounts as a', 'a.id', 'x.account_id')
      .innerJoin('organizations as o', 'o.id', 'x.organization_id')
      .selectAll('x')
      .select(['a.display_name', 'a.email', 'o.name as org_name', 'o.kind as org_kind'])
      .select((eb) => [
        eb
          .selectFrom('mentoring_pairings as p')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('p.mentor_id', '=', 'x.id')
          .where('p.ended_at', 'is', null)
          .as('active_mentees'),
        eb
          .selectFrom('territory_members as m')
          .select('m.is_lead')
          .whereRef('m.territory_id', '=', 'x.territory_id')
          .whereRef('m.organization_id', '=', 'x.organization_id')
          .as('is_lead'),
      ])
      .where('x.territory_id', '=', territoryId);
    if (mentorId) q = q.where('x.id', '=', mentorId);
    return q
      .orderBy('a.display_name')
      .orderBy('x.id')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, active_mentees: toCount(r.active_mentees), is_lead: toCount(r.is_lead) === 1 })));
  }

  async mentorByAccount(db: Executor, territoryId: string, accountId: string): Promise<MentorRow | undefined> {
    return db
      .selectFrom('mentors')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  }

  /**
   * Accounts that may be offered as mentors: active, from a lead organization of the territory (by
   * their person or a role there), not mentors of it yet. Coordinators pick among them.
   */
  async mentorCandidates(db: Executor, territoryId: string) {
    const leads = db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('is_lead', '=', 1);
    const taken = db.selectFrom('mentors').select('account_id').where('territory_id', '=', territoryId);
    const byPerson = db
      .selectFrom('accounts as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['a.id as account_id', 'a.display_name', 'a.email', 'o.name as organization_name'])
      .where('a.active', '=', 1)
      .where('p.organization_id', 'in', leads)
      .where('a.id', 'not in', taken);
    const byGrant = db
      .selectFrom('accounts as a')
      .innerJoin('role_grants as g', 'g.account_id', 'a.id')
      .innerJoin('organizations as o', 'o.id', 'g.scope_id')
      .select(['a.id as account_id', 'a.display_name', 'a.email', 'o.name as organization_name'])
      .where('a.active', '=', 1)
      .where('g.scope_kind', '=', 'organization')
      .where('g.scope_id', 'in', leads)
      .where('a.id', 'not in', taken);
    const rows = await byPerson.union(byGrant).execute();
    const seen = new Set<string>();
    return rows
      .sort((x, y) => x.display_name.localeCompare(y.display_name, 'fr') || x.account_id.localeCompare(y.account_id))
      .filter((r) => !seen.has(r.account_id) && seen.add(r.account_id));
  }

  /** Organizations an account belongs to: its person's, and those where it holds a role. */
  async organizationsOfAccount(db: Executor, accountId: string): Promise<string[]> {
    const account = await db
      .selectFrom('accounts as a')
      .leftJoin('people as p', 'p.id', 'a.person_id')
      .select(['a.id', 'p.organization_id'])
      .where('a.id', '=', accountId)
      .where('a.active', '=', 1)
      .executeTakeFirst();
    if (!account) return [];
    const grants = await db
      .selectFrom('role_grants')
      .select('scope_id')
      .where('account_id', '=', accountId)
      .where('scope_kind', '=', 'organization')
      .execute();
    const ids = grants.map((g) => g.scope_id);
    if (account.organization_id) ids.unshift(account.organization_id);
    return [...new Set(ids)];
  }

  async leadsAmong(db: Executor, territoryId: string, orgIds: string[]): Promise<string[]> {
    if (orgIds.length === 0) return [];
    const rows = await db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('organization_id', 'in', orgIds)
      .where('is_lead', '=', 1)
      .execute();
    return rows.map((r) => r.organization_id);
  }

  member(db: Executor, territoryId: string, orgId: string) {
    return db
      .selectFrom('territory_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id', 'o.name', 'o.kind', 'm.is_lead'])
      .where('m.territory_id', '=', territoryId)
      .where('m.organization_id', '=', orgId)
      .executeTakeFirst();
  }

  async insertMentor(db: Executor, row: MentorRow): Promise<void> {
    await db.insertInto('mentors').values(row).execute();
  }

  async updateMentor(db: Executor, id: string, patch: Pick<MentorRow, 'capacity' | 'active' | 'updated_at'>): Promise<void> {
    await db.updateTable('mentors').set(patch).where('id', '=', id).execute();
  }

  /** Pairings with both sides named; filtered by territory, mentee organization or mentor account. */
  pairings(
    db: Executor,
    where: { territoryId?: string; organizationId?: string; mentorAccountId?: string; pairingId?: string },
    state: 'active' | 'ended' | 'all' = 'all',
  ) {
    let q = db
      .selectFrom('mentoring_pairings as p')
      .innerJoin('mentors as x', 'x.id', 'p.mentor_id')
      .innerJoin('accounts as a', 'a.id', 'x.account_id')
      .innerJoin('organizations as mo', 'mo.id', 'x.organization_id')
      .innerJoin('organizations as e', 'e.id', 'p.organization_id')
      .selectAll('p')
      .select([
        'x.account_id',
        'a.display_name',
        'a.email',
        'mo.id as mentor_org_id',
        'mo.name as mentor_org_name',
        'mo.kind as mentor_org_kind',
        'e.name as mentee_name',
        'e.kind as mentee_kind',
      ]);
    if (where.territoryId) q = q.where('p.territory_id', '=', where.territoryId);
    if (where.organizationId) q = q.where('p.organization_id', '=', where.organizationId);
    if (where.mentorAccountId) q = q.where('x.account_id', '=', where.mentorAccountId);
    if (where.pairingId) q = q.where('p.id', '=', where.pairingId);
    if (state === 'active') q = q.where('p.ended_at', 'is', null);
    if (state === 'ended') q = q.where('p.ended_at', 'is not', null);
    return q.orderBy('p.started_at', 'desc').orderBy('p.id', 'desc').execute();
  }

  async activePairing(db: Executor, mentorId: string, orgId: string): Promise<PairingRow | undefined> {
    return db
      .selectFrom('mentoring_pairings')
      .selectAll()
      .where('mentor_id', '=', mentorId)
      .where('organization_id', '=', orgId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
  }

  async insertPairing(db: Executor, row: PairingRow): Promise<void> {
    await db.insertInto('mentoring_pairings').values(row).execute();
  }

  async endPairing(db: Executor, id: string, at: string, note: string | null): Promise<void> {
    await db.updateTable('mentoring_pairings').set({ ended_at: at, end_note: note, updated_at: at }).where('id', '=', id).execute();
  }

  async touchPairing(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('mentoring_pairings').set({ updated_at: at }).where('id', '=', id).execute();
  }

  async goals(db: Executor, pairingIds: string[]): Promise<GoalRow[]> {
    if (pairingIds.length === 0) return [];
    return db.selectFrom('mentoring_goals').selectAll().where('pairing_id', 'in', pairingIds).orderBy('created_at').orderBy('id').execute();
  }

  async sessions(db: Executor, pairingIds: string[]): Promise<SessionRow[]> {
    if (pairingIds.length === 0) return [];
    return db
      .selectFrom('mentoring_sessions')
      .selectAll()
      .where('pairing_id', 'in', pairingIds)
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async goal(db: Executor, pairingId: string, id: string): Promise<GoalRow | undefined> {
    return db.selectFrom('mentoring_goals').selectAll().where('pairing_id', '=', pairingId).where('id', '=', id).executeTakeFirst();
  }

  async session(db: Executor, pairingId: string, id: string): Promise<SessionRow | undefined> {
    return db.selectFrom('mentoring_sessions').selectAll().where('pairing_id', '=', pairingId).where('id', '=', id).executeTakeFirst();
  }

  async insertGoal(db: Executor, row: GoalRow): Promise<void> {
    await db.insertInto('mentoring_goals').values(row).execute();
  }

  async updateGoal(db: Executor, id: string, patch: Pick<GoalRow, 'text' | 'status' | 'updated_at'>): Promise<void> {
    await db.updateTable('mentoring_goals').set(patch).where('id', '=', id).execute();
  }

  async insertSession(db: Executor, row: SessionRow): Promise<void> {
    await db.insertInto('mentoring_sessions').values(row).execute();
  }

  async updateSession(
    db: Executor,
    id: string,
    patch: Pick<SessionRow, 'held_on' | 'duration_minutes' | 'notes' | 'next_steps' | 'updated_at'>,
  ): Promise<void> {
    await db.updateTable('mentoring_sessions').set(patch).where('id', '=', id).execute();
  }
}

export type MentorView = Awaited<ReturnType<MentoringRepo['mentors']>>[number];
export type PairingView = Awaited<ReturnType<MentoringRepo['pairings']>>[number];
