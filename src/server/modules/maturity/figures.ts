import { toCount } from '../../db/dialect.js';
import type { Message } from '../../platform/errors.js';
import type { Executor } from '../identity/shared.js';
import { type Answers, type DiagnosticVersion, questionsIn, validateAnswers } from './answers.js';
import type { Referential, SourceMetric } from './referential.js';
import { fromSource } from './source.js';

/** Where an answer comes from: the organization said it, or Rempart measured it (and when). */
export type AnswerProvenance =
  | { origin: 'answered'; at: string; by: string | null }
  | {
      origin: 'rempart';
      metric: SourceMetric;
      /** The figure in the metric's unit (ratio 0..1, or days); null when Rempart has none. */
      figure: number | null;
      measuredAt: string;
      /** Start of the window the figure covers, for figures over the last twelve months. */
      since: string | null;
      /** The option the figure stands for; null leaves the question for the organization to answer. */
      optionId: string | null;
      note: Message | null;
    };
export type Provenance = Record<string, AnswerProvenance>;

interface Figure {
  value: number | null;
  since: string | null;
  note: Message | null;
}

const YEAR_MS = 365 * 86_400_000;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Share of assigned modules completed, from the learning counters (never a scan of assignments). */
async function learningCompletion(db: Executor, orgId: string): Promise<Figure> {
  const row = await db
    .selectFrom('learning_module_stats')
    .select((eb) => [eb.fn.sum<number>('assigned').as('assigned'), eb.fn.sum<number>('completed').as('completed')])
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  const value = ratio(toCount(row?.completed), toCount(row?.assigned));
  return {
    value,
    since: null,
    note:
      value === null ? { fr: 'Aucune formation n’est encore assignée dans Rempart.', en: 'No training is assigned in Rempart yet.' } : null,
  };
}

/** Reports per delivered message over the campaigns launched in the last twelve months. */
async function phishingReportRate(db: Executor, orgId: string, since: string): Promise<Figure> {
  const row = await db
    .selectFrom('phishing_campaign_stats as s')
    .innerJoin('phishing_campaigns as c', 'c.id', 's.campaign_id')
    .select((eb) => [eb.fn.sum<number>('s.delivered').as('delivered'), eb.fn.sum<number>('s.reported').as('reported')])
    .where('s.organization_id', '=', orgId)
    .where('s.dimension', '=', 'all')
    .where('c.launched_at', '>=', since)
    .executeTakeFirst();
  const value = ratio(toCount(row?.reported), toCount(row?.delivered));
  return {
    value,
    since,
    note:
      value === null
        ? {
            fr: 'Aucune campagne d’hameçonnage envoyée ces douze derniers mois.',
            en: 'No phishing campaign sent in the last twelve months.',
          }
        : null,
  };
}

/**
 * Share of the register's tier-1 and tier-2 providers with an audit submitted or closed in the last
 * twelve months: audits run on the provider's row, or shared audits this organization joined for a
 * provider with the same SIREN.
 */
async function supplierAuditCoverage(db: Executor, orgId: string, since: string): Promise<Figure> {
  const rows = await db
    .selectFrom('suppliers as s')
    .select((eb) => [
      's.id',
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('supplier_audits as a')
              .select('a.id')
              .whereRef('a.supplier_id', '=', 's.id')
              .where('a.status', '!=', 'cancelled')
              .where((w) => w.or([w('a.submitted_at', '>=', since), w('a.closed_at', '>=', since)])),
          ),
          eb.exists(
            eb
              .selectFrom('supplier_audit_participants as p')
              .innerJoin('supplier_audits as a', 'a.id', 'p.audit_id')
              .innerJoin('suppliers as lead', 'lead.id', 'a.supplier_id')
              .select('a.id')
              .where('p.organization_id', '=', orgId)
              .whereRef('lead.siren', '=', 's.siren')
              .where('a.status', '!=', 'cancelled')
              .where((w) => w.or([w('a.submitted_at', '>=', since), w('a.closed_at', '>=', since)])),
          ),
        ])
        .as('covered'),
    ])
    .where('s.organization_id', '=', orgId)
    .where('s.archived', '=', 0)
    .where((eb) => eb(eb.fn.coalesce('s.criticality_override', 's.criticality_computed'), '<=', 2))
    .execute();
  const covered = rows.filter((r) => r.covered === true || Number(r.covered) === 1).length;
  const value = ratio(covered, rows.length);
  return {
    value,
    since,
    note:
      value === null
        ? { fr: 'Aucun prestataire critique (niveau 1 ou 2) dans le registre.', en: 'No critical provider (tier 1 or 2) in the register.' }
        : null,
  };
}

