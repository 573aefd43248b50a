import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import type { ModuleDeps, RempartModule } from '../index.js';
import { chronogramRoutes } from './chronogram-routes.js';
import { debriefRoutes } from './debrief-routes.js';
import {
  addParticipantBody,
  cellChoice,
  cellParams,
  createExerciseBody,
  exerciseDetailSchema,
  exercisePageSchema,
  exerciseParams,
  exercisesQuery,
  myExercisesSchema,
  participantParams,
  playerCellParams,
  playerStimuliSchema,
  scenarioListSchema,
  updateExerciseBody,
} from './exercises-schema.js';
import { exerciseScopes, scopeFrom } from './exercises-scopes.js';
import { ExercisesService } from './exercises-service.js';
import { registerPlay } from './play-routes.js';
import { PlayersService } from './players-service.js';
import { prepLookupRoutes } from './prep-lookups-routes.js';
import { scenarioSummaries } from './scenario-library.js';

const tags = ['exercises'];

function accountOf(request: FastifyRequest): string {
  if (!request.actor) throw new Unauthenticated('unauthenticated', { fr: 'Connectez-vous.', en: 'Please sign in.' });
  return request.actor.accountId;
}

/** Exercise preparation: scenarios, exercises, cells, participants (docs/api-exercises.md). */
async function exerciseRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const service = new ExercisesService(deps);
  const players = new PlayersService(deps);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/exercises/scenarios',
    { config: { access: access.signedIn() }, schema: { tags, response: { 200: scenarioListSchema } } },
    async () => scenarioSummaries(),
  );
  app.get(
    '/api/me/exercises',
    { config: { access: access.signedIn() }, schema: { tags, response: { 200: myExercisesSchema } } },
    async (request) => players.mine(accountOf(request)),
  );
  app.get(
    '/api/me/exercises/:exerciseId/cells/:cellId/stimuli',
    { config: { access: access.signedIn() }, schema: { tags, params: playerCellParams, response: { 200: playerStimuliSchema } } },
    async (request) => players.cellStimuli(accountOf(request), request.params.exerciseId, request.params.cellId),
  );

  for (const s of exerciseScopes) {
    const one = `${s.base}/:exerciseId`;
    const config = s.manage;
    const detail = { 200: exerciseDetailSchema };
    app.get(
      s.base,
      { config: s.observe, schema: { tags, params: s.params, querystring: exercisesQuery, response: { 200: exercisePageSchema } } },
      async (request) => service.list(scopeFrom(s, request), request.query),
    );
    app.post(
      s.base,
      { config, schema: { tags, params: s.params, body: createExerciseBody, response: { 201: exerciseDetailSchema } } },
      async (request, reply) => reply.status(201).send(await service.create(contextOf(request), scopeFrom(s, request), request.body)),
    );
    app.get(one, { config: s.observe, schema: { tags, params: exerciseParams, response: detail } }, async (request) =>
      service.get(scopeFrom(s, request), request.params.exerciseId),
    );
    app.patch(one, { config, schema: { tags, params: exerciseParams, body: updateExerciseBody, response: detail } }, async (request) =>
      service.update(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.body),
    );
    app.delete(one, { config, schema: { tags, params: exerciseParams, response: { 204: z.null() } } }, async (request, reply) => {
      await service.remove(contextOf(request), scopeFrom(s, request), request.params.exerciseId);
      return reply.status(204).send(null);
    });
    app.post(
      `${one}/cells`,
      { config, schema: { tags, params: exerciseParams, body: cellChoice, response: { 201: exerciseDetailSchema } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.cells.addCell(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.body)),
    );
    app.delete(`${one}/cells/:cellId`, { config, schema: { tags, params: cellParams, response: detail } }, async (request) =>
      service.cells.removeCell(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.params.cellId),
    );
    app.post(
      `${one}/participants`,
      { config, schema: { tags, params: exerciseParams, body: addParticipantBody, response: { 201: exerciseDetailSchema } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.cells.addParticipant(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.body)),
    );
    app.delete(
      `${one}/participants/:participantId`,
      { config, schema: { tags, params: participantParams, response: detail } },
      async (request) =>
        service.cells.removeParticipant(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.params.participantId),
    );
    await fastify.register(async (scope) => chronogramRoutes(scope, deps, service, s));
  }
  await registerPlay(fastify, deps);
  await debriefRoutes(fastify, deps);
  prepLookupRoutes(fastify, deps);
}

export const exercisesModule: RempartModule = { name: 'exercises', register: exerciseRoutes };
