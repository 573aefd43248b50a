import { z } from 'zod';
import { organizationKinds, territoryKinds } from '../identity/domain.js';
import { idText, territoryParams } from './sharing-schema.js';
import { type SharingDomain, sharingDomains } from './tables.js';

export { territoryParams };

/** Why a member is singled out for the committee: only from domains the member shares. */
export const attentionFlags = ['no_recent_diagnostic', 'no_exercise_this_year', 'overdue_actions', 'crisis_kit_stale'] as const;
export type AttentionFlag = (typeof attentionFlags)[number];

const rate = z.number().nullable().describe('percent, 0–100, one decimal; null when there is nothing to divide by');

export const maturityValue = z.object({
  score: z.number().nullable().describe('overall score 0–100 of the latest completed diagnostic'),
  completedAt: z.string(),
  variant: z.enum(['full', 'short']),
});
export const trainingValue = z.object({
  suppressed: z.boolean().describe('true: fewer than 5 people, no figure shown'),
  people: z.number().nullable(),
  completionRate: rate,
});
export const phishingValue = z.object({
  suppressed: z.boolean().describe('true: fewer than 5 people targeted in 12 months, no figure shown'),
  campaigns: z.number().nullable(),
  delivered: z.number().nullable(),
  reportRate: rate,
  clickRate: rate,
});
export const suppliersValue = z.object({
  criticalProviders: z.number().describe('tier 1 and 2 providers in the register'),
  audited: z.number().describe('of those, audited (submitted or closed) in the last 12 months'),
  coverageRate: rate,
  overdueAudits: z.number(),
});
export const exercisesValue = z.object({
  lastExerciseOn: z.string().nullable().describe('YYYY-MM-DD: end (or start) of the last exercise played; null when none'),
});
export const actionsValue = z.object({ open: z.number(), overdue: z.number(), doneLast90Days: z.number() });

const cell = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ shared: z.boolean().describe('false: the member does not share this domain; value is null'), value: value.nullable() });

export const memberDashboardSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  isLead: z.boolean(),
  maturity: cell(maturityValue),
  training: cell(trainingValue),
  phishing: cell(phishingValue),
  suppliers: cell(suppliersValue),
  exercises: cell(exercisesValue),
  actions: cell(actionsValue),
  flags: z.array(z.enum(attentionFlags)),
});
export type MemberDashboard = z.infer<typeof memberDashboardSchema>;

export const dashboardTotalsSchema = z.object({
  members: z.number(),
  sharing: z.object(Object.fromEntries(sharingDomains.map((d) => [d, z.number()])) as Record<SharingDomain, z.ZodNumber>),
  maturity: z.object({ averageScore: z.number().nullable(), diagnosed: z.number() }),
  training: trainingValue,
  phishing: phishingValue,
  suppliers: suppliersValue,
  actions: actionsValue,
  flagged: z.number().describe('members with at least one attention flag'),
});
export type DashboardTotals = z.infer<typeof dashboardTotalsSchema>;

export const territoryDashboardSchema = z.object({
  territory: z.object({ id: z.string(), name: z.string(), kind: z.enum(territoryKinds), region: z.string().nullable() }),
  generatedAt: z.string(),
  minGroupSize: z.number(),
  members: z.array(memberDashboardSchema),
  totals: dashboardTotalsSchema,
});
export type TerritoryDashboard = z.infer<typeof territoryDashboardSchema>;

export const regionalSortKeys = ['name', 'kind', 'members', 'maturity', 'training', 'phishing', 'suppliers', 'overdue', 'flagged'] as const;
export type RegionalSortKey = (typeof regionalSortKeys)[number];

export const regionalQuery = z.object({
  kind: z.enum(['ght', 'cpts']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${regionalSortKeys.join('|')})$`), `one of ${regionalSortKeys.join(', ')}, with - for descending`)
    .default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type RegionalQuery = z.infer<typeof regionalQuery>;

export const regionalItemSchema = z.object({
  territory: z.object({ id: z.string(), name: z.string(), kind: z.enum(territoryKinds) }),
  canOpen: z.boolean().describe("whether the viewer may open this territory's own dashboard"),
  totals: dashboardTotalsSchema,
});
export type RegionalItem = z.infer<typeof regionalItemSchema>;

export const regionalDashboardSchema = z.object({
  region: z.object({ territoryId: z.string(), name: z.string(), region: z.string() }),
  generatedAt: z.string(),
  minGroupSize: z.number(),
  items: z.array(regionalItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  totals: dashboardTotalsSchema.describe('the whole region (organizations counted once)'),
});
export type RegionalDashboard = z.infer<typeof regionalDashboardSchema>;

export const exportQuery = z.object({ format: z.enum(['csv', 'pdf']) });
export const regionParams = z.object({ territoryId: idText() });
