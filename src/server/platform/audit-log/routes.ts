import type { RempartModule } from '../../modules/index.js';

/** Audit log viewer routes (filters, CSV export). */
export const auditLogModule: RempartModule = {
  name: 'audit-log',
  register() {},
};
