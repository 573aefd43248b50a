import { sql } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { GroupDimension } from './metrics-schema.js';

/**
 * Metrics read the counters kept by counters.ts (person, module, topic and daily tables), never
 * learning_answers, learning_attempts or learning_assignments. Overdue is counted in people: a
 * person is overdue once the earliest due date of their unfinished modules (next_due_at, kept by
 * the recount) has passed, so time passing needs no write and the count is one more sum over the
 * person counters the page reads anyway.
 */

/** Sums of person counters for one group of people (a role family, service, site or organization). */
export interface GroupSums {
  key: string;
  people: number;
  assigned: number;
  completed: number;
  firstScoreSum: number;
  lastScoreSum: number;
  scored: number;
  /** People with at least one unfinished module past its due date. */
  overdue: number;
}

const column = { role_family: 'p.role_family', service: 'p.service', site: 'p.site' } as const;

const sums = (r: Record<string, unknown>, key: string): GroupSums => ({
  key,
  people: toCount(r.people),
  assigned: toCount(r.assigned),
  completed: toCount(r.completed),
  firstScoreSum: toCount(r.first_score_sum),
  lastScoreSum: toCount(r.last_score_sum),
  scored: toCount(r.scored),
  overdue: toCount(r.overdue),
});

export class MetricsRepo {
  constructor(private readonly db: Db) {}

  async organization(orgId: string) {
    return this.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  }

