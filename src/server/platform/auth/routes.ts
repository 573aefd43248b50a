import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps, RempartModule } from '../../modules/index.js';
import { access } from '../access/rules.js';
import { SESSION_COOKIE } from './sessions.js';

const meSchema = z.object({
  signedIn: z.boolean(),
  account: z
    .object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      locale: z.enum(['fr', 'en']),
      personId: z.string().nullable(),
      personOrganizationId: z.string().nullable(),
      mfaVerified: z.boolean(),
      mfaEnrolmentRequired: z.boolean(),
      grants: z.array(z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string() })),
    })
    .nullable(),
});

export const authModule: RempartModule = {
  name: 'auth',
  register(app: FastifyInstance, deps: ModuleDeps) {
    app.get(
      '/api/me',
      {
        config: { access: access.public('tells the web shell whether someone is signed in') },
        schema: { tags: ['auth'], response: { 200: meSchema } },
      },
      async (request) => {
        const a = request.actor;
        if (!a) return { signedIn: false, account: null };
        return {
          signedIn: true,
          account: {
            id: a.accountId,
            email: a.email,
            displayName: a.displayName,
            locale: a.locale,
            personId: a.personId,
            personOrganizationId: a.personOrganizationId,
            mfaVerified: a.mfaVerified,
            mfaEnrolmentRequired: a.mfaEnrolmentRequired,
            grants: a.grants,
          },
        };
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: access.signedIn() }, schema: { tags: ['auth'], response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.actor) await deps.sessions.revoke(request.actor.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  },
};
