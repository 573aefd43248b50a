import { z } from 'zod';

/** Request and response shapes of the learner's API (docs/api-learning.md, "Learner"). */

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const id = text().trim().min(1).max(64);

export const assignmentParams = z.object({ assignmentId: id });
export const attemptParams = z.object({ attemptId: id });
export const alertParams = z.object({ alertId: id });

// Ranges (screen, choiceIndex) are checked by the service against the module, with the field named.
export const patchAttemptBody = z.object({
  screen: z.number().int().optional(),
  phase: z.literal('quiz').optional(),
});
export type PatchAttemptInput = z.infer<typeof patchAttemptBody>;

export const answerBody = z.object({
  questionId: id,
  choiceIndex: z.number().int(),
  kind: z.enum(['quiz', 'relearn']).default('quiz'),
});
export type AnswerInput = z.infer<typeof answerBody>;

export const reviewAnswerBody = z.object({ moduleId: id, questionId: id, choiceIndex: z.number().int() });
export type ReviewAnswerInput = z.infer<typeof reviewAnswerBody>;

const phase = z.enum(['lesson', 'quiz', 'relearn', 'done']);
const language = z.enum(['fr', 'en']);

export const assignmentCardSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  title: z.string(),
  summary: z.string(),
  durationMinutes: z.number().int(),
  level: z.number().int(),
  topic: z.string(),
  status: z.enum(['assigned', 'in_progress', 'completed']),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  assignedAt: z.string(),
  completedAt: z.string().nullable(),
  bestScore: z.number().nullable(),
  source: z.enum(['rule', 'manual', 'flash_alert', 'phishing', 'self']),
  progress: z.object({
    phase: phase.nullable(),
    screen: z.number().int(),
    screens: z.number().int(),
    answered: z.number().int(),
    questions: z.number().int(),
  }),
});
export type AssignmentCard = z.infer<typeof assignmentCardSchema>;

export const alertBannerSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  assignmentId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
});
export type AlertBanner = z.infer<typeof alertBannerSchema>;

export const revealedChoiceSchema = z.object({ text: z.string(), correct: z.boolean(), explanation: z.string() });
export type RevealedChoice = z.infer<typeof revealedChoiceSchema>;

export const attemptStateSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  phase,
  screen: z.number().int(),
  answered: z.number().int(),
  correct: z.number().int(),
  score: z.number().nullable(),
  questions: z.array(z.object({ id: z.string(), prompt: z.string(), choices: z.array(z.object({ text: z.string() })) })),
  relearn: z.array(z.string()),
  answers: z.array(
    z.object({
      questionId: z.string(),
      kind: z.enum(['quiz', 'relearn']),
      choiceIndex: z.number().int(),
      correct: z.boolean(),
      choices: z.array(revealedChoiceSchema),
    }),
  ),
});
export type AttemptState = z.infer<typeof attemptStateSchema>;

export const playerStateSchema = z.object({
  assignment: assignmentCardSchema,
  module: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    durationMinutes: z.number().int(),
    level: z.number().int(),
    language,
    version: z.number().int(),
    screens: z.array(z.object({ title: z.string(), body: z.string() })),
  }),
  attempt: attemptStateSchema.nullable(),
});
export type PlayerState = z.infer<typeof playerStateSchema>;

/**
 * An answer's result: the revealed choices and where the attempt stands now. The questions and the
 * earlier answers are left out (the player has them and adds this answer): the whole attempt made
 * each answer's response about 10 KB.
 */
export const answerResultSchema = z.object({
  correct: z.boolean(),
  choices: z.array(revealedChoiceSchema),
  attempt: attemptStateSchema.omit({ questions: true, answers: true }),
});
export type AnswerResult = z.infer<typeof answerResultSchema>;

export const finishResultSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  assignment: assignmentCardSchema,
  reviews: z.array(z.object({ questionId: z.string(), prompt: z.string(), dueAt: z.string() })),
});
export type FinishResult = z.infer<typeof finishResultSchema>;

export const learnerHomeSchema = z.object({
  assignments: z.array(assignmentCardSchema),
  alerts: z.array(alertBannerSchema),
  reviews: z.object({ due: z.number().int(), nextAt: z.string().nullable() }),
  totals: z.object({ assigned: z.number().int(), completed: z.number().int(), overdue: z.number().int() }),
});
export type LearnerHome = z.infer<typeof learnerHomeSchema>;

export const reviewQuestionSchema = z.object({
  moduleId: z.string(),
  moduleTitle: z.string(),
  questionId: z.string(),
  prompt: z.string(),
  choices: z.array(z.object({ text: z.string() })),
  dueAt: z.string(),
});
export type ReviewQuestion = z.infer<typeof reviewQuestionSchema>;

export const reviewsSchema = z.object({
  due: z.array(reviewQuestionSchema),
  upcoming: z.array(
    z.object({ moduleId: z.string(), moduleTitle: z.string(), questionId: z.string(), prompt: z.string(), dueAt: z.string() }),
  ),
});
export type Reviews = z.infer<typeof reviewsSchema>;

export const reviewAnswerResultSchema = z.object({
  correct: z.boolean(),
  choices: z.array(revealedChoiceSchema),
  nextDueAt: z.string().nullable(),
  mastered: z.boolean(),
});
export type ReviewAnswerResult = z.infer<typeof reviewAnswerResultSchema>;
