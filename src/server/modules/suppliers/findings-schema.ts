import { z } from 'zod';
import { auditParams, day, findingStatuses, orgParams, severities } from './review-schema.js';

export const findingParams = orgParams.extend({ findingId: z.string().min(1) });
export const stepParams = findingParams.extend({ stepId: z.string().min(1) });

export const openFindingBody = z.object({
  questionId: z.string().min(1).max(64).nullable().optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  severity: z.enum(severities),
  rootCause: z.string().max(5000).default(''),
  /** Only used when the audit has no contract audit clause (the clause's fix deadline wins). */
  dueOn: day.optional(),
});
export type OpenFindingInput = z.infer<typeof openFindingBody>;

export const planBody = z.object({
  steps: z
    .array(z.object({ description: z.string().trim().min(1).max(2000), dueOn: day }))
    .min(1)
    .max(50),
});
export type PlanInput = z.infer<typeof planBody>;

export const stepDoneBody = z.object({ evidenceId: z.string().min(1) });

export const findingsQuery = z.object({
  status: z.enum([...findingStatuses, 'unclosed']).optional(),
  severity: z.enum(severities).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

export const stepSchema = z.object({
  id: z.string(),
  description: z.string(),
  dueOn: z.string(),
  status: z.enum(['todo', 'done']),
  doneAt: z.string().nullable(),
});

export const findingSchema = z.object({
  id: z.string(),
  auditId: z.string(),
  auditTitle: z.string(),
  organizationId: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  questionId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(severities),
  rootCause: z.string(),
  status: z.enum(findingStatuses),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  steps: z.array(stepSchema),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), uploadedAt: z.string() })),
});
export type Finding = z.infer<typeof findingSchema>;

export const findingListSchema = z.object({
  items: z.array(findingSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export { auditParams };
