import type { RempartModule } from '../index.js';
import { answersFilesRoutes } from './answers-files-routes.js';
import { supplierAuditRoutes } from './audits-routes.js';
import { supplierGridRoutes } from './grids-routes.js';
import { supplierPortalRoutes } from './portal-routes.js';
import { supplierRegisterRoutes } from './register-routes.js';
import { supplierReviewRoutes } from './review-routes.js';

/**
 * Provider chain (docs/api-suppliers.md): the register of providers and their contracts with audit
 * clauses, the audit grids, audits run with the provider online (its contacts' portal), the review
 * with findings and remediation, costs and the risk dashboard.
 */
export const suppliersModule: RempartModule = {
  name: 'suppliers',
  async register(app, deps) {
    await supplierGridRoutes(app, deps);
    await supplierRegisterRoutes(app, deps);
    await supplierAuditRoutes(app, deps);
    await supplierPortalRoutes(app, deps);
    await answersFilesRoutes(app, deps);
    await supplierReviewRoutes(app, deps);
  },
};
