import { z } from 'zod';
import { sourceMetrics } from './referential.js';

/** Request and response shapes of the maturity diagnostics (docs/api-maturity.md). */

const idString = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'an id');
const message = z.object({ fr: z.string(), en: z.string() });
const variant = z.enum(['full', 'short']);

export const orgParams = z.object({ orgId: idString });
export const diagnosticParams = orgParams.extend({ id: idString });
export const recommendationParams = diagnosticParams.extend({ recId: idString });
export const territoryParams = z.object({ territoryId: idString });

export const referentialQuery = z.object({ variant: variant.default('full') });
const status = z.enum(['draft', 'completed']);
export const listSorts = ['createdAt', 'completedAt', 'overall'] as const;
export const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: status.optional(),
  variant: variant.optional(),
  sort: z.enum(listSorts).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type DiagnosticsListQuery = z.infer<typeof listQuery>;
export const createBody = z.object({ variant: variant.default('full') });

// Values are checked against the referential by the service (validateAnswers), which names the
// question in `answers.<questionId>`; null clears an answer. The cap keeps a body to a diagnostic's size.
export const answersBody = z.object({
  answers: z.record(z.string().max(64), z.unknown()).refine((a) => Object.keys(a).length <= 200, 'at most 200 answers at once'),
});
export type AnswersPatch = z.infer<typeof answersBody>['answers'];

const answerValue = z.union([z.string(), z.array(z.string())]);

const provenanceSchema = z.discriminatedUnion('origin', [
  z.object({ origin: z.literal('answered'), at: z.string(), by: z.string().nullable() }),
  z.object({
    origin: z.literal('rempart'),
    metric: z.enum(Object.keys(sourceMetrics) as [keyof typeof sourceMetrics]),
    figure: z.number().nullable(),
    measuredAt: z.string(),
    since: z.string().nullable(),
    optionId: z.string().nullable(),
    note: message.nullable(),
  }),
]);

const themeScoreSchema = z.object({
  themeId: z.string(),
  title: message,
  kind: z.enum(['hygiene', 'care']),
  score: z.number().nullable(),
  missing: z.array(z.string()),
});

const recommendationSchema = z.object({
  id: z.string(),
  rank: z.number(),
  priority: z.boolean(),
  priorityLevel: z.number(),
  effort: z.enum(['low', 'medium', 'high']),
  gap: z.number(),
  questionIds: z.array(z.string()),
  title: message,
  why: message,
  how: z.array(message),
});

const referentialRefSchema = z.object({ id: z.string(), version: z.number(), versionId: z.string(), title: message });

export const diagnosticSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  referential: referentialRefSchema,
  variant,
  status,
  answers: z.record(z.string(), answerValue),
  provenance: z.record(z.string(), provenanceSchema),
  scores: z.object({ overall: z.number().nullable(), themes: z.array(themeScoreSchema), missing: z.array(z.string()) }),
  recommendations: z.array(recommendationSchema),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type DiagnosticDto = z.infer<typeof diagnosticSchema>;

export const diagnosticSummarySchema = z.object({
  id: z.string(),
  variant,
  status,
  overall: z.number().nullable(),
  referentialVersion: z.number(),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export const diagnosticPageSchema = z.object({
  items: z.array(diagnosticSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const actionResultSchema = z.object({ actionId: z.string(), created: z.boolean() });

export const heatmapSchema = z.object({
  territoryId: z.string(),
  themes: z.array(z.object({ id: z.string(), title: message, kind: z.enum(['hygiene', 'care']) })),
  members: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      kind: z.string(),
      isLead: z.boolean(),
      shares: z.boolean(),
      latest: z
        .object({
          completedAt: z.string(),
          variant,
          overall: z.number().nullable(),
          /** Score per theme id; null when the variant asks nothing there. */
          themes: z.record(z.string(), z.number().nullable()),
        })
        .nullable(),
      /** Overall scores of the last four completed diagnostics, oldest first. */
      trend: z.array(z.object({ completedAt: z.string(), variant, overall: z.number().nullable() })),
    }),
  ),
});
export type HeatmapDto = z.infer<typeof heatmapSchema>;