/**
 * Days since the organization's last crisis exercise played in Rempart (its own, or a territory
 * exercise where it had a cell), ended or closed. None recorded is unknown, not "never": an exercise
 * may have been run without Rempart, so the question then stays open.
 */
async function lastExercise(db: Executor, orgId: string, now: Date): Promise<Figure> {
  const row = await db
    .selectFrom('exercises as e')
    .select((eb) => eb.fn.max('e.ended_at').as('ended_at'))
    .where('e.kind', '=', 'exercise')
    .where('e.status', 'in', ['ended', 'closed'])
    .where((eb) =>
      eb.or([
        eb('e.organization_id', '=', orgId),
        eb.exists(
          eb.selectFrom('exercise_cells as c').select('c.id').whereRef('c.exercise_id', '=', 'e.id').where('c.organization_id', '=', orgId),
        ),
      ]),
    )
    .executeTakeFirst();
  const ended = row?.ended_at ? new Date(String(row.ended_at)) : null;
  if (!ended) {
    return {
      value: null,
      since: null,
      note: {
        fr: 'Aucun exercice de crise terminé n’est enregistré dans Rempart\u00a0: répondez vous-même.',
        en: 'No finished crisis exercise is recorded in Rempart: answer it yourself.',
      },
    };
  }
  return { value: Math.max(0, Math.floor((now.getTime() - ended.getTime()) / 86_400_000)), since: ended.toISOString(), note: null };
}

/**
 * Pre-filled answers and their provenance for the questions of this version that have a source.
 * A figure that fits no option, or an answer the version would refuse (a nested question whose
 * parent is not answered), is left for the organization to give.
 */
export async function prefill(
  db: Executor,
  ref: Referential,
  variant: DiagnosticVersion,
  orgId: string,
  now: Date,
): Promise<{ answers: Answers; provenance: Provenance }> {
  const since = new Date(now.getTime() - YEAR_MS).toISOString();
  const sourced = questionsIn(ref, variant).filter((q) => q.source !== undefined);
  const figures = new Map<SourceMetric, Figure>();
  const figureOf = async (metric: SourceMetric): Promise<Figure> => {
    const known = figures.get(metric);
    if (known) return known;
    const f =
      metric === 'learning.completion'
        ? await learningCompletion(db, orgId)
        : metric === 'phishing.report_rate'
          ? await phishingReportRate(db, orgId, since)
          : metric === 'suppliers.audit_coverage'
            ? await supplierAuditCoverage(db, orgId, since)
            : await lastExercise(db, orgId, now);
    figures.set(metric, f);
    return f;
  };
  const answers: Answers = {};
  const provenance: Provenance = {};
  const measuredAt = now.toISOString();
  for (const q of sourced) {
    const metric = q.source!.metric;
    const f = await figureOf(metric);
    // Unknown exercise history is not "never": only a real figure picks an option there.
    const optionId = metric === 'exercises.last_date' && f.value === null ? undefined : fromSource(q, f.value);
    const fits = optionId !== undefined && validateAnswers(ref, { ...answers, [q.id]: optionId }, variant).length === 0;
    if (fits) answers[q.id] = optionId;
    provenance[q.id] = {
      origin: 'rempart',
      metric,
      figure: f.value,
      measuredAt,
      since: f.since,
      optionId: fits ? optionId : null,
      note: f.note,
    };
  }
  return { answers, provenance };
}
