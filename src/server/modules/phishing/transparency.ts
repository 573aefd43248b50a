import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fromBool01 } from '../../db/dialect.js';
import { access } from '../../platform/access/rules.js';
import type { AppDeps } from '../../platform/context.js';
import { type Locale, NotFound } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { orgParams } from './campaign-schema.js';
import { transparencyTexts } from './transparency-texts.js';

// The staff transparency page (any signed-in member of the organization, org.read).

/** How many ended campaigns the page lists. */
const RECENT = 10;
const DEFAULTS = { anonymous_default: 0, retention_days: 365, transparency_note: '' };

export const transparencySchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  simulated: z.string(),
  purpose: z.string(),
  recorded: z.array(z.object({ key: z.enum(['sent', 'opened', 'clicked', 'submitted', 'reported']), label: z.string() })),
  neverRecorded: z.array(z.string()),
  whoSees: z.array(z.object({ audience: z.enum(['managers', 'security_admins', 'territory']), text: z.string() })),
  retentionDays: z.number().int(),
  retention: z.string(),
  anonymousDefault: z.boolean(),
  anonymous: z.string(),
  reportAddress: z.string(),
  reporting: z.string(),
  /** The organization's own words (phishing settings); empty when it wrote none. */
  transparencyNote: z.string(),
  /** Campaigns that reached the organization's staff, once ended only: never a coming one. */
  recentCampaigns: z.array(z.object({ name: z.string(), launchedAt: z.string(), endedAt: z.string() })),
});
export type Transparency = z.infer<typeof transparencySchema>;

export async function transparencyOf(deps: AppDeps, orgId: string, locale: Locale): Promise<Transparency> {
  const org = await deps.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new NotFound('organization');
  const settings =
    (await deps.db
      .selectFrom('phishing_settings')
      .select(['anonymous_default', 'retention_days', 'transparency_note'])
      .where('organization_id', '=', orgId)
      .executeTakeFirst()) ?? DEFAULTS;
  // The organization's own campaigns and the territory's that reached its staff both have its counters.
  const ended = await deps.db
    .selectFrom('phishing_campaigns')
    .select(['name', 'launched_at', 'completed_at'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('phishing_campaign_stats').select('campaign_id').where('organization_id', '=', orgId).where('dimension', '=', 'all'),
    )
    .where('status', 'in', ['completed', 'cancelled'])
    .where('launched_at', 'is not', null)
    .where('completed_at', 'is not', null)
    .orderBy('completed_at', 'desc')
    .limit(RECENT)
    .execute();

  const t = transparencyTexts[locale];
  const anonymousDefault = fromBool01(settings.anonymous_default);
  const reportAddress = deps.config.REPORT_ADDRESS;
  return {
    organization: org,
    simulated: t.simulated,
    purpose: t.purpose,
    recorded: t.recorded,
    neverRecorded: t.neverRecorded,
    whoSees: t.whoSees,
    retentionDays: settings.retention_days,
    retention: t.retention(settings.retention_days),
    anonymousDefault,
    anonymous: t.anonymous(anonymousDefault),
    reportAddress,
    reporting: t.reporting(reportAddress),
    transparencyNote: settings.transparency_note,
    recentCampaigns: ended.map((c) => ({ name: c.name, launchedAt: c.launched_at ?? '', endedAt: c.completed_at ?? '' })),
  };
}

export function phishingTransparencyRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/orgs/:orgId/phishing/transparency',
    {
      config: { access: access.org('org.read') },
      schema: { tags: ['phishing: results'], params: orgParams, response: { 200: transparencySchema } },
    },
    async (request) => transparencyOf(deps, request.params.orgId, request.locale),
  );
}
