import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { schedulerOf } from '../../platform/jobs/scheduler.js';
import type { ModuleDeps } from '../index.js';
import { declarationSteps } from './incidents-declaration.js';
import { declarationPdf } from './incidents-pdf.js';
import { listIncidents } from './incidents-register.js';
import { INCIDENT_DEADLINES_JOB, sendIncidentReminders } from './incidents-reminders.js';
import { IncidentsService } from './incidents-service.js';

const tags = ['exercises'];
const NUL = String.fromCharCode(0);
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');

const orgParams = z.object({ orgId: idString });
const incidentParams = orgParams.extend({ exerciseId: idString });
const openBody = z
  .object({ title: text(200).pipe(z.string().min(1)), startedAt: instant.optional(), detectedAt: instant.optional() })
  .strict();
const updateBody = z
  .object({
    detectedAt: instant.optional(),
    content: z.record(z.string().max(40), text(4_000)).optional(),
    sent: z.partialRecord(z.enum(declarationSteps), instant.nullable()).optional(),
  })
  .strict();

const registerQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const bilingual = z.object({ fr: z.string(), en: z.string() });
const declarationSchema = z.object({
  exerciseId: z.string(),
  title: z.string(),
  status: z.string(),
  startedAt: z.string().nullable(),
  detectedAt: z.string(),
  checklist: z.array(z.object({ key: z.string(), step: z.enum(declarationSteps), label: bilingual, hint: bilingual, value: z.string() })),
  clocks: z.array(
    z.object({
      step: z.enum(declarationSteps),
      dueAt: z.string(),
      state: z.enum(['sent', 'due', 'overdue']),
      dueInMinutes: z.number().nullable(),
      sentAt: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});
const registerSchema = z.object({
  items: z.array(
    z.object({
      exerciseId: z.string(),
      title: z.string(),
      status: z.string(),
      detectedAt: z.string(),
      nextDeadline: declarationSchema.shape.clocks.element.nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Real incidents and the declaration helper (docs/api-exercises.md, "Real incidents"). */
export async function incidentRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const service = new IncidentsService(deps);
  schedulerOf(fastify, deps).register(INCIDENT_DEADLINES_JOB, async () => {
    await sendIncidentReminders(deps);
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/incidents';
  const manage = { access: access.org('exercises.manage') };
  const observe = { access: access.org('exercises.observe') };

  app.get(
    base,
    { config: observe, schema: { tags, params: orgParams, querystring: registerQuery, response: { 200: registerSchema } } },
    async (request) => listIncidents(deps, request.params.orgId, request.query),
  );
  app.post(
    base,
    {
      config: manage,
      schema: { tags, params: orgParams, body: openBody, response: { 201: declarationSchema.extend({ cellId: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send(await service.open(contextOf(request), request.params.orgId, request.body)),
  );
  app.get(
    `${base}/:exerciseId/declaration`,
    { config: observe, schema: { tags, params: incidentParams, response: { 200: declarationSchema } } },
    async (request) => service.declaration(request.params.orgId, request.params.exerciseId),
  );
  app.patch(
    `${base}/:exerciseId/declaration`,
    { config: manage, schema: { tags, params: incidentParams, body: updateBody, response: { 200: declarationSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.exerciseId, request.body),
  );
  app.get(`${base}/:exerciseId/declaration.pdf`, { config: observe, schema: { tags, params: incidentParams } }, async (request, reply) => {
    const d = await service.declaration(request.params.orgId, request.params.exerciseId);
    const pdf = await declarationPdf(d, request.locale, deps.clock.now());
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="${request.locale === 'en' ? 'declaration' : 'declaration-incident'}-${d.detectedAt.slice(0, 10)}.pdf"`,
      )
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
