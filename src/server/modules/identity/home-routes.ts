import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { AppDeps } from '../../platform/context.js';
import { HomeService } from './home-service.js';
import { actorOf } from './organizations-routes.js';
import { homeSchema } from './schema.js';

export function homeRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new HomeService(deps);
  app.get(
    '/api/home',
    { config: { access: access.signedIn() }, schema: { tags: ['identity: home'], response: { 200: homeSchema } } },
    async (request) => service.cards(actorOf(request)),
  );
}