  /** Person counters of active staff, to be narrowed by the caller; `now` decides who is overdue. */
  private personSums(now: string) {
    return this.db
      .selectFrom('learning_person_stats as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .where('p.active', '=', 1)
      .select((eb) => [
        eb.fn.countAll<number>().as('people'),
        eb.fn.sum<number>('s.assigned').as('assigned'),
        eb.fn.sum<number>('s.completed').as('completed'),
        eb.fn.sum<number>('s.first_score_sum').as('first_score_sum'),
        eb.fn.sum<number>('s.last_score_sum').as('last_score_sum'),
        eb.fn.sum<number>('s.scored').as('scored'),
        sql<number>`sum(case when s.next_due_at < ${now} then 1 else 0 end)`.as('overdue'),
      ]);
  }

  /** Person counters of an organization's active staff (of these services only, when given), summed per group. */
  async personGroups(orgId: string, by: GroupDimension, now: string, services: readonly string[] | null = null): Promise<GroupSums[]> {
    const col = column[by];
    // Some services: from their people (index on organization, active, service) to their counters.
    const q = services
      ? this.personSums(now)
          .where('p.organization_id', '=', orgId)
          .where('p.service', 'in', [...services])
      : this.personSums(now).where('s.organization_id', '=', orgId);
    const rows = await q
      .groupBy(col)
      .select((eb) => eb.ref(col).as('key'))
      .execute();
    return rows.map((r) => sums(r, r.key ?? ''));
  }

  /**
   * Module counters with the title in `language` (French when there is no translation). For some
   * services only, summed from the assignments of their active staff (module counters are kept
   * per organization): a read that grows with the services' size, not the organization's.
   */
  async modules(orgId: string, language: 'fr' | 'en', services: readonly string[] | null = null) {
    const rows = services
      ? await this.db
          .selectFrom('learning_assignments as a')
          .innerJoin('people as p', 'p.id', 'a.person_id')
          .where('p.organization_id', '=', orgId)
          .where('p.active', '=', 1)
          .where('p.service', 'in', [...services])
          // No condition on a.organization_id: it would make SQLite read all the organization's assignments.
          .groupBy('a.module_id')
          .select((eb) => [
            'a.module_id',
            eb.fn.countAll<number>().as('assigned'),
            sql<number>`sum(case when a.status = 'completed' then 1 else 0 end)`.as('completed'),
            sql<number>`coalesce(sum(a.first_score), 0)`.as('first_score_sum'),
            sql<number>`coalesce(sum(a.last_score), 0)`.as('last_score_sum'),
            sql<number>`sum(case when a.first_score is null then 0 else 1 end)`.as('scored'),
          ])
          .execute()
      : await this.db
          .selectFrom('learning_module_stats as m')
          .where('m.organization_id', '=', orgId)
          .select(['m.module_id', 'm.assigned', 'm.completed', 'm.first_score_sum', 'm.last_score_sum', 'm.scored'])
          .execute();
    const ids = rows.map((r) => r.module_id);
    const byModule = new Map<string, Partial<Record<'fr' | 'en', string>>>();
    if (ids.length > 0) {
      const texts = await this.db
        .selectFrom('learning_module_texts')
        .select(['module_id', 'language', 'title'])
        .where('module_id', 'in', ids)
        .execute();
      for (const t of texts) byModule.set(t.module_id, { ...byModule.get(t.module_id), [t.language]: t.title });
    }
    const titleOf = (moduleId: string): string => {
      const t = byModule.get(moduleId);
      return t?.[language] ?? t?.fr ?? t?.en ?? moduleId;
    };
    return rows.map((r) => ({ ...sums(r, r.module_id), title: titleOf(r.module_id) }));
  }

  /** Topic counters; for some services only, summed from their active staff's mastery rows. */
  async topics(orgId: string, services: readonly string[] | null = null) {
    if (!services) {
      return this.db
        .selectFrom('learning_topic_stats')
        .select(['topic', 'learners', 'mastered', 'score_sum'])
        .where('organization_id', '=', orgId)
        .orderBy('topic')
        .execute();
    }
    return this.db
      .selectFrom('learning_mastery as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .where('p.organization_id', '=', orgId)
      .where('p.active', '=', 1)
      .where('p.service', 'in', [...services])
      .where('m.organization_id', '=', orgId)
      .groupBy('m.topic')
      .select((eb) => [
        'm.topic as topic',
        eb.fn.countAll<number>().as('learners'),
        eb.fn.sum<number>('m.mastered').as('mastered'),
        eb.fn.sum<number>('m.score').as('score_sum'),
      ])
      .orderBy('m.topic')
      .execute();
  }

  /** Daily counters from `fromDay` (inclusive, YYYY-MM-DD). */
  async daily(orgId: string, fromDay: string) {
    return this.db
      .selectFrom('learning_daily')
      .select(['day', 'completions', 'score_sum', 'answers', 'correct'])
      .where('organization_id', '=', orgId)
      .where('day', '>=', fromDay)
      .orderBy('day')
      .execute();
  }

  async territory(territoryId: string) {
    return this.db.selectFrom('territories').select(['id', 'name']).where('id', '=', territoryId).executeTakeFirst();
  }

  async members(territoryId: string) {
    return this.db
      .selectFrom('territory_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id', 'o.name', 'm.shares_data'])
      .where('m.territory_id', '=', territoryId)
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
  }

  /** Person counters summed per organization (the key), for the sharing members of a territory. */
  async personTotalsByOrg(orgIds: string[], now: string): Promise<GroupSums[]> {
    if (orgIds.length === 0) return [];
    const rows = await this.personSums(now)
      .where('s.organization_id', 'in', orgIds)
      .groupBy('s.organization_id')
      .select('s.organization_id')
      .execute();
    return rows.map((r) => sums(r, r.organization_id));
  }

  /** The service of an active person of the organization (null when none is recorded). */
  async serviceOf(personId: string, orgId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('people')
      .select('service')
      .where('id', '=', personId)
      .where('organization_id', '=', orgId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return row?.service || null;
  }

  /** Whether one of these territories counts the organization as a member that shares its aggregates. */
  async sharesWith(orgId: string, territoryIds: string[]): Promise<boolean> {
    if (territoryIds.length === 0) return false;
    const row = await this.db
      .selectFrom('territory_members')
      .select('territory_id')
      .where('organization_id', '=', orgId)
      .where('territory_id', 'in', territoryIds)
      .where('shares_data', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** `now` minus `days`, as a UTC day (YYYY-MM-DD). */
export const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
