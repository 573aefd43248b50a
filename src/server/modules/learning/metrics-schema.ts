import { z } from 'zod';

// Request and response shapes of the learning metrics and of the patient page (docs/api-learning.md).

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const id = text().trim().min(1).max(64);

/** Groups smaller than this are never shown with figures (ARCHITECTURE: aggregates of at least 5). */
export const MIN_GROUP_SIZE = 5;

export const groupDimensions = ['role_family', 'service', 'site'] as const;
export type GroupDimension = (typeof groupDimensions)[number];

export const orgMetricsParams = z.object({ orgId: id });
export const territoryMetricsParams = z.object({ territoryId: id });
export const metricsQuery = z.object({ by: z.enum(groupDimensions).default('role_family') });

// Metrics ---------------------------------------------------------------------------------------

/** Scores are percentages (0-100); null when nobody has a score yet. */
export const figuresSchema = z.object({
  people: z.number().int(),
  assigned: z.number().int(),
  completed: z.number().int(),
  completionRate: z.number(),
  firstScore: z.number().nullable(),
  lastScore: z.number().nullable(),
  scoreChange: z.number().nullable(),
  overdue: z.number().int(),
});
export type Figures = z.infer<typeof figuresSchema>;

export const suppressedSchema = z.object({ suppressed: z.literal(true), people: z.literal('<5') });
export type Suppressed = z.infer<typeof suppressedSchema>;
export const SUPPRESSED: Suppressed = { suppressed: true, people: '<5' };

const groupKey = z.object({ key: z.string(), label: z.string() });
// Figures first: a suppressed group fails it (people is '<5') and falls to the second shape.
export const groupSchema = z.union([groupKey.extend(figuresSchema.shape), groupKey.extend(suppressedSchema.shape)]);
export type MetricsGroup = z.infer<typeof groupSchema>;

export const orgMetricsSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  totals: z.union([figuresSchema, suppressedSchema]).describe('suppressed when the organization has fewer than 5 learners'),
  groups: z.array(groupSchema),
  modules: z
    .array(
      z.object({
        moduleId: z.string(),
        title: z.string(),
        assigned: z.number().int(),
        completed: z.number().int(),
        completionRate: z.number(),
        firstScore: z.number().nullable(),
        lastScore: z.number().nullable(),
      }),
    )
    .describe('modules assigned to at least 5 people'),
  topics: z
    .array(
      z.object({
        topic: z.string(),
        learners: z.number().int(),
        mastered: z.number().int(),
        masteryRate: z.number(),
        averageScore: z.number().nullable(),
      }),
    )
    .describe('topics with at least 5 learners'),
  trend: z
    .array(
      z.object({
        day: z.string(),
        completions: z.number().int(),
        averageScore: z.number().nullable().describe('null on days with fewer than 5 completions'),
        answers: z.number().int(),
        correctRate: z.number().nullable(),
      }),
    )
    .describe('the last 90 days, oldest first'),
  minGroupSize: z.literal(MIN_GROUP_SIZE),
});
export type OrgMetrics = z.infer<typeof orgMetricsSchema>;

const memberBase = z.object({ organizationId: z.string(), name: z.string(), sharing: z.boolean() });
// Order matters: the bare shape (a member that does not share) would match anything.
export const territoryMemberSchema = z.union([
  memberBase.extend(figuresSchema.shape),
  memberBase.extend(suppressedSchema.shape),
  memberBase,
]);
export type TerritoryMember = z.infer<typeof territoryMemberSchema>;

export const territoryMetricsSchema = z.object({
  territory: z.object({ id: z.string(), name: z.string() }),
  members: z.array(territoryMemberSchema),
  totals: z.union([figuresSchema, suppressedSchema]).describe('sharing members only'),
  minGroupSize: z.literal(MIN_GROUP_SIZE),
});
export type TerritoryMetrics = z.infer<typeof territoryMetricsSchema>;

// Patient page ----------------------------------------------------------------------------------

export const publicPageSchema = z.object({
  slug: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  views: z.number().int(),
  completions: z.number().int(),
});
export type PublicPageDto = z.infer<typeof publicPageSchema>;
export const publicPageBody = z.object({ enabled: z.boolean() });

const slug = text().trim().min(1).max(64);
export const publicSlugParams = z.object({ slug });
export const publicModuleParams = z.object({ slug, moduleId: id });
export const publicEventBody = z.object({ kind: z.enum(['view', 'completed']) });

export const publicCatalogueSchema = z.object({
  organization: z.object({ name: z.string() }),
  modules: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string(), durationMinutes: z.number().int() })),
});
export type PublicCatalogue = z.infer<typeof publicCatalogueSchema>;

export const publicModuleSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.enum(['fr', 'en']),
  screens: z.array(z.object({ title: z.string(), body: z.string() })),
  questions: z.array(
    z.object({
      id: z.string(),
      prompt: z.string(),
      choices: z.array(z.object({ text: z.string(), correct: z.boolean(), explanation: z.string() })),
    }),
  ),
});
export type PublicModule = z.infer<typeof publicModuleSchema>;
