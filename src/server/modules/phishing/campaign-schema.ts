import { z } from 'zod';
import { fromBool01, fromJson } from '../../db/dialect.js';
import { roleFamilies } from '../identity/domain.js';
import type { CampaignRow, Progress } from './campaign-repo.js';

// Request and response shapes of phishing campaigns (docs/api-phishing.md, "Campaigns").

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const id = text().trim().min(1).max(64);
/** Services and sites are the directory's free texts. */
const label = text().trim().min(1).max(200);
const ids = (max: number) =>
  z
    .array(id)
    .max(max)
    .transform((xs) => [...new Set(xs)]);
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const orgParams = z.object({ orgId: id });
export const territoryParams = z.object({ territoryId: id });
export const orgCampaignParams = z.object({ orgId: id, id });
export const territoryCampaignParams = z.object({ territoryId: id, id });

/** AND across keys, OR within a key; personIds adds people. */
export const targetCriteria = z.object({
  services: z.array(label).max(500).optional(),
  roleFamilies: z.array(z.enum(roleFamilies)).max(roleFamilies.length).optional(),
  sites: z.array(label).max(500).optional(),
  personIds: ids(20_000).optional(),
});
export type TargetCriteria = z.infer<typeof targetCriteria>;

export const campaignTargets = z.object({
  organizationIds: ids(1000).optional().describe('territory campaigns: member organizations holding a mandate (default: all of them)'),
  groupIds: ids(100).optional(),
  criteria: targetCriteria.optional(),
  exclusionGroupIds: ids(100).optional(),
  exclude: targetCriteria.optional(),
});
export type CampaignTargets = z.infer<typeof campaignTargets>;

// Responses carry the stored values as they are (no transform: responses are only serialised).
const criteriaOut = z.object({
  services: z.array(z.string()).optional(),
  roleFamilies: z.array(z.string()).optional(),
  sites: z.array(z.string()).optional(),
  personIds: z.array(z.string()).optional(),
});
const targetsOut = z.object({
  organizationIds: z.array(z.string()).optional(),
  groupIds: z.array(z.string()).optional(),
  criteria: criteriaOut.optional(),
  exclusionGroupIds: z.array(z.string()).optional(),
  exclude: criteriaOut.optional(),
});

export const campaignBody = z.object({
  name: text().trim().min(1).max(200),
  templateId: id,
  landingPageId: id.nullable().optional().describe("default: the template's landing page"),
  sendingProfileId: id,
  learningModuleId: id.nullable().optional(),
  targets: campaignTargets,
  anonymous: z.boolean().optional().describe("default: the organization's setting"),
  retentionDays: z.number().int().min(30).max(1825).optional(),
  launchAt: instant,
  spreadUntil: instant.optional().describe('default: launchAt'),
});
export type CampaignInput = z.infer<typeof campaignBody>;

export const campaignStatuses = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;

export const campaignsQuery = z.object({
  q: text().trim().max(200).optional(),
  status: z.enum(campaignStatuses).optional(),
  sort: z.enum(['name', '-name', 'launchAt', '-launchAt', 'createdAt', '-createdAt']).default('-createdAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type CampaignsQuery = z.infer<typeof campaignsQuery>;

const counters = z.object({ targets: z.number().int(), sent: z.number().int(), delivered: z.number().int(), failed: z.number().int() });

export const campaignSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  territoryId: z.string().nullable(),
  name: z.string(),
  status: z.enum(campaignStatuses),
  templateId: z.string(),
  templateVersion: z.number().int(),
  difficulty: z.string(),
  landingPageId: z.string().nullable(),
  sendingProfileId: z.string(),
  learningModuleId: z.string().nullable(),
  targets: targetsOut,
  anonymous: z.boolean(),
  retentionDays: z.number().int(),
  launchAt: z.string().nullable(),
  spreadUntil: z.string().nullable(),
  pausedAt: z.string().nullable(),
  launchedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  progress: counters.describe("emails of the campaign (of the organization's staff only when a member looks at a territory campaign)"),
});
export type CampaignDto = z.infer<typeof campaignSchema>;

export const campaignPageSchema = z.object({
  items: z.array(campaignSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const previewTargetsBody = z.object({ targets: campaignTargets });
export const previewTargetsSchema = z.object({
  count: z.number().int(),
  byOrganization: z.array(z.object({ organizationId: z.string(), name: z.string(), count: z.number().int() })),
  byService: z.array(z.object({ service: z.string().nullable(), count: z.number().int() })),
});
export type PreviewTargetsDto = z.infer<typeof previewTargetsSchema>;

export const mandateSchema = z.object({ organizationId: z.string(), name: z.string(), grantedAt: z.string() });
export const mandatePageSchema = z.object({
  items: z.array(mandateSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// Presenters ------------------------------------------------------------------------------------

export const noProgress: Progress = { targets: 0, sent: 0, delivered: 0, failed: 0 };

export function presentCampaign(r: CampaignRow, progress: Progress): CampaignDto {
  return {
    id: r.id,
    organizationId: r.organization_id,
    territoryId: r.territory_id,
    name: r.name,
    status: r.status,
    templateId: r.template_id,
    templateVersion: r.template_version,
    difficulty: r.difficulty,
    landingPageId: r.landing_page_id,
    sendingProfileId: r.sending_profile_id,
    learningModuleId: r.learning_module_id,
    targets: fromJson<CampaignTargets>(r.targets, {}),
    anonymous: fromBool01(r.anonymous),
    retentionDays: r.retention_days,
    launchAt: r.launch_at,
    spreadUntil: r.spread_until,
    pausedAt: r.paused_at,
    launchedAt: r.launched_at,
    completedAt: r.completed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    progress,
  };
}

/** A campaign as the audit log keeps it (without its live counters). */
export const auditOf = (r: CampaignRow) => ({ ...presentCampaign(r, noProgress), progress: undefined });

/** A stored draft as the input it was made from (a launch checks it again). */
export function inputOf(r: CampaignRow, now: string): CampaignInput {
  return {
    name: r.name,
    templateId: r.template_id,
    landingPageId: r.landing_page_id,
    sendingProfileId: r.sending_profile_id,
    learningModuleId: r.learning_module_id,
    targets: fromJson<CampaignTargets>(r.targets, {}),
    anonymous: fromBool01(r.anonymous),
    retentionDays: r.retention_days,
    launchAt: r.launch_at ?? now,
    ...(r.spread_until ? { spreadUntil: r.spread_until } : {}),
  };
}
