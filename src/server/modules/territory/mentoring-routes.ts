import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import { MentoringPlans } from './mentoring-plan.js';
import {
  createPairingBody,
  endPairingBody,
  goalBody,
  goalParams,
  goalPatch,
  goalSchema,
  menteeParams,
  mentorCandidatesSchema,
  mentorListSchema,
  mentorParams,
  mentorSchema,
  offerMentorBody,
  pairingListSchema,
  pairingParams,
  pairingSchema,
  pairingsQuery,
  planListSchema,
  planSchema,
  sessionBody,
  sessionParams,
  sessionPatch,
  sessionSchema,
  suggestionsQuery,
  suggestionsSchema,
  territoryParams,
  updateMentorBody,
} from './mentoring-schema.js';
import { MentoringService } from './mentoring-service.js';

const tags = ['territory: mentoring'];
const read = { access: access.territory('territory.read') };
const manage = { access: access.territory('territory.manage') };
// The mentor may hold no role on the territory: plan routes check the pairing's parties in the service.
const party = { access: access.signedIn() };

/** Mentors, pairings and mentoring plans (docs/api-territory.md). */
export function mentoringRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new MentoringService(deps);
  const plans = new MentoringPlans(deps);
  const base = '/api/territories/:territoryId/mentoring';
  const plan = `${base}/pairings/:pairingId`;

  app.get(
    `${base}/mentors`,
    { config: read, schema: { tags, params: territoryParams, response: { 200: mentorListSchema } } },
    async (request) => ({
      items: await service.mentors(request.params.territoryId),
    }),
  );
  app.get(
    `${base}/mentor-candidates`,
    { config: manage, schema: { tags, params: territoryParams, response: { 200: mentorCandidatesSchema } } },
    async (request) => ({ items: await service.mentorCandidates(request.params.territoryId) }),
  );
  app.post(
    `${base}/mentors`,
    { config: manage, schema: { tags, params: territoryParams, body: offerMentorBody, response: { 201: mentorSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.offerMentor(contextOf(request), request.params.territoryId, request.body)),
  );
  app.patch(
    `${base}/mentors/:mentorId`,
    { config: manage, schema: { tags, params: mentorParams, body: updateMentorBody, response: { 200: mentorSchema } } },
    async (request) => service.updateMentor(contextOf(request), request.params.territoryId, request.params.mentorId, request.body),
  );
  app.get(
    `${base}/suggestions`,
    { config: manage, schema: { tags, params: territoryParams, querystring: suggestionsQuery, response: { 200: suggestionsSchema } } },
    async (request) => service.suggestions(request.params.territoryId, request.query.organizationId),
  );

  app.get(
    `${base}/pairings`,
    { config: read, schema: { tags, params: territoryParams, querystring: pairingsQuery, response: { 200: pairingListSchema } } },
    async (request) => ({ items: await service.pairings(request.params.territoryId, request.query) }),
  );
  app.post(
    `${base}/pairings`,
    { config: manage, schema: { tags, params: territoryParams, body: createPairingBody, response: { 201: pairingSchema } } },
    async (request, reply) => reply.status(201).send(await service.pair(contextOf(request), request.params.territoryId, request.body)),
  );
  app.get(plan, { config: party, schema: { tags, params: pairingParams, response: { 200: planSchema } } }, async (request) =>
    plans.get(request.actor, request.params.territoryId, request.params.pairingId),
  );
  app.post(
    `${plan}/end`,
    { config: party, schema: { tags, params: pairingParams, body: endPairingBody, response: { 200: pairingSchema } } },
    async (request) => {
      await plans.mayEnd(request.actor, request.params.territoryId, request.params.pairingId);
      return service.end(contextOf(request), request.params.pairingId, request.body);
    },
  );

  app.post(
    `${plan}/goals`,
    { config: party, schema: { tags, params: pairingParams, body: goalBody, response: { 201: goalSchema } } },
    async (request, reply) =>
      reply.status(201).send(await plans.addGoal(contextOf(request), request.params.territoryId, request.params.pairingId, request.body)),
  );
  app.patch(
    `${plan}/goals/:goalId`,
    { config: party, schema: { tags, params: goalParams, body: goalPatch, response: { 200: goalSchema } } },
    async (request) => {
      const { territoryId, pairingId, goalId } = request.params;
      return plans.updateGoal(contextOf(request), territoryId, pairingId, goalId, request.body);
    },
  );
  app.post(
    `${plan}/sessions`,
    { config: party, schema: { tags, params: pairingParams, body: sessionBody, response: { 201: sessionSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.addSession(contextOf(request), request.params.territoryId, request.params.pairingId, request.body)),
  );
  app.patch(
    `${plan}/sessions/:sessionId`,
    { config: party, schema: { tags, params: sessionParams, body: sessionPatch, response: { 200: sessionSchema } } },
    async (request) => {
      const { territoryId, pairingId, sessionId } = request.params;
      return plans.updateSession(contextOf(request), territoryId, pairingId, sessionId, request.body);
    },
  );

  app.get(
    '/api/orgs/:orgId/mentoring',
    { config: { access: access.org('org.manage') }, schema: { tags, params: menteeParams, response: { 200: planListSchema } } },
    async (request) => ({ items: await plans.forMentee(request.params.orgId) }),
  );
  app.get('/api/mentoring/mine', { config: party, schema: { tags, response: { 200: planListSchema } } }, async (request) => {
    if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
    return { items: await plans.forMentor(request.actor) };
  });
}
