import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AccessRule, access } from '../../platform/access/rules.js';
import type { Tenant } from './campaign-repo.js';
import { id, orgItemParams, orgParams } from './library-schema.js';

/** Who a library request is for: an organization (its own items and the catalogue) or a territory. */
export type LibraryTenant = Tenant;

export const territoryParams = z.object({ territoryId: id });
export const territoryItemParams = z.object({ territoryId: id, id });

/**
 * The two places the library is served from, like campaigns (campaign-routes.ts): an
 * organization's (/api/orgs/:orgId/phishing) and a territory's, whose coordinators run campaigns
 * for the members that gave a mandate (/api/territories/:territoryId/phishing).
 */
export interface LibraryScope {
  kind: LibraryTenant['kind'];
  prefix: string;
  rule: AccessRule;
  params: typeof orgParams | typeof territoryParams;
  itemParams: typeof orgItemParams | typeof territoryItemParams;
  tenantOf: (request: FastifyRequest) => LibraryTenant;
}

const paramsOf = (request: FastifyRequest) => request.params as { orgId?: string; territoryId?: string };

export const orgScope: LibraryScope = {
  kind: 'organization',
  prefix: '/api/orgs/:orgId/phishing',
  rule: access.org('phishing.manage'),
  params: orgParams,
  itemParams: orgItemParams,
  tenantOf: (request) => ({ kind: 'organization', id: paramsOf(request).orgId ?? '' }),
};

export const territoryScope: LibraryScope = {
  kind: 'territory',
  prefix: '/api/territories/:territoryId/phishing',
  rule: access.territory('phishing.manage'),
  params: territoryParams,
  itemParams: territoryItemParams,
  tenantOf: (request) => ({ kind: 'territory', id: paramsOf(request).territoryId ?? '' }),
};

export const orgTenant = (organizationId: string): LibraryTenant => ({ kind: 'organization', id: organizationId });

/** The owner columns of the audit entry of a change made for a tenant. */
export const auditOwner = (tenant: LibraryTenant) =>
  tenant.kind === 'organization' ? { organizationId: tenant.id } : { organizationId: null, territoryId: tenant.id };
