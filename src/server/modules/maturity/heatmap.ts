import { sql } from 'kysely';
import { fromJson } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { sharedMembers } from '../territory/sharing-service.js';
import { ReferentialStore } from './referential-store.js';
import type { HeatmapDto } from './schema.js';
import type { ScoreReport } from './scoring.js';
import type { DiagnosticVariant } from './tables.js';

/** How many completed diagnostics a member's trend shows. */
export const TREND_LENGTH = 4;

/**
 * The territory's themes x members view: for members sharing 'maturity' right now, scores of their
 * latest completed diagnostic and the overall score of the last few; other members are listed with
 * no figure at all. Only scores leave the member: never answers, never who answered.
 */
export class MaturityHeatmap {
  private readonly store = new ReferentialStore();
  constructor(private readonly deps: AppDeps) {}

  async of(territoryId: string): Promise<HeatmapDto> {
    const db = this.deps.db;
    const territory = await db.selectFrom('territories').select('id').where('id', '=', territoryId).executeTakeFirst();
    if (!territory) throw new NotFound('territory');
    const [members, sharing, { ref }] = await Promise.all([
      db
        .selectFrom('territory_members as m')
        .innerJoin('organizations as o', 'o.id', 'm.organization_id')
        .select(['o.id', 'o.name', 'o.kind', 'm.is_lead'])
        .where('m.territory_id', '=', territoryId)
        .execute()
        // Sorted here: SQLite and PostgreSQL collate names differently.
        .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))),
      sharedMembers(db, territoryId, 'maturity'),
      this.store.current(db),
    ]);
    const shares = new Set(sharing);
    const recent = sharing.length === 0 ? [] : await this.lastCompleted(sharing);
    const byOrg = new Map<string, typeof recent>();
    for (const r of recent) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r]);
    return {
      territoryId,
      themes: ref.themes.map((t) => ({ id: t.id, title: t.title, kind: t.kind })),
      members: members.map((m) => {
        const rows = shares.has(m.id) ? (byOrg.get(m.id) ?? []) : [];
        const last = rows[0];
        const report = last ? fromJson<ScoreReport | null>(last.scores, null) : null;
        return {
          organizationId: m.id,
          name: m.name,
          kind: m.kind,
          isLead: m.is_lead === 1,
          shares: shares.has(m.id),
          latest:
            last && report
              ? {
                  completedAt: last.completed_at,
                  variant: last.variant,
                  overall: report.overall,
                  themes: Object.fromEntries(report.themes.map((t) => [t.themeId, t.score])),
                }
              : null,
          trend: rows
            .map((r) => ({ completedAt: r.completed_at, variant: r.variant, overall: r.overall === null ? null : Number(r.overall) }))
            .reverse(),
        };
      }),
    };
  }

  /** The last TREND_LENGTH completed diagnostics of each organization, newest first. */
  private async lastCompleted(orgIds: string[]) {
    const ranked = this.deps.db
      .selectFrom('maturity_diagnostics')
      .select([
        'organization_id',
        'completed_at',
        'variant',
        'overall',
        'scores',
        sql<number>`row_number() over (partition by organization_id order by completed_at desc, id desc)`.as('rank'),
      ])
      .where('organization_id', 'in', orgIds)
      .where('status', '=', 'completed');
    const rows = await this.deps.db
      .selectFrom(ranked.as('r'))
      .selectAll()
      .where('rank', '<=', TREND_LENGTH)
      .orderBy('organization_id')
      .orderBy('rank')
      .execute();
    return rows.map((r) => ({
      organization_id: r.organization_id,
      completed_at: r.completed_at as string,
      variant: r.variant as DiagnosticVariant,
      overall: r.overall,
      scores: r.scores,
    }));
  }
}
