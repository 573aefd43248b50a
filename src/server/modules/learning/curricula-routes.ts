import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import {
  assignmentsInput,
  assignmentsResult,
  curriculumInput,
  curriculumParams,
  curriculumSchema,
  orgParams,
  previewQuery,
  ruleInput,
  ruleParams,
  rulePatch,
  ruleSchema,
} from './admin-schema.js';
import { CurriculaService } from './curricula-service.js';
import { RulesService } from './rules-service.js';

const tags = ['learning: administration'];

// Belongs with ruleSchema in admin-schema.ts; kept here while that file is not ours to edit.
const orgRuleSchema = ruleSchema.extend({
  territoryName: z.string().nullable().describe("the territory whose coordinator set the rule; null for the organization's own"),
  editable: z.boolean().describe("false for a territory's rule: only its coordinator changes it"),
});

/** An organization's curricula, assignment rules and one-off assignments. */
export function curriculaRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const curricula = new CurriculaService(deps);
  const rules = new RulesService(deps);
  const manage = { access: access.org('org.manage') };
  const base = '/api/orgs/:orgId/learning';
  const owner = (params: { orgId: string }) => ({ organizationId: params.orgId });

  app.get(
    `${base}/curricula`,
    { config: manage, schema: { tags, params: orgParams, response: { 200: z.array(curriculumSchema) } } },
    async (request) => curricula.list(request.params.orgId),
  );

  app.post(
    `${base}/curricula`,
    { config: manage, schema: { tags, params: orgParams, body: curriculumInput, response: { 201: curriculumSchema } } },
    async (request, reply) => reply.status(201).send(await curricula.create(contextOf(request), request.params.orgId, request.body)),
  );

  app.put(
    `${base}/curricula/:curriculumId`,
    { config: manage, schema: { tags, params: curriculumParams, body: curriculumInput, response: { 200: curriculumSchema } } },
    async (request) => curricula.update(contextOf(request), request.params.orgId, request.params.curriculumId, request.body),
  );

  app.get(
    `${base}/rules`,
    { config: manage, schema: { tags, params: orgParams, response: { 200: z.array(orgRuleSchema) } } },
    async (request) => rules.listForOrganization(request.params.orgId, request.locale),
  );

  app.get(
    `${base}/rules/preview`,
    {
      config: manage,
      schema: { tags, params: orgParams, querystring: previewQuery, response: { 200: z.object({ matching: z.number().int() }) } },
    },
    async (request) => rules.preview(owner(request.params), request.query),
  );

  app.post(
    `${base}/rules`,
    { config: manage, schema: { tags, params: orgParams, body: ruleInput, response: { 201: ruleSchema } } },
    async (request, reply) =>
      reply.status(201).send(await rules.create(contextOf(request), owner(request.params), { ...request.body, organizationIds: [] })),
  );

  app.patch(
    `${base}/rules/:ruleId`,
    { config: manage, schema: { tags, params: ruleParams, body: rulePatch, response: { 200: ruleSchema } } },
    async (request) => rules.update(contextOf(request), owner(request.params), request.params.ruleId, request.body),
  );

  app.delete(
    `${base}/rules/:ruleId`,
    { config: manage, schema: { tags, params: ruleParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await rules.remove(contextOf(request), owner(request.params), request.params.ruleId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/assignments`,
    { config: manage, schema: { tags, params: orgParams, body: assignmentsInput, response: { 200: assignmentsResult } } },
    async (request) => rules.assign(contextOf(request), request.params.orgId, request.body),
  );
}
