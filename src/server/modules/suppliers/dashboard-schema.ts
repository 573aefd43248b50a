import { z } from 'zod';

/** fresh=true: recompute instead of the figures kept for up to 15 s. */
export const dashboardQuery = z.object({ fresh: z.enum(['true', 'false']).optional() });
export const territoryParams = z.object({ territoryId: z.string().min(1) });

const n = z.number();
const bySeverity = z.object({ low: n, medium: n, high: n, critical: n });

export const riskyProviderSchema = z.object({
  supplierId: z.string(),
  name: z.string(),
  siren: z.string(),
  tier: n,
  openCriticalFindings: n,
  overdueAudit: z.boolean(),
  /** (5 − tier) × 10 + 20 per open critical finding + 15 when an audit is overdue. */
  riskScore: n,
});

export const orgDashboardSchema = z.object({
  today: z.string(),
  providers: z.object({ total: n, byTier: z.object({ 1: n, 2: n, 3: n, 4: n }), healthData: n }),
  hds: z.object({
    /** Providers whose latest HDS certificate has expired. */
    expired: n,
    /** … expires within 30 days (today included). */
    expiringIn30Days: n,
    /** … expires within 90 days (the 30-day ones included). */
    expiringIn90Days: n,
    /** Providers handling health data with no HDS certificate recorded. */
    healthDataWithoutCertificate: n,
  }),
  contracts: z.object({
    /** Not archived and not ended. */
    active: n,
    withoutAuditClause: n,
    /** Missing at least one of the GDPR art. 28 points (a)–(h) marked present. */
    missingGdpr28: n,
  }),
  audits: z.object({ overdue: n, dueIn30Days: n, open: n, inRemediation: n }),
  findings: z.object({ open: bySeverity, overdue: n }),
  riskiest: z.array(riskyProviderSchema),
});
export type OrgDashboard = z.infer<typeof orgDashboardSchema>;

const memberFigures = z.object({
  providers: n,
  tier1: n,
  healthData: n,
  hdsExpired: n,
  hdsExpiringIn90Days: n,
  contractsWithoutAuditClause: n,
  auditsOverdue: n,
  auditsInRemediation: n,
  openFindings: bySeverity,
});
export type MemberFigures = z.infer<typeof memberFigures>;

export const territoryDashboardSchema = z.object({
  territory: z.object({ id: z.string(), name: z.string() }),
  members: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      /** false: the member does not share its figures with the territory (none shown). */
      sharing: z.boolean(),
      figures: memberFigures.nullable(),
    }),
  ),
  totals: memberFigures,
  /** Providers (matched by SIREN) in the registers of at least two sharing members: candidates for a shared audit. */
  sharedProviders: z.array(
    z.object({ siren: z.string(), name: z.string(), members: z.array(z.object({ organizationId: z.string(), name: z.string() })) }),
  ),
});
export type TerritoryDashboard = z.infer<typeof territoryDashboardSchema>;
