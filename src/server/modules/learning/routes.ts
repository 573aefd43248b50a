import type { RempartModule } from '../index.js';
import { learningAdminRoutes } from './admin-routes.js';
import { syncCatalogue } from './catalogue-sync.js';
import { learnerRoutes } from './learner-routes.js';
import { learningMetricsRoutes } from './metrics-routes.js';
import { learningPublicRoutes } from './public-routes.js';

/** Micro-learning: catalogue, curricula and rules, the learner's player, flash alerts, metrics, patient page. */
export const learningModule: RempartModule = {
  name: 'learning',
  async register(app, deps) {
    await syncCatalogue(deps.db, deps.config.LEARNING_CONTENT_DIR, deps.clock.now().toISOString());
    learnerRoutes(app, deps);
    learningAdminRoutes(app, deps);
    learningMetricsRoutes(app, deps);
    learningPublicRoutes(app, deps);
  },
};
