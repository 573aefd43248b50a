import { z } from 'zod';
import { stimulusSchema } from './scenario-format.js';
import { exerciseKinds, exerciseStatuses, participantFunctions, staffFunctions, stimulusStatuses } from './tables.js';

/** Request and response shapes of exercise preparation (docs/api-exercises.md). */

// PostgreSQL refuses the NUL character in text: refused here with a 400 rather than a 500 there.
const NUL = String.fromCharCode(0);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
const bilingual = z.object({ fr: z.string(), en: z.string() });

export const orgParams = z.object({ orgId: idString });
export const territoryParams = z.object({ territoryId: idString });
export const exerciseParams = z.object({ orgId: idString.optional(), territoryId: idString.optional(), exerciseId: idString });
export const cellParams = exerciseParams.extend({ cellId: idString });
export const participantParams = exerciseParams.extend({ participantId: idString });
export const stimulusParams = exerciseParams.extend({ stimulusId: idString });
export const playerCellParams = z.object({ exerciseId: idString, cellId: idString });

export const exercisesQuery = z.object({
  status: z.enum(exerciseStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ExercisesQuery = z.infer<typeof exercisesQuery>;

export const cellChoice = z.object({
  organizationId: idString,
  /** The scenario cell it plays; by default `lead` for a lead establishment, the first other cell for the rest. */
  scenarioCellId: idString.optional(),
  name: text(200).min(1).optional(),
});
export type CellChoice = z.infer<typeof cellChoice>;

export const createExerciseBody = z.object({
  scenarioId: idString,
  title: text(200).min(1).optional(),
  kind: z.enum(exerciseKinds).default('exercise'),
  plannedStart: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Territory exercises: the member organizations that play, one cell each (at least one). */
  cells: z.array(cellChoice).max(200).optional(),
});
export type CreateExerciseInput = z.infer<typeof createExerciseBody>;

export const updateExerciseBody = z
  .object({ title: text(200).min(1), plannedStart: z.iso.datetime({ offset: true }).nullable() })
  .partial();
export type UpdateExerciseInput = z.infer<typeof updateExerciseBody>;

export const addParticipantBody = z.object({
  accountId: idString,
  /** Required for a player's function; absent for an animator or an observer of the whole exercise. */
  cellId: idString.nullable().default(null),
  function: z.enum([...participantFunctions, ...staffFunctions]),
});
export type AddParticipantInput = z.infer<typeof addParticipantBody>;

// PostgreSQL refuses NUL in text: any field carrying one is a 400 here, not a 500 there.
export const stimulusBody = stimulusSchema.superRefine((s, ctx) => {
  if (JSON.stringify(s).includes('\\u0000')) ctx.addIssue({ code: 'custom', message: 'no NUL character', path: [] });
});
export const reorderBody = z.object({ stimulusIds: z.array(idString).min(1).max(2000) });

export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const importQuery = z.object({
  format: z.enum(['xlsx', 'csv']),
  /** true: checks and reports, writes nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const scenarioSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  level: z.string(),
  scope: z.string(),
  durationMinutes: z.number(),
  title: bilingual,
  summary: bilingual,
  cells: z.array(z.object({ id: z.string(), name: bilingual })),
  objectiveCount: z.number(),
  stimulusCount: z.number(),
  spareCount: z.number(),
});
export const scenarioListSchema = z.object({ items: z.array(scenarioSummarySchema) });

export const exerciseSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  territoryId: z.string().nullable(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  title: z.string(),
  level: z.string(),
  status: z.enum(exerciseStatuses),
  kind: z.enum(exerciseKinds),
  plannedStart: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExerciseSummary = z.infer<typeof exerciseSummarySchema>;
export const exercisePageSchema = z.object({
  items: z.array(exerciseSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const stimulusDtoSchema = stimulusSchema.safeExtend({
  /** The row's id, used in URLs; `id` is the chronogram code (s01...). */
  stimulusId: z.string(),
  status: z.enum(stimulusStatuses),
  deliveredAt: z.string().nullable(),
  position: z.number(),
  persona: z.object({ name: bilingual, function: bilingual }),
});
export type StimulusDto = z.infer<typeof stimulusDtoSchema>;
export const chronogramSchema = z.object({ items: z.array(stimulusDtoSchema) });

export const cellDtoSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  scenarioCellId: z.string(),
  name: z.string(),
  joinedAt: z.string(),
});
export const participantDtoSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  cellId: z.string().nullable(),
  function: z.string(),
  joinedAt: z.string(),
});
export const objectiveDtoSchema = z.object({ id: z.string(), text: bilingual, criteria: z.array(bilingual) });

export const exerciseDetailSchema = exerciseSummarySchema.extend({
  pausedMs: z.number(),
  scenarioCells: z.array(z.object({ id: z.string(), name: bilingual, roles: z.array(z.string()) })),
  personas: z.array(z.object({ id: z.string(), name: bilingual, function: bilingual })),
  cells: z.array(cellDtoSchema),
  participants: z.array(participantDtoSchema),
  objectives: z.array(objectiveDtoSchema),
  chronogram: z.array(stimulusDtoSchema),
});
export type ExerciseDetail = z.infer<typeof exerciseDetailSchema>;

export const myExercisesSchema = z.object({
  items: z.array(
    exerciseSummarySchema.extend({
      function: z.string(),
      cell: z.object({ id: z.string(), name: z.string(), organizationId: z.string() }).nullable(),
    }),
  ),
});

/** A stimulus as players receive it: without the reaction the animators expect. */
export const playerStimuliSchema = z.object({ items: z.array(stimulusDtoSchema.omit({ expectedReaction: true })) });

export const fileIssueSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  issues: z.array(fileIssueSchema),
  stimulusCount: z.number(),
  chronogram: z.array(stimulusDtoSchema).optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const importErrorSchema = z.looseObject({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
