import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import {
  flashAlertInput,
  flashAlertSchema,
  orgParams,
  ruleSchema,
  territoryParams,
  territoryRuleInput,
  territoryRuleParams,
  territoryRulePatch,
} from './admin-schema.js';
import type { FlashAlertsService } from './flash-alerts-service.js';
import { RulesService } from './rules-service.js';

const tags = ['learning: administration'];

/** Flash alerts of an organization, and the territory coordinators' rules and flash alerts. */
export function flashAlertRoutes(fastify: FastifyInstance, deps: ModuleDeps, alerts: FlashAlertsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rules = new RulesService(deps);
  const orgManage = { access: access.org('org.manage') };
  const territoryManage = { access: access.territory('territory.manage') };
  const territoryBase = '/api/territories/:territoryId/learning';

  app.get(
    '/api/orgs/:orgId/learning/flash-alerts',
    { config: orgManage, schema: { tags, params: orgParams, response: { 200: z.array(flashAlertSchema) } } },
    async (request) => alerts.list({ organizationId: request.params.orgId }),
  );

  app.post(
    '/api/orgs/:orgId/learning/flash-alerts',
    { config: orgManage, schema: { tags, params: orgParams, body: flashAlertInput, response: { 201: flashAlertSchema } } },
    async (request, reply) =>
      reply.status(201).send(await alerts.publish(contextOf(request), { organizationId: request.params.orgId }, request.body)),
  );

  app.get(
    `${territoryBase}/flash-alerts`,
    { config: territoryManage, schema: { tags, params: territoryParams, response: { 200: z.array(flashAlertSchema) } } },
    async (request) => alerts.list({ territoryId: request.params.territoryId }),
  );

  app.post(
    `${territoryBase}/flash-alerts`,
    { config: territoryManage, schema: { tags, params: territoryParams, body: flashAlertInput, response: { 201: flashAlertSchema } } },
    async (request, reply) =>
      reply.status(201).send(await alerts.publish(contextOf(request), { territoryId: request.params.territoryId }, request.body)),
  );

  app.get(
    `${territoryBase}/rules`,
    { config: territoryManage, schema: { tags, params: territoryParams, response: { 200: z.array(ruleSchema) } } },
    async (request) => rules.list({ territoryId: request.params.territoryId }, request.locale),
  );

  app.post(
    `${territoryBase}/rules`,
    { config: territoryManage, schema: { tags, params: territoryParams, body: territoryRuleInput, response: { 201: ruleSchema } } },
    async (request, reply) =>
      reply.status(201).send(await rules.create(contextOf(request), { territoryId: request.params.territoryId }, request.body)),
  );

  app.patch(
    `${territoryBase}/rules/:ruleId`,
    { config: territoryManage, schema: { tags, params: territoryRuleParams, body: territoryRulePatch, response: { 200: ruleSchema } } },
    async (request) => rules.update(contextOf(request), { territoryId: request.params.territoryId }, request.params.ruleId, request.body),
  );

  app.delete(
    `${territoryBase}/rules/:ruleId`,
    { config: territoryManage, schema: { tags, params: territoryRuleParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await rules.remove(contextOf(request), { territoryId: request.params.territoryId }, request.params.ruleId);
      return reply.status(204).send(null);
    },
  );
}
