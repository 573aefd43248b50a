import { fromBool01, fromJson, toBool01, toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { NotFound } from '../../platform/errors.js';
import type { ExerciseSummary, StimulusDto } from './exercises-schema.js';
import type { CellRole, Scenario, ScenarioPersona, Stimulus } from './scenario-format.js';
import type { ExerciseStimuliTable, ExercisesTable } from './tables.js';

/** Who owns an exercise: an establishment, or a territory playing with a cell per member. */
export type ExerciseScope = { kind: 'organization'; id: string } | { kind: 'territory'; id: string };

export const scopeColumn = (s: ExerciseScope) => (s.kind === 'organization' ? 'organization_id' : 'territory_id');

/** The exercise's cells with their organization's name, in the order they were added. */
export function cellsWithOrganizations(db: Db, exerciseId: string) {
  return db
    .selectFrom('exercise_cells as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.name', 'c.organization_id', 'o.name as org_name', 'c.scenario_cell_id', 'c.joined_at'])
    .where('c.exercise_id', '=', exerciseId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The exercise, if it belongs to the scope; a foreign one is simply not found. */
export async function exerciseIn(db: Db, scope: ExerciseScope, exerciseId: string): Promise<ExercisesTable> {
  const row = await db
    .selectFrom('exercises')
    .selectAll()
    .where('id', '=', exerciseId)
    .where(scopeColumn(scope), '=', scope.id)
    .executeTakeFirst();
  if (!row) throw new NotFound('exercise');
  return { ...row, paused_ms: Number(row.paused_ms) };
}

export const frozenScenario = (row: ExercisesTable): Scenario => fromJson<Scenario>(row.scenario_json, null as unknown as Scenario);

export function presentExercise(r: ExercisesTable): ExerciseSummary {
  return {
    id: r.id,
    organizationId: r.organization_id,
    territoryId: r.territory_id,
    scenarioId: r.scenario_id,
    scenarioVersion: Number(r.scenario_version),
    title: r.title,
    level: r.level,
    status: r.status,
    kind: r.kind,
    plannedStart: r.planned_start,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A stored stimulus back in the scenario format, for the checks and the spreadsheet. */
export function stimulusOf(r: ExerciseStimuliTable): Stimulus {
  const s: Stimulus = {
    id: r.code,
    channel: r.channel,
    personaId: r.persona_id,
    target: { cellId: r.target_cell, roles: fromJson<CellRole[]>(r.target_roles, []) },
    subject: { fr: r.subject_fr, en: r.subject_en },
    content: { fr: r.content_fr, en: r.content_en },
    expectedReaction: { fr: r.expected_fr, en: r.expected_en },
  };
  if (r.offset_minutes !== null) s.offsetMinutes = Number(r.offset_minutes);
  if (fromBool01(r.spare)) s.spare = true;
  if (r.after_code && r.after_condition) s.after = { stimulusId: r.after_code, condition: r.after_condition };
  const media = fromJson<Stimulus['media'] | null>(r.media, null);
  if (media) s.media = media;
  return s;
}

export function presentStimulus(r: ExerciseStimuliTable): StimulusDto {
  return {
    ...stimulusOf(r),
    stimulusId: r.id,
    status: r.status,
    deliveredAt: r.delivered_at,
    position: Number(r.position),
    persona: {
      name: { fr: r.persona_name_fr, en: r.persona_name_en },
      function: { fr: r.persona_function_fr, en: r.persona_function_en },
    },
  };
}

/** A stimulus as a row; the persona's name and function are copied so the feed reads without the scenario. */
export function stimulusRow(
  exerciseId: string,
  s: Stimulus,
  personas: ScenarioPersona[],
  extra: { id: string; position: number; at: string },
): ExerciseStimuliTable {
  const p = personas.find((x) => x.id === s.personaId);
  return {
    id: extra.id,
    exercise_id: exerciseId,
    code: s.id,
    offset_minutes: s.offsetMinutes ?? null,
    channel: s.channel,
    persona_id: s.personaId,
    persona_name_fr: p?.name.fr ?? s.personaId,
    persona_name_en: p?.name.en ?? s.personaId,
    persona_function_fr: p?.function.fr ?? '',
    persona_function_en: p?.function.en ?? '',
    target_cell: s.target.cellId,
    target_roles: toJson(s.target.roles),
    subject_fr: s.subject.fr,
    subject_en: s.subject.en,
    content_fr: s.content.fr,
    content_en: s.content.en,
    expected_fr: s.expectedReaction.fr,
    expected_en: s.expectedReaction.en,
    spare: toBool01(s.spare === true),
    after_code: s.after?.stimulusId ?? null,
    after_condition: s.after?.condition ?? null,
    media: s.media ? toJson(s.media) : null,
    status: 'pending',
    delivered_at: null,
    position: extra.position,
    updated_at: extra.at,
  };
}

export async function chronogramRows(db: Db, exerciseId: string): Promise<ExerciseStimuliTable[]> {
  const rows = await db
    .selectFrom('exercise_stimuli')
    .selectAll()
    .where('exercise_id', '=', exerciseId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows;
}
