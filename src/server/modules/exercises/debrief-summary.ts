import type { Db } from '../../db/index.js';
import type { AfterDto } from './debrief-schema.js';
import { measuredTimes } from './debrief-times.js';
import { frozenScenario } from './exercises-repo.js';
import { pausesOf } from './play-rules.js';
import type { ExercisesTable } from './tables.js';

const average = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/**
 * Everything after the exercise in one read: hot debriefs, lessons, the evaluation per objective
 * and the measured times. An objective's evaluation keeps two marks apart: the observers' (accounts
 * placed as `observer`) and the animators' (everyone else who rated: animators, local animators,
 * the admins running the console), each the average of every rater's latest rating.
 */
export async function afterSummary(db: Db, ex: ExercisesTable): Promise<AfterDto> {
  const [cells, debriefs, lessons, objectives, notes, placements, entries, stimuli] = await Promise.all([
    db.selectFrom('exercise_cells').selectAll().where('exercise_id', '=', ex.id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('exercise_debriefs').selectAll().where('exercise_id', '=', ex.id).execute(),
    db
      .selectFrom('exercise_lessons as l')
      .leftJoin('accounts as a', 'a.id', 'l.account_id')
      .selectAll('l')
      .select('a.display_name')
      .where('l.exercise_id', '=', ex.id)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute(),
    db.selectFrom('exercise_objectives').selectAll().where('exercise_id', '=', ex.id).orderBy('position').execute(),
    db.selectFrom('exercise_observations').selectAll().where('exercise_id', '=', ex.id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('exercise_participants').select(['account_id', 'function']).where('exercise_id', '=', ex.id).execute(),
    db
      .selectFrom('exercise_entries')
      .selectAll()
      .where('exercise_id', '=', ex.id)
      .where('kind', 'in', ['reply', 'logbook', 'decision'])
      .execute(),
    db.selectFrom('exercise_stimuli').select(['id', 'code']).where('exercise_id', '=', ex.id).execute(),
  ]);
  const observers = new Set(placements.filter((p) => p.function === 'observer').map((p) => p.account_id));
  const cellName = new Map(cells.map((c) => [c.id, c.name]));
  const scenario = frozenScenario(ex);
  return {
    exerciseId: ex.id,
    title: ex.title,
    status: ex.status,
    startedAt: ex.started_at,
    endedAt: ex.ended_at,
    cells: cells.map((c) => ({ id: c.id, name: c.name, organizationId: c.organization_id })),
    debriefs: debriefs
      .map((d) => ({
        cellId: d.cell_id,
        cellName: cellName.get(d.cell_id) ?? '',
        wentWell: d.went_well,
        toImprove: d.to_improve,
        surprises: d.surprises,
        updatedAt: d.updated_at,
      }))
      .sort((a, b) => a.cellName.localeCompare(b.cellName)),
    lessons: lessons.map((l) => ({
      id: l.id,
      organizationId: l.organization_id,
      cellId: l.cell_id,
      source: l.source,
      anonymous: l.account_id === null,
      authorName: l.display_name ?? null,
      realism: l.realism === null ? null : Number(l.realism),
      usefulness: l.usefulness === null ? null : Number(l.usefulness),
      wentWell: l.went_well,
      lesson: l.lesson,
      priority: l.priority,
      actionId: l.action_id,
      createdAt: l.created_at,
    })),
    evaluations: objectives.map((o) => {
      const mine = notes.filter((n) => n.objective_code === o.code);
      const latest = new Map<string, number>();
      for (const n of mine) if (n.rating !== null) latest.set(n.account_id, Number(n.rating));
      const byObservers = [...latest].filter(([who]) => observers.has(who)).map(([, r]) => r);
      const byAnimators = [...latest].filter(([who]) => !observers.has(who)).map(([, r]) => r);
      return {
        objectiveId: o.code,
        text: { fr: o.text_fr, en: o.text_en },
        observersRating: average(byObservers),
        animatorsRating: average(byAnimators),
        notes: mine.filter((n) => n.note !== null).length,
      };
    }),
    times: measuredTimes(
      ex.started_at,
      pausesOf(ex),
      scenario?.milestones ?? [],
      cells,
      entries,
      (code) => stimuli.find((s) => s.code === code)?.id,
    ),
  };
}
