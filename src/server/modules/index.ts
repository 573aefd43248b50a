import type { FastifyInstance } from 'fastify';
import { auditLogModule } from '../platform/audit-log/routes.js';
import { authModule } from '../platform/auth/routes.js';
import type { Sessions } from '../platform/auth/sessions.js';
import type { AppDeps } from '../platform/context.js';
import { actionsModule } from './actions/routes.js';
import { exercisesModule } from './exercises/exercises-routes.js';
import { directoryImportModule } from './identity/import/routes.js';
import { identityModule } from './identity/routes.js';
import { learningModule } from './learning/routes.js';
import { maturityModule } from './maturity/routes.js';
import { phishingModule } from './phishing/routes.js';
import { suppliersModule } from './suppliers/routes.js';
import { territoryModule } from './territory/routes.js';

export interface ModuleDeps extends AppDeps {
  sessions: Sessions;
}

/** A module registers its routes (each with an access rule) and its jobs here. */
export interface RempartModule {
  name: string;
  register(app: FastifyInstance, deps: ModuleDeps): Promise<void> | void;
}

export const modules: RempartModule[] = [
  authModule,
  auditLogModule,
  identityModule,
  directoryImportModule,
  learningModule,
  phishingModule,
  suppliersModule,
  actionsModule,
  maturityModule,
  territoryModule,
  exercisesModule,
];
