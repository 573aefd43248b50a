import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { schedulerOf } from '../../platform/jobs/scheduler.js';
import type { ModuleDeps } from '../index.js';
import { jobRunSchema, orgParams } from './admin-schema.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { curriculaRoutes } from './curricula-routes.js';
import { flashAlertRoutes } from './flash-alert-routes.js';
import { FlashAlertsService } from './flash-alerts-service.js';
import { LEARNING_JOBS, registerLearningJobs } from './learning-jobs.js';

/**
 * Administration of learning (organization admins, territory coordinators) and the periodic
 * jobs: enrolment sweep, reminders, escalation to managers, flash alert emails.
 */
export function learningAdminRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const jobs = schedulerOf(fastify, deps);
  registerLearningJobs(jobs, deps);
  // The request that publishes an alert does not wait for the emails; they leave within seconds.
  const alerts = new FlashAlertsService(deps, () => void jobs.runOnce(LEARNING_JOBS.flashMail));

  catalogueRoutes(fastify, deps);
  curriculaRoutes(fastify, deps);
  flashAlertRoutes(fastify, deps, alerts);

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/orgs/:orgId/learning/jobs',
    {
      config: { access: access.org('org.manage') },
      schema: { tags: ['learning: administration'], params: orgParams, response: { 200: z.array(jobRunSchema) } },
    },
    async () => (await jobs.lastRuns()).filter((j) => j.name.startsWith('learning.')),
  );
}
