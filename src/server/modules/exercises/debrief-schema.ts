import { z } from 'zod';
import { priorities } from '../actions/tables.js';
import { exerciseParams } from './exercises-schema.js';
import { milestoneKinds } from './scenario-format.js';
import { exerciseStatuses, lessonSources } from './tables.js';

/** Request and response shapes after the exercise (docs/api-exercises.md, "After the exercise"). */

const NUL = String.fromCharCode(0);
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');

export const debriefCellParams = exerciseParams.extend({ cellId: idString });
export const myDebriefParams = z.object({ exerciseId: idString, cellId: idString });
export const myAfterParams = z.object({ exerciseId: idString });

export const debriefBody = z.object({ wentWell: text(4_000), toImprove: text(4_000), surprises: text(4_000).optional() }).strict();

/** The questionnaire a participant fills in; `anonymous` stores no account. */
export const questionnaireBody = z
  .object({
    cellId: idString.optional(),
    realism: z.number().int().min(1).max(5).optional(),
    usefulness: z.number().int().min(1).max(5).optional(),
    wentWell: text(2_000).optional(),
    lesson: text(2_000),
    anonymous: z.boolean().optional(),
  })
  .strict();

export const animatorLessonBody = z
  .object({ cellId: idString.optional(), lesson: text(2_000), priority: z.enum(priorities).optional() })
  .strict();

const debriefSchema = z.object({
  cellId: z.string(),
  cellName: z.string(),
  wentWell: z.string(),
  toImprove: z.string(),
  surprises: z.string(),
  updatedAt: z.string(),
});

const lessonSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  cellId: z.string().nullable(),
  source: z.enum(lessonSources),
  anonymous: z.boolean(),
  authorName: z.string().nullable(),
  realism: z.number().nullable(),
  usefulness: z.number().nullable(),
  wentWell: z.string().nullable(),
  lesson: z.string(),
  priority: z.enum(priorities),
  actionId: z.string().nullable(),
  createdAt: z.string(),
});

export const afterSchema = z.object({
  exerciseId: z.string(),
  title: z.string(),
  status: z.enum(exerciseStatuses),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  cells: z.array(z.object({ id: z.string(), name: z.string(), organizationId: z.string() })),
  debriefs: z.array(debriefSchema),
  lessons: z.array(lessonSchema),
  evaluations: z.array(
    z.object({
      objectiveId: z.string(),
      text: z.object({ fr: z.string(), en: z.string() }),
      observersRating: z.number().nullable(),
      animatorsRating: z.number().nullable(),
      notes: z.number(),
    }),
  ),
  times: z.array(
    z.object({
      cellId: z.string(),
      cellName: z.string(),
      kind: z.enum(milestoneKinds),
      at: z.string().nullable(),
      minutes: z.number().nullable(),
      entryId: z.string().nullable(),
    }),
  ),
});
export type AfterDto = z.infer<typeof afterSchema>;
