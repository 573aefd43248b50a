import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchKey } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { access } from '../../platform/access/rules.js';
import type { AppDeps } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { exerciseParams } from './exercises-schema.js';
import { exerciseScopes, scopeFrom } from './exercises-scopes.js';
import { ExercisesService } from './exercises-service.js';
import { scenarioSchema } from './scenario-format.js';
import { scenarioById } from './scenario-library.js';

const tags = ['exercises'];
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
const candidatesQuery = z.object({ organizationId: idString, q: z.string().trim().max(100).optional() });
const candidatesSchema = z.object({
  items: z.array(z.object({ accountId: z.string(), name: z.string(), email: z.string(), job: z.string().nullable() })),
});

/**
 * Two lookups the preparation pages need: a whole scenario of the library (objectives, cells,
 * chronogram) to preview it before choosing, and the accounts an animator may place in a cell.
 */
export function prepLookupRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ExercisesService(deps);

  app.get(
    '/api/exercises/scenarios/:scenarioId',
    {
      config: { access: access.signedIn() },
      schema: { tags, params: z.object({ scenarioId: idString }), response: { 200: scenarioSchema } },
    },
    async (request) => {
      const scenario = scenarioById(request.params.scenarioId);
      if (!scenario) throw new NotFound('scenario');
      return scenario;
    },
  );

  for (const s of exerciseScopes) {
    app.get(
      `${s.base}/:exerciseId/candidates`,
      { config: s.manage, schema: { tags, params: exerciseParams, querystring: candidatesQuery, response: { 200: candidatesSchema } } },
      async (request) => {
        // The exercise must be this scope's (404 otherwise), and the organization one of its cells'.
        const exercise = await service.get(scopeFrom(s, request), request.params.exerciseId);
        const orgs = new Set([
          ...(exercise.organizationId ? [exercise.organizationId] : []),
          ...exercise.cells.map((c) => c.organizationId),
        ]);
        if (!orgs.has(request.query.organizationId)) {
          throw new Invalid(
            'organization_not_in_exercise',
            { fr: 'Cet établissement ne joue pas dans cet exercice.', en: 'This organization does not play in this exercise.' },
            'organizationId',
          );
        }
        return { items: await accountsOf(deps.db, request.query.organizationId, request.query.q ?? '') };
      },
    );
  }
}

/**
 * Active accounts of an organization, whether it is their person's employer or they hold a role
 * there: players are mostly staff without any admin role.
 */
async function accountsOf(db: Db, organizationId: string, q: string) {
  const fold = searchKey(q);
  const byPerson = db
    .selectFrom('accounts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id as account_id', 'a.display_name', 'a.email', 'p.job_title as job'])
    .where('a.active', '=', 1)
    .where('p.organization_id', '=', organizationId);
  const byGrant = db
    .selectFrom('accounts as a')
    .innerJoin('role_grants as g', 'g.account_id', 'a.id')
    .select(['a.id as account_id', 'a.display_name', 'a.email', (eb) => eb.val<string | null>(null).as('job')])
    .where('a.active', '=', 1)
    .where('g.scope_kind', '=', 'organization')
    .where('g.scope_id', '=', organizationId);
  const rows = await byPerson.union(byGrant).execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => fold === '' || searchKey(r.display_name, r.email).includes(fold))
    .sort((x, y) => x.display_name.localeCompare(y.display_name, 'fr') || x.account_id.localeCompare(y.account_id))
    .filter((r) => !seen.has(r.account_id) && seen.add(r.account_id))
    .slice(0, 50)
    .map((r) => ({ accountId: r.account_id, name: r.display_name, email: r.email, job: r.job ?? null }));
}
