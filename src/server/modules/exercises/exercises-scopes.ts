import type { FastifyRequest } from 'fastify';
import { access } from '../../platform/access/rules.js';
import type { ExerciseScope } from './exercises-repo.js';
import { orgParams, territoryParams } from './exercises-schema.js';

/** One set of routes per owner: an establishment, or a territory with a cell per member. */
export const exerciseScopes = [
  {
    base: '/api/orgs/:orgId/exercises',
    params: orgParams,
    manage: { access: access.org('exercises.manage') },
    observe: { access: access.org('exercises.observe') },
    scopeOf: (p: { orgId?: string | undefined }): ExerciseScope => ({ kind: 'organization', id: p.orgId ?? '' }),
  },
  {
    base: '/api/territories/:territoryId/exercises',
    params: territoryParams,
    manage: { access: access.territory('exercises.manage') },
    observe: { access: access.territory('exercises.observe') },
    scopeOf: (p: { territoryId?: string | undefined }): ExerciseScope => ({ kind: 'territory', id: p.territoryId ?? '' }),
  },
] as const;

export type ScopeRoutes = (typeof exerciseScopes)[number];
export const scopeFrom = (s: ScopeRoutes, request: FastifyRequest) => s.scopeOf(request.params as { orgId?: string; territoryId?: string });
