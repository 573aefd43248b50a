import { z } from 'zod';
import { isCalendarDate } from './grid-logic.js';

/** Request and answer shapes of the review (docs/api-suppliers.md, "Review, findings, costs, report and dashboard"). */
export const ratings = ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const;
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const findingStatuses = ['open', 'plan_proposed', 'plan_agreed', 'closed'] as const;

/** A real calendar day (2026-02-30 is refused). */
export const day = z.string().refine(isCalendarDate, 'YYYY-MM-DD');
const key = z.string().min(1).max(64);

export const orgParams = z.object({ orgId: z.string().min(1) });
export const auditParams = orgParams.extend({ auditId: z.string().min(1) });
export const ratingParams = auditParams.extend({ questionId: key });

export const ratingBody = z.object({ rating: z.enum(ratings), note: z.string().max(5000).default('') });

const score = z.number().nullable();
export const scoreSchema = z.object({
  score,
  counts: z.object({
    compliant: z.number(),
    partial: z.number(),
    non_compliant: z.number(),
    not_applicable: z.number(),
    unrated: z.number(),
  }),
  sections: z.array(z.object({ sectionId: z.string(), title: z.string(), score })),
});

export const reviewQuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  type: z.string(),
  weight: z.number(),
  reference: z.string().nullable(),
  answer: z.object({ value: z.unknown(), comment: z.string(), answeredAt: z.string() }).nullable(),
  rating: z.enum(ratings).nullable(),
  ratingNote: z.string(),
  ratedAt: z.string().nullable(),
});
export type ReviewQuestion = z.infer<typeof reviewQuestionSchema>;

export const reviewAuditSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  contractId: z.string().nullable(),
  dueOn: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  shared: z.boolean(),
  /** false for a participant of a shared audit: it reads, the lead reviews. */
  lead: z.boolean(),
});

export const reviewSchema = z.object({
  audit: reviewAuditSchema,
  grid: z.object({
    title: z.string(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(reviewQuestionSchema) })),
  }),
  score: scoreSchema,
});
export type ReviewView = z.infer<typeof reviewSchema>;

export const ratingResultSchema = z.object({
  questionId: z.string(),
  rating: z.enum(ratings),
  note: z.string(),
  ratedAt: z.string(),
  score: scoreSchema,
});
