import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { fromBool01, fromJson, rowIdSql } from '../../db/dialect.js';
import type { DialectName } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import type { AppDeps } from '../../platform/context.js';
import type { RoleFamily } from '../identity/domain.js';
import { recountAfterAssignments } from './counters.js';
import type { AssignmentSource, LearningRulesTable } from './tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Who is targeted: active people of one organization, or of members of a territory, matching filters (empty: any). */
export interface Target {
  scope: { kind: 'organization'; organizationId: string } | { kind: 'territory'; territoryId: string; organizationIds: string[] };
  roleFamilies: string[];
  services: string[];
  sites: string[];
  personIds?: string[];
}

/** The condition on `people` for a target; one expression so it serves counts and set-based inserts alike. */
export function peopleMatch(eb: ExpressionBuilder<Database, 'people'>, t: Target): Expression<SqlBool> {
  const conds: Array<Expression<SqlBool>> = [eb('people.active', '=', 1)];
  if (t.scope.kind === 'organization') conds.push(eb('people.organization_id', '=', t.scope.organizationId));
  else {
    // Members are read at match time: an organization joining the territory later is covered too.
    const members = eb
      .selectFrom('territory_members')
      .select('territory_members.organization_id')
      .where('territory_members.territory_id', '=', t.scope.territoryId);
    conds.push(eb('people.organization_id', 'in', members));
    if (t.scope.organizationIds.length > 0) conds.push(eb('people.organization_id', 'in', t.scope.organizationIds));
  }
  if (t.roleFamilies.length > 0) conds.push(eb('people.role_family', 'in', t.roleFamilies as RoleFamily[]));
  if (t.services.length > 0) conds.push(eb('people.service', 'in', t.services));
  if (t.sites.length > 0) conds.push(eb('people.site', 'in', t.sites));
  if (t.personIds) conds.push(t.personIds.length > 0 ? eb('people.id', 'in', t.personIds) : sql<SqlBool>`1 = 0`);
  return eb.and(conds);
}

