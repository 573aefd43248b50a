import { z } from 'zod';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import { orgCampaignParams } from './campaign-schema.js';

// Per-campaign results (docs/api-phishing.md, "Results"): aggregates only, from phishing_campaign_stats.

export const resultsDimensions = ['service', 'role_family', 'site'] as const;
export type ResultsDimension = (typeof resultsDimensions)[number];

export const resultsParams = orgCampaignParams;
export const resultsQuery = z.object({ by: z.enum(resultsDimensions).default('service') });

export const countersSchema = z.object({
  targets: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  submitted: z.number().int(),
  reported: z.number().int(),
  scannerFlagged: z.number().int(),
});
export type Counters = z.infer<typeof countersSchema>;

/** Fractions (0–1, four decimals): `delivered` of the targets, the others of the delivered; null when nothing to divide by. */
export const ratesSchema = z.object({
  delivered: z.number().nullable(),
  opened: z.number().nullable(),
  clicked: z.number().nullable(),
  submitted: z.number().nullable(),
  reported: z.number().nullable(),
  scannerFlagged: z.number().nullable(),
});
export type Rates = z.infer<typeof ratesSchema>;

const shownGroup = z.object({ key: z.string(), label: z.string(), counters: countersSchema, rates: ratesSchema });
const suppressedGroup = z.object({ key: z.string(), label: z.string(), suppressed: z.literal(true) });
export type ResultsGroup = z.infer<typeof shownGroup> | z.infer<typeof suppressedGroup>;

export const campaignResultsSchema = z.object({
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    difficulty: z.string(),
    launchedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    anonymous: z.boolean(),
  }),
  by: z.enum(resultsDimensions),
  minGroupSize: z.literal(MIN_GROUP_SIZE),
  totals: countersSchema,
  rates: ratesSchema,
  adjusted: z.object({ clicked: z.number().nullable(), reported: z.number().nullable() }),
  timeToReport: z.object({
    /** Reports within 5 min, 15 min, 1 h, 4 h, 24 h, later. */
    buckets: z.array(z.number().int()).length(6),
    medianBucket: z.number().int().min(0).max(5).nullable(),
  }),
  groups: z.array(z.union([shownGroup, suppressedGroup])),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

// Trends: one point per launched campaign, oldest first -------------------------------------------

export const trendsQuery = z.object({
  /** The latest campaigns kept (oldest first in the answer). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const trendHead = z.object({
  campaignId: z.string(),
  name: z.string(),
  status: z.string(),
  difficulty: z.string(),
  launchedAt: z.string(),
  completedAt: z.string().nullable(),
  /** Organization admins: the whole organization; managers: their service. */
  targets: z.number().int(),
});
const trendPoint = trendHead.extend({
  delivered: z.number().int(),
  rates: z.object({ reported: z.number().nullable(), clicked: z.number().nullable(), submitted: z.number().nullable() }),
  adjusted: z.object({ clicked: z.number().nullable(), reported: z.number().nullable() }),
});
const suppressedPoint = trendHead.omit({ targets: true }).extend({ suppressed: z.literal(true) });
export type TrendPoint = z.infer<typeof trendPoint> | z.infer<typeof suppressedPoint>;

export const trendsSchema = z.object({
  /** null: the whole organization; else the services whose figures these are. */
  services: z.array(z.string()).nullable(),
  minGroupSize: z.literal(MIN_GROUP_SIZE),
  items: z.array(z.union([trendPoint, suppressedPoint])),
});
export type Trends = z.infer<typeof trendsSchema>;

// A territory campaign's results, per member organization -----------------------------------------

export const territoryResultsParams = z.object({ territoryId: z.string().trim().min(1).max(64), id: z.string().trim().min(1).max(64) });

const shownMember = z.object({ organizationId: z.string(), name: z.string(), counters: countersSchema, rates: ratesSchema });
const suppressedMember = z.object({ organizationId: z.string(), name: z.string(), suppressed: z.literal(true) });
export type MemberResults = z.infer<typeof shownMember> | z.infer<typeof suppressedMember>;

export const territoryResultsSchema = campaignResultsSchema.omit({ by: true, groups: true }).extend({
  members: z.array(z.union([shownMember, suppressedMember])),
});
export type TerritoryResults = z.infer<typeof territoryResultsSchema>;
