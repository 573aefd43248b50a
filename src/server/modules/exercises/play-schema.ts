import { z } from 'zod';
import { exerciseParams, playerCellParams, stimulusDtoSchema } from './exercises-schema.js';
import { entryKinds, exerciseStatuses, taskStatuses } from './tables.js';

/** Request and response shapes of live play (docs/api-exercises.md, "Live play" and after). */

const NUL = String.fromCharCode(0);
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');

export const playStimulusParams = exerciseParams.extend({ stimulusId: idString });
export const consoleCellParams = exerciseParams.extend({ cellId: idString });
export const taskParams = playerCellParams.extend({ taskId: idString });
export const myExerciseParams = z.object({ exerciseId: idString });

export const playNowBody = z.object({ cellIds: z.array(idString).min(1).max(500).optional() }).strict();
export const journalQuery = z.object({ kind: z.enum(entryKinds).optional() });
export const replyBody = z.object({ stimulusId: idString, text: text(4_000) }).strict();
export const logbookBody = z.object({ text: text(4_000), category: text(60).optional() }).strict();
export const decisionBody = z.object({ text: text(2_000), decidedBy: text(200).optional() }).strict();
export const taskBody = z.object({ text: text(1_000), assignee: text(200).optional() }).strict();
export const taskUpdateBody = z.object({ status: z.enum(taskStatuses).optional(), assignee: text(200).nullable().optional() }).strict();
export const messageBody = z.object({ text: text(2_000) }).strict();
export const observationBody = z
  .object({
    objectiveId: idString,
    cellId: idString.optional(),
    note: text(4_000).optional(),
    rating: z.number().int().min(1).max(4).optional(),
  })
  .strict();

export const clockSchema = z.object({
  exerciseId: z.string(),
  status: z.enum(exerciseStatuses),
  startedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  pausedMs: z.number(),
  endedAt: z.string().nullable(),
  at: z.string(),
});
export const playedSchema = z.object({ stimulusId: z.string(), code: z.string(), deliveredAt: z.string(), cellIds: z.array(z.string()) });

export const entrySchema = z.object({
  id: z.string(),
  kind: z.enum(entryKinds),
  cellId: z.string(),
  text: z.string(),
  authorName: z.string(),
  fromAnimators: z.boolean(),
  stimulusId: z.string().nullable(),
  category: z.string().nullable(),
  decidedBy: z.string().nullable(),
  assignee: z.string().nullable(),
  status: z.enum(taskStatuses).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const entriesSchema = z.object({ items: z.array(entrySchema) });

export const timelineSchema = z.object({
  exerciseId: z.string(),
  status: z.enum(exerciseStatuses),
  now: z.string(),
  startedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  pausedMs: z.number(),
  endedAt: z.string().nullable(),
  stimuli: z.array(stimulusDtoSchema.extend({ dueAt: z.string().nullable(), cellIds: z.array(z.string()) })),
  cells: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organizationId: z.string(),
      organizationName: z.string(),
      scenarioCellId: z.string(),
      joinedAt: z.string(),
      received: z.number(),
      replies: z.number(),
      logbook: z.number(),
      decisions: z.number(),
      tasks: z.number(),
      messages: z.number(),
      lastReplyAt: z.string().nullable(),
      lastActivityAt: z.string().nullable(),
    }),
  ),
});

export const mediaSchema = z.object({ items: z.array(stimulusDtoSchema.omit({ expectedReaction: true })) });

const bilingual = z.object({ fr: z.string(), en: z.string() });
export const gridSchema = z.object({
  exerciseId: z.string(),
  objectives: z.array(
    z.object({
      id: z.string(),
      text: bilingual,
      criteria: z.array(bilingual),
      rating: z.number().nullable(),
      notes: z.array(
        z.object({
          id: z.string(),
          cellId: z.string().nullable(),
          accountId: z.string(),
          authorName: z.string(),
          note: z.string().nullable(),
          rating: z.number().nullable(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});
