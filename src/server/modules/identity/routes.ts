import type { RempartModule } from '../index.js';
import { accountRoutes } from './accounts-routes.js';
import { homeRoutes } from './home-routes.js';
import { organizationRoutes } from './organizations-routes.js';
import { peopleRoutes } from './people-routes.js';
import { territoryRoutes } from './territories-routes.js';

/** Organizations, territories, the staff directory, accounts and roles, and the home page. */
export const identityModule: RempartModule = {
  name: 'identity',
  register(app, deps) {
    homeRoutes(app, deps);
    organizationRoutes(app, deps);
    territoryRoutes(app, deps);
    peopleRoutes(app, deps);
    accountRoutes(app, deps);
  },
};
