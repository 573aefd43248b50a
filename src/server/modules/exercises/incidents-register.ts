import { toCount } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { clocksOf, type DeclarationClock } from './incidents-declaration.js';

export interface IncidentsQuery {
  page: number;
  pageSize: number;
}

export interface IncidentSummary {
  exerciseId: string;
  title: string;
  status: string;
  detectedAt: string;
  /** The first declaration step not yet sent, with its due time and state; null once all are sent. */
  nextDeadline: DeclarationClock | null;
}

/**
 * The organization's incident register: newest detection first. The next NIS2 deadline is what the
 * register is read for, so it is computed here rather than left to each page.
 */
export async function listIncidents(deps: AppDeps, orgId: string, q: IncidentsQuery) {
  const org = await deps.db.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new NotFound('organization');
  const base = deps.db
    .selectFrom('exercise_incidents as i')
    .innerJoin('exercises as e', 'e.id', 'i.exercise_id')
    .where('i.organization_id', '=', orgId);
  const total = toCount((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const rows = await base
    .select(['e.id', 'e.title', 'e.status', 'i.detected_at', 'i.early_warning_at', 'i.notification_at', 'i.final_report_at'])
    .orderBy('i.detected_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const now = deps.clock.now();
  const items: IncidentSummary[] = rows.map((r) => {
    const sent = { early_warning: r.early_warning_at, notification: r.notification_at, final_report: r.final_report_at };
    return {
      exerciseId: r.id,
      title: r.title,
      status: r.status,
      detectedAt: r.detected_at,
      nextDeadline: clocksOf(r.detected_at, sent, now).find((c) => c.state !== 'sent') ?? null,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
