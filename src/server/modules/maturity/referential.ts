import { z } from 'zod';

/**
 * The maturity referential: themes, questions and recommendations, written in content/maturity
 * and frozen into every diagnostic (a diagnostic keeps the version it was made with). zod checks
 * the shape; `referentialIssues` checks what zod cannot (references, nesting, coverage).
 */
const text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const key = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" or "-"');

/** The option id that means "none of these": it scores 0 and excludes every other option. */
export const NONE_OPTION = 'none';

/**
 * Figures Rempart computes itself, which can pre-fill a question. Ratios are 0..1; the exercise
 * figure is the number of days since the last crisis exercise ended (null: never).
 */
export const sourceMetrics = {
  'learning.completion': 'ratio',
  'phishing.report_rate': 'ratio',
  'suppliers.audit_coverage': 'ratio',
  'exercises.last_date': 'days',
} as const;
export type SourceMetric = keyof typeof sourceMetrics;

const thresholdSchema = z
  .object({
    optionId: key,
    /** Inclusive lower bound of the figure; absent: no lower bound. */
    min: z.number().min(0).optional(),
    /** Exclusive upper bound; absent: no upper bound. */
    max: z.number().min(0).optional(),
  })
  .strict();

export const questionSourceSchema = z
  .object({
    metric: z.enum(Object.keys(sourceMetrics) as [SourceMetric, ...SourceMetric[]]),
    /** Tried in order; the first range holding the figure gives the option. */
    thresholds: z.array(thresholdSchema).min(2),
    /** Option when Rempart has no figure (nothing assigned, no exercise ever). */
    unknown: key.optional(),
  })
  .strict();

export const optionSchema = z.object({ id: key, label: text, score: z.number().min(0).max(1) }).strict();

export const questionSchema = z
  .object({
    id: key,
    themeId: key,
    text,
    /** Why it matters, in one or two sentences. */
    help: text,
    /** Where it comes from, e.g. "Hygiène, mesure 9" or "CaRE, continuité". */
    reference: z.string().min(1).max(120).optional(),
    type: z.enum(['single', 'multiple']),
    options: z.array(optionSchema).min(2),
    weight: z.number().int().min(1).max(3),
    /** Nested: asked only when the parent's answer holds one of these options. */
    parentId: key.optional(),
    showWhen: z.array(key).min(1).optional(),
    /** Part of the short version (a small practice answers it in ten minutes). */
    short: z.boolean().optional(),
    source: questionSourceSchema.optional(),
  })
  .strict();

export const themeSchema = z.object({ id: key, title: text, kind: z.enum(['hygiene', 'care']) }).strict();

export const recommendationSchema = z
  .object({
    id: key,
    questionIds: z.array(key).min(1),
    title: text,
    why: text,
    /** Two to four concrete steps. */
    how: z.array(text).min(2).max(4),
    /** 1 is the most urgent. */
    priority: z.number().int().min(1).max(4),
    effort: z.enum(['low', 'medium', 'high']),
  })
  .strict();

export const referentialSchema = z
  .object({
    id: key,
    version: z.number().int().min(1),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(z.string().min(1)).min(1),
    title: text,
    themes: z.array(themeSchema).min(1),
    questions: z.array(questionSchema).min(1),
    recommendations: z.array(recommendationSchema).min(1),
  })
  .strict();

export type Referential = z.infer<typeof referentialSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Option = z.infer<typeof optionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type QuestionSource = z.infer<typeof questionSourceSchema>;
export type Effort = Recommendation['effort'];

export interface ReferentialIssue {
  /** Dotted path, e.g. questions.12.showWhen.0 */
  field: string;
  code: string;
  message: string;
}

/** Lowest score a question can get (multiple: nothing or only the weakest options ticked). */
export function lowestScore(q: Question): number {
  return Math.min(...q.options.map((o) => o.score));
}
