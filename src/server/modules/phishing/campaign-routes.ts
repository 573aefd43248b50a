import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import type { Tenant } from './campaign-repo.js';
import {
  campaignBody,
  campaignPageSchema,
  campaignSchema,
  campaignsQuery,
  mandatePageSchema,
  orgCampaignParams,
  orgParams,
  previewTargetsBody,
  previewTargetsSchema,
  territoryCampaignParams,
  territoryParams,
} from './campaign-schema.js';
import { CampaignService } from './campaign-service.js';
import { startCampaignSender } from './sender/runner.js';

const tags = ['phishing: campaigns'];
type Verb = 'launch' | 'pause' | 'resume' | 'cancel';
const verbs: Verb[] = ['launch', 'pause', 'resume', 'cancel'];

/**
 * Campaigns of an organization (/api/orgs/:orgId/…) and of a territory for the member
 * organizations that gave it a mandate (/api/territories/:territoryId/…): the same routes,
 * the tenant taken from the path. The sender starts with the app when JOBS is on.
 */
export function phishingCampaignRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const sender = deps.config.JOBS ? startCampaignSender(fastify, deps) : null;
  const service = new CampaignService(deps, () => sender?.wake());
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const scopes = [
    {
      base: '/api/orgs/:orgId/phishing/campaigns',
      rule: access.org('phishing.manage'),
      params: orgParams,
      itemParams: orgCampaignParams,
      tenant: (p: { orgId?: string }): Tenant => ({ kind: 'organization', id: p.orgId ?? '' }),
    },
    {
      base: '/api/territories/:territoryId/phishing/campaigns',
      rule: access.territory('phishing.manage'),
      params: territoryParams,
      itemParams: territoryCampaignParams,
      tenant: (p: { territoryId?: string }): Tenant => ({ kind: 'territory', id: p.territoryId ?? '' }),
    },
  ] as const;

  for (const s of scopes) {
    const tenantOf = (request: FastifyRequest) => s.tenant(request.params as { orgId?: string; territoryId?: string });

    app.get(
      s.base,
      {
        config: { access: s.rule },
        schema: { tags, params: s.params, querystring: campaignsQuery, response: { 200: campaignPageSchema } },
      },
      async (request) => service.list(tenantOf(request), request.query),
    );

    app.post(
      s.base,
      { config: { access: s.rule }, schema: { tags, params: s.params, body: campaignBody, response: { 201: campaignSchema } } },
      async (request, reply) => reply.status(201).send(await service.create(contextOf(request), tenantOf(request), request.body)),
    );

    app.post(
      `${s.base}/preview-targets`,
      {
        config: { access: s.rule },
        schema: { tags, params: s.params, body: previewTargetsBody, response: { 200: previewTargetsSchema } },
      },
      async (request) => service.previewTargets(tenantOf(request), request.body.targets),
    );

    app.get(
      `${s.base}/:id`,
      { config: { access: s.rule }, schema: { tags, params: s.itemParams, response: { 200: campaignSchema } } },
      async (request) => service.get(tenantOf(request), request.params.id),
    );

    app.put(
      `${s.base}/:id`,
      { config: { access: s.rule }, schema: { tags, params: s.itemParams, body: campaignBody, response: { 200: campaignSchema } } },
      async (request) => service.update(contextOf(request), tenantOf(request), request.params.id, request.body),
    );

    for (const verb of verbs) {
      app.post(
        `${s.base}/:id/${verb}`,
        { config: { access: s.rule }, schema: { tags, params: s.itemParams, response: { 200: campaignSchema } } },
        async (request) => service[verb](contextOf(request), tenantOf(request), request.params.id),
      );
    }
  }

  app.get(
    '/api/territories/:territoryId/phishing/mandates',
    {
      config: { access: access.territory('phishing.manage') },
      schema: { tags, params: territoryParams, response: { 200: mandatePageSchema } },
    },
    async (request) => service.mandates(request.params.territoryId),
  );
}
