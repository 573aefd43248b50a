import type { RempartModule } from '../index.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { libraryRoutes } from './library-routes.js';
import { mentoringRoutes } from './mentoring-routes.js';
import { sharingRoutes } from './sharing-routes.js';

/** Lead establishments and their territories: members' consent to share, mentoring, shared library. */
export const territoryModule: RempartModule = {
  name: 'territory',
  register(app, deps) {
    sharingRoutes(app, deps);
    mentoringRoutes(app, deps);
    libraryRoutes(app, deps);
    dashboardRoutes(app, deps);
  },
};
