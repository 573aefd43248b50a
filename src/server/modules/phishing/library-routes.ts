import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { groupRoutes } from './groups-routes.js';
import { GroupsService } from './groups-service.js';
import { importBody, importResultSchema } from './import-schema.js';
import { ImportService } from './import-service.js';
import { LandingService } from './landing-service.js';
import { libraryItemRoutes } from './library-item-routes.js';
import { MandatesService } from './library-mandates-service.js';
import {
  landingBody,
  landingPageSchema,
  landingPreviewBody,
  landingPreviewSchema,
  landingQuery,
  landingSchema,
  orgParams,
  templateBody,
  templatePageSchema,
  templatePreviewBody,
  templatePreviewSchema,
  templateSchema,
  templatesQuery,
} from './library-schema.js';
import { mandateParams, orgMandateListSchema, orgMandateSchema, settingsBody, settingsSchema } from './library-settings-schema.js';
import { profileRoutes } from './profiles-routes.js';
import { ProfilesService } from './profiles-service.js';
import { SettingsService } from './settings-service.js';
import { TemplatesService } from './templates-service.js';

const rule = { access: access.org('phishing.manage') };

/**
 * The phishing library of an organization (docs/api-phishing.md, "Library"): templates, landing
 * pages, sending profiles, groups, then here its settings, the mandates it gives to territories
 * and the import from the open tool's exports. A territory has its own sending profiles and reads
 * the catalogue's templates and landing pages, for the campaigns it runs for its members.
 */
export function phishingLibraryRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const templates = new TemplatesService(deps);
  const landing = new LandingService(deps);
  libraryItemRoutes(fastify, templates, {
    path: 'templates',
    tags: ['phishing: templates'],
    query: templatesQuery,
    page: templatePageSchema,
    item: templateSchema,
    body: templateBody,
    previewBody: templatePreviewBody,
    preview: templatePreviewSchema,
  });
  libraryItemRoutes(fastify, landing, {
    path: 'landing-pages',
    tags: ['phishing: landing pages'],
    query: landingQuery,
    page: landingPageSchema,
    item: landingSchema,
    body: landingBody,
    previewBody: landingPreviewBody,
    preview: landingPreviewSchema,
  });
  profileRoutes(fastify, deps);
  groupRoutes(fastify, deps);

  const settings = new SettingsService(deps);
  app.get(
    '/api/orgs/:orgId/phishing/settings',
    { config: rule, schema: { tags: ['phishing: settings'], params: orgParams, response: { 200: settingsSchema } } },
    async (request) => settings.get(request.params.orgId),
  );
  app.put(
    '/api/orgs/:orgId/phishing/settings',
    { config: rule, schema: { tags: ['phishing: settings'], params: orgParams, body: settingsBody, response: { 200: settingsSchema } } },
    async (request) => settings.update(contextOf(request), request.params.orgId, request.body),
  );

  const mandates = new MandatesService(deps);
  const mandateTags = ['phishing: mandates'];
  app.get(
    '/api/orgs/:orgId/phishing/mandates',
    { config: rule, schema: { tags: mandateTags, params: orgParams, response: { 200: orgMandateListSchema } } },
    async (request) => mandates.list(request.params.orgId),
  );
  app.put(
    '/api/orgs/:orgId/phishing/mandates/:territoryId',
    { config: rule, schema: { tags: mandateTags, params: mandateParams, response: { 200: orgMandateSchema } } },
    async (request) => mandates.grant(contextOf(request), request.params.orgId, request.params.territoryId),
  );
  app.delete(
    '/api/orgs/:orgId/phishing/mandates/:territoryId',
    { config: rule, schema: { tags: mandateTags, params: mandateParams } },
    async (request, reply) => {
      await mandates.revoke(contextOf(request), request.params.orgId, request.params.territoryId);
      return reply.status(204).send();
    },
  );

  const importer = new ImportService(deps, { templates, landing, groups: new GroupsService(deps), profiles: new ProfilesService(deps) });
  app.post(
    '/api/orgs/:orgId/phishing/import',
    {
      config: rule,
      // Exports carry whole HTML pages with inline images.
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags: ['phishing: import'], params: orgParams, body: importBody, response: { 200: importResultSchema } },
    },
    async (request) => importer.run(contextOf(request), request.params.orgId, request.body),
  );
}
