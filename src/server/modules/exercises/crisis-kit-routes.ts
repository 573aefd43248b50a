import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { crisisKitPdf } from './crisis-kit-pdf.js';
import { CrisisKitService } from './crisis-kit-service.js';

const tags = ['exercises'];
const NUL = String.fromCharCode(0);
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');

const orgParams = z.object({ orgId: idString });
const territoryParams = z.object({ territoryId: idString });
const saveBody = z
  .object({
    roster: z
      .array(z.object({ name: text(200).pipe(z.string().min(1)), function: text(200), phone: text(40) }).strict())
      .max(60)
      .optional(),
    contacts: z
      .object({ lead: text(1_000).optional(), ars: text(1_000).optional(), certSante: text(1_000).optional() })
      .strict()
      .optional(),
  })
  .strict();
const statusSchema = z.object({ organizationId: z.string(), kitGeneratedAt: z.string().nullable(), stale: z.boolean() });
const kitSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  roster: z.array(z.object({ name: z.string(), function: z.string(), phone: z.string() })),
  rosterFromDirectory: z.boolean(),
  contacts: z.object({ lead: z.string(), ars: z.string(), certSante: z.string() }),
  providers: z.array(
    z.object({
      name: z.string(),
      services: z.string(),
      contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string().nullable() })),
    }),
  ),
  sheets: z.array(z.object({ id: z.string(), title: z.object({ fr: z.string(), en: z.string() }) })),
  kitGeneratedAt: z.string().nullable(),
  stale: z.boolean(),
});

/** The crisis kit page, its one-click PDF and the dashboards' "kit older than three months" flag. */
export async function crisisKitRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const service = new CrisisKitService(deps);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/crisis-kit';
  const manage = { access: access.org('exercises.manage') };
  const observe = { access: access.org('exercises.observe') };

  app.get(base, { config: observe, schema: { tags, params: orgParams, response: { 200: kitSchema } } }, async (request) =>
    service.get(request.params.orgId),
  );
  app.put(base, { config: manage, schema: { tags, params: orgParams, body: saveBody, response: { 200: kitSchema } } }, async (request) =>
    service.save(contextOf(request), request.params.orgId, request.body),
  );
  // A POST: printing the kit is what dates it for the dashboards.
  app.post(`${base}/pdf`, { config: manage, schema: { tags, params: orgParams } }, async (request, reply) => {
    const { kit, sheets } = await service.generate(contextOf(request), request.params.orgId, request.locale);
    const pdf = await crisisKitPdf(kit, sheets, request.locale, deps.clock.now());
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="${request.locale === 'en' ? 'crisis-kit' : 'kit-de-crise'}-${(kit.kitGeneratedAt ?? '').slice(0, 10)}.pdf"`,
      )
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  app.get(`${base}/status`, { config: observe, schema: { tags, params: orgParams, response: { 200: statusSchema } } }, async (request) => {
    const [one] = await service.status([request.params.orgId]);
    return one ?? { organizationId: request.params.orgId, kitGeneratedAt: null, stale: true };
  });
  // Territory dashboards: the members that share their data.
  app.get(
    '/api/territories/:territoryId/crisis-kits',
    {
      config: { access: access.territory('exercises.observe') },
      schema: { tags, params: territoryParams, response: { 200: z.array(statusSchema) } },
    },
    async (request) => {
      const members = await deps.db
        .selectFrom('territory_members')
        .select('organization_id')
        .where('territory_id', '=', request.params.territoryId)
        .where('shares_data', '=', 1)
        .orderBy('organization_id')
        .execute();
      return service.status(members.map((m) => m.organization_id));
    },
  );
}
