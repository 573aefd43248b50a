import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../index.js';

/** Routes and jobs of this part of the provider chain (docs/api-suppliers.md). */
export function supplierGridRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