export async function countMatching(db: Q, target: Target): Promise<number> {
  const row = await db
    .selectFrom('people')
    .where((eb) => peopleMatch(eb, target))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The cycle of a recurring curriculum: the year for a yearly refresher (so each year is a new
 * assignment row under the unique index), the first month of the period otherwise; '' when one-off.
 */
export function cycleOf(recurrenceMonths: number | null, now: Date): string {
  if (!recurrenceMonths) return '';
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const start = index - (index % recurrenceMonths);
  const year = String(Math.floor(start / 12));
  return recurrenceMonths % 12 === 0 ? year : `${year}-${String((start % 12) + 1).padStart(2, '0')}`;
}

export interface EnrolInput {
  target: Target;
  /** With their role families: when `byRoleFamily`, a person only gets modules meant for theirs (empty: everyone). */
  modules: Array<{ id: string; roleFamilies: string[] }>;
  byRoleFamily: boolean;
  curriculumId: string | null;
  ruleId: string | null;
  source: AssignmentSource;
  cycle: string;
  assignedAt: string;
  dueAt: string | null;
}

export interface Enrolled {
  organizationId: string;
  personId: string;
  moduleId: string;
}

/**
 * Assigns the modules to every matching person in one INSERT ... SELECT; what already exists for
 * (person, module, cycle) is left alone by the unique index, so running it again changes nothing,
 * and a module still open for the person in any cycle is skipped.
 * Recounts the dashboard counters of the people and organizations touched, in the same transaction.
 */
export async function enrol(trx: Q, dialect: DialectName, input: EnrolInput): Promise<Enrolled[]> {
  if (input.modules.length === 0) return [];
  const text = (v: string | null) => sql<string>`cast(${v} as text)`;
  const rows = await trx
    .insertInto('learning_assignments')
    .columns([
      'id',
      'organization_id',
      'person_id',
      'module_id',
      'curriculum_id',
      'rule_id',
      'source',
      'cycle',
      'status',
      'assigned_at',
      'due_at',
    ])
    .expression(
      trx
        .selectFrom(['people', 'learning_modules'])
        .where((eb) =>
          eb.and([
            peopleMatch(eb, input.target),
            // A module the person has not finished yet (another cycle, a manual assignment) is not
            // given twice: a newcomer would otherwise get the same module from onboarding and the refresher.
            eb.not(
              eb.exists(
                eb
                  .selectFrom('learning_assignments as open')
                  .select(sql<number>`1`.as('one'))
                  .whereRef('open.person_id', '=', 'people.id')
                  .whereRef('open.module_id', '=', 'learning_modules.id')
                  .where('open.status', '<>', 'completed'),
              ),
            ),
            eb.or(
              input.modules.map((m) =>
                input.byRoleFamily && m.roleFamilies.length > 0
                  ? eb.and([eb('learning_modules.id', '=', m.id), eb('people.role_family', 'in', m.roleFamilies as RoleFamily[])])
                  : eb('learning_modules.id', '=', m.id),
              ),
            ),
          ]),
        )
        .select([
          rowIdSql(dialect).as('id'),
          'people.organization_id',
          'people.id as person_id',
          'learning_modules.id as module_id',
          text(input.curriculumId).as('curriculum_id'),
          text(input.ruleId).as('rule_id'),
          text(input.source).as('source'),
          text(input.cycle).as('cycle'),
          text('assigned').as('status'),
          text(input.assignedAt).as('assigned_at'),
          text(input.dueAt).as('due_at'),
        ]),
    )
    // No conflict target: the unique (person, module, cycle) index is the one that can fire.
    .onConflict((oc) => oc.doNothing())
    .returning(['organization_id', 'person_id', 'module_id'])
    .execute();
  const byOrg = new Map<string, Enrolled[]>();
  for (const r of rows) {
    const e = { organizationId: r.organization_id, personId: r.person_id, moduleId: r.module_id };
    byOrg.set(e.organizationId, [...(byOrg.get(e.organizationId) ?? []), e]);
  }
  for (const [orgId, list] of byOrg) {
    await recountAfterAssignments(
      trx,
      orgId,
      list.map((e) => e.personId),
      [...new Set(list.map((e) => e.moduleId))],
      input.assignedAt,
    );
  }
  return rows.map((r) => ({ organizationId: r.organization_id, personId: r.person_id, moduleId: r.module_id }));
}

export const addDays = (d: Date, days: number): string => new Date(d.getTime() + days * 86_400_000).toISOString();

/** The target of a rule row (organization or territory). */
export function ruleTarget(rule: LearningRulesTable): Target {
  return {
    scope: rule.territory_id
      ? { kind: 'territory', territoryId: rule.territory_id, organizationIds: fromJson<string[]>(rule.organization_ids, []) }
      : { kind: 'organization', organizationId: rule.organization_id ?? '' },
    roleFamilies: fromJson<string[]>(rule.role_families, []),
    services: fromJson<string[]>(rule.services, []),
    sites: fromJson<string[]>(rule.sites, []),
  };
}

/** The published lessons of a curriculum, with the role families each is meant for. */
export async function curriculumModules(db: Q, moduleIds: string[]): Promise<Array<{ id: string; roleFamilies: string[] }>> {
  if (moduleIds.length === 0) return [];
  const rows = await db
    .selectFrom('learning_modules')
    .select(['id', 'role_families'])
    .where('id', 'in', moduleIds)
    .where('status', '=', 'published')
    .where('kind', '=', 'lesson')
    .execute();
  return rows.map((r) => ({ id: r.id, roleFamilies: fromJson<string[]>(r.role_families, []) }));
}

/** Enrols the people a rule matches now (at creation, on change, and by the periodic sweep). */
export async function enrolRule(trx: Q, dialect: DialectName, rule: LearningRulesTable, now: Date): Promise<Enrolled[]> {
  if (!fromBool01(rule.active)) return [];
  const curriculum = await trx.selectFrom('learning_curricula').selectAll().where('id', '=', rule.curriculum_id).executeTakeFirst();
  if (!curriculum) return [];
  return enrol(trx, dialect, {
    target: ruleTarget(rule),
    modules: await curriculumModules(trx, fromJson<string[]>(curriculum.module_ids, [])),
    byRoleFamily: true,
    curriculumId: curriculum.id,
    ruleId: rule.id,
    source: 'rule',
    cycle: cycleOf(curriculum.recurrence_months, now),
    assignedAt: now.toISOString(),
    dueAt: addDays(now, rule.due_days),
  });
}

/** Enrols people who now match an active rule (newcomers, moves, a new refresher cycle). */
export async function enrolmentSweep(deps: AppDeps, who: AuditActor): Promise<void> {
  const rules = await deps.db.selectFrom('learning_rules').selectAll().where('active', '=', 1).orderBy('id').execute();
  const errors: string[] = [];
  for (const rule of rules) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        const created = await enrolRule(trx, deps.dbh.dialect, rule, deps.clock.now());
        if (created.length === 0) return;
        await deps.audit.record(trx, who, {
          action: 'learning.enrolled',
          entityType: 'learning_rule',
          entityId: rule.id,
          organizationId: rule.organization_id,
          territoryId: rule.territory_id,
          after: { created: created.length, people: new Set(created.map((c) => c.personId)).size },
        });
      });
    } catch (err) {
      // One broken rule must not keep the others from enrolling.
      errors.push(`rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
}
