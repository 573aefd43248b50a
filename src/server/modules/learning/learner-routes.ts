import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { AnswerService } from './learner-answers.js';
import { ReviewService } from './learner-reviews.js';
import {
  alertBannerSchema,
  alertParams,
  answerBody,
  answerResultSchema,
  assignmentParams,
  attemptParams,
  finishResultSchema,
  learnerHomeSchema,
  patchAttemptBody,
  playerStateSchema,
  reviewAnswerBody,
  reviewAnswerResultSchema,
  reviewsSchema,
} from './learner-schema.js';
import { LearnerService } from './learner-service.js';

const tags = ['learning: learner'];

/**
 * The learner's own space (/api/learning/me…): any signed-in account linked to a person. The
 * service scopes every read to the actor's person: someone else's assignment is "not found".
 */
export function learnerRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const learner = new LearnerService(deps);
  const answers = new AnswerService(deps, learner);
  const reviews = new ReviewService(deps, learner);
  const signedIn = { access: access.signedIn() };

  app.get('/api/learning/me', { config: signedIn, schema: { tags, response: { 200: learnerHomeSchema } } }, async (request) =>
    learner.home(contextOf(request)),
  );

  app.get(
    '/api/learning/me/assignments/:assignmentId',
    { config: signedIn, schema: { tags, params: assignmentParams, response: { 200: playerStateSchema } } },
    async (request) => learner.player(contextOf(request), request.params.assignmentId),
  );

  app.post(
    '/api/learning/me/assignments/:assignmentId/attempts',
    { config: signedIn, schema: { tags, params: assignmentParams, response: { 200: playerStateSchema } } },
    async (request) => learner.start(contextOf(request), request.params.assignmentId),
  );

  app.patch(
    '/api/learning/me/attempts/:attemptId',
    { config: signedIn, schema: { tags, params: attemptParams, body: patchAttemptBody, response: { 200: playerStateSchema } } },
    async (request) => learner.move(contextOf(request), request.params.attemptId, request.body),
  );

  app.post(
    '/api/learning/me/attempts/:attemptId/answers',
    { config: signedIn, schema: { tags, params: attemptParams, body: answerBody, response: { 200: answerResultSchema } } },
    async (request) => answers.answer(contextOf(request), request.params.attemptId, request.body),
  );

  app.post(
    '/api/learning/me/attempts/:attemptId/finish',
    { config: signedIn, schema: { tags, params: attemptParams, response: { 200: finishResultSchema } } },
    async (request) => answers.finish(contextOf(request), request.params.attemptId),
  );

  app.get(
    '/api/learning/me/assignments/:assignmentId/certificate.pdf',
    { config: signedIn, schema: { tags, params: assignmentParams } },
    async (request, reply) => {
      const { pdf, filename } = await learner.certificate(contextOf(request), request.params.assignmentId);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(pdf);
    },
  );

  app.get('/api/learning/me/reviews', { config: signedIn, schema: { tags, response: { 200: reviewsSchema } } }, async (request) =>
    reviews.reviews(contextOf(request)),
  );

  app.post(
    '/api/learning/me/reviews/answers',
    { config: signedIn, schema: { tags, body: reviewAnswerBody, response: { 200: reviewAnswerResultSchema } } },
    async (request) => reviews.answerReview(contextOf(request), request.body),
  );

  app.get(
    '/api/learning/me/alerts',
    { config: signedIn, schema: { tags, response: { 200: z.array(alertBannerSchema) } } },
    async (request) => learner.alerts(contextOf(request)),
  );

  app.post(
    '/api/learning/me/alerts/:alertId/ack',
    { config: signedIn, schema: { tags, params: alertParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await learner.acknowledge(contextOf(request), request.params.alertId);
      return reply.status(204).send(null);
    },
  );
}
