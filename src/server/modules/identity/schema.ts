import { z } from 'zod';
import { roles, scopeKinds } from '../../platform/access/roles.js';
import { organizationKinds, roleFamilies, territoryKinds } from './domain.js';

// Shared pieces --------------------------------------------------------------------------------

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

const id = text().trim().min(1).max(64);
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const optionalText = (max: number) => text().max(max).nullable().optional();
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const triState = z.enum(['true', 'false', 'all']);

export const orgParams = z.object({ orgId: id });
export const territoryParams = z.object({ territoryId: id });
export const memberParams = z.object({ territoryId: id, orgId: id });
export const personParams = z.object({ orgId: id, personId: id });
export const orgGrantParams = z.object({ orgId: id, grantId: id });
export const territoryGrantParams = z.object({ territoryId: id, grantId: id });
export const grantParams = z.object({ grantId: id });
export const accountParams = z.object({ accountId: id });

// Organizations --------------------------------------------------------------------------------

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(organizationKinds),
  siret: z.string().nullable(),
  city: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  peopleCount: z.number().int().optional().describe('active people in the directory'),
});
export type OrganizationDto = z.infer<typeof organizationSchema>;
export const organizationDetailSchema = organizationSchema.extend({
  territories: z
    .array(z.object({ id: z.string(), name: z.string(), kind: z.enum(territoryKinds), isLead: z.boolean() }))
    .describe('territories the organization belongs to'),
});
export type OrganizationDetailDto = z.infer<typeof organizationDetailSchema>;
export const organizationPageSchema = pageOf(organizationSchema);

export const organizationsQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  kind: z.enum(organizationKinds).optional(),
  archived: triState.default('all'),
  sort: z.enum(['name', '-name', 'city', '-city', 'createdAt', '-createdAt']).default('name'),
});
export type OrganizationsQuery = z.infer<typeof organizationsQuery>;

export const createOrganizationBody = z.object({
  name: text().trim().min(1).max(200),
  shortName: optionalText(60),
  kind: z.enum(organizationKinds),
  siret: optionalText(40).describe('14 digits with a valid check digit'),
  city: optionalText(120),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationBody>;

export const updateOrganizationBody = createOrganizationBody.partial().extend({
  archived: z.boolean().optional().describe('platform admins only'),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBody>;

// Territories ----------------------------------------------------------------------------------

export const territorySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(territoryKinds),
  region: z.string().nullable(),
  memberCount: z.number().int(),
  leadCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TerritoryDto = z.infer<typeof territorySchema>;
export const territoryPageSchema = pageOf(territorySchema);

export const territoryMemberSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  isLead: z.boolean(),
  sharesData: z.boolean(),
  joinedAt: z.string(),
});
export type TerritoryMemberDto = z.infer<typeof territoryMemberSchema>;
export const territoryDetailSchema = territorySchema.extend({ members: z.array(territoryMemberSchema) });
export type TerritoryDetailDto = z.infer<typeof territoryDetailSchema>;

export const territoriesQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  kind: z.enum(territoryKinds).optional(),
});
export type TerritoriesQuery = z.infer<typeof territoriesQuery>;

export const createTerritoryBody = z.object({
  name: text().trim().min(1).max(200),
  kind: z.enum(territoryKinds),
  region: optionalText(120),
});
export type CreateTerritoryInput = z.infer<typeof createTerritoryBody>;
export const updateTerritoryBody = createTerritoryBody.partial();
export type UpdateTerritoryInput = z.infer<typeof updateTerritoryBody>;

export const memberBody = z.object({
  isLead: z.boolean().optional().describe('a new member becomes lead when the territory has none'),
  sharesData: z.boolean().optional().describe("the member's agreement to share aggregates"),
});
export type MemberInput = z.infer<typeof memberBody>;

// People ---------------------------------------------------------------------------------------

export const personSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string().nullable(),
  roleFamily: z.enum(roleFamilies),
  service: z.string().nullable(),
  site: z.string().nullable(),
  isManager: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type PersonDto = z.infer<typeof personSchema>;
export const personPageSchema = pageOf(personSchema);

export const peopleSorts = [
  'lastName',
  '-lastName',
  'email',
  '-email',
  'service',
  '-service',
  'site',
  '-site',
  'roleFamily',
  '-roleFamily',
  'updatedAt',
  '-updatedAt',
] as const;
export type PeopleSort = (typeof peopleSorts)[number];

export const peopleFiltersQuery = z.object({
  q: text().trim().max(200).optional(),
  roleFamily: z.enum(roleFamilies).optional(),
  service: text().trim().min(1).max(200).optional(),
  site: text().trim().min(1).max(200).optional(),
  active: triState.default('true'),
  manager: z.enum(['true', 'false']).optional(),
  sort: z.enum(peopleSorts).default('lastName'),
});
export type PeopleFilters = z.infer<typeof peopleFiltersQuery>;
export const peopleQuery = peopleFiltersQuery.extend(pagingQuery.shape);

const facetSchema = z.object({ value: z.string(), count: z.number().int() });
export const facetsSchema = z.object({
  services: z.array(facetSchema).describe('active people per service'),
  sites: z.array(facetSchema).describe('active people per site'),
  total: z.number().int().describe('everyone in the directory, active or not'),
  active: z.number().int(),
});
export type FacetsDto = z.infer<typeof facetsSchema>;

export const createPersonBody = z.object({
  email: text().max(254),
  firstName: text().trim().max(100).default(''),
  lastName: text().trim().min(1).max(100),
  jobTitle: optionalText(200),
  roleFamily: z.enum(roleFamilies),
  service: optionalText(200),
  site: optionalText(200),
  isManager: z.boolean().default(false),
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  email: text().max(254).optional(),
  firstName: text().trim().max(100).optional(),
  lastName: text().trim().min(1).max(100).optional(),
  jobTitle: optionalText(200),
  roleFamily: z.enum(roleFamilies).optional(),
  service: optionalText(200),
  site: optionalText(200),
  isManager: z.boolean().optional(),
  active: z.boolean().optional().describe('false deactivates (never deletes); true reactivates'),
});
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

// Accounts and grants --------------------------------------------------------------------------

export const grantSchema = z.object({
  id: z.string(),
  role: z.enum(roles),
  scopeKind: z.enum(scopeKinds),
  scopeId: z.string(),
  scopeName: z.string().nullable(),
  grantedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GrantDto = z.infer<typeof grantSchema>;

export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantSchema).describe('on the organization or territory asked for; every grant on /api/platform/accounts'),
});
export type AccountDto = z.infer<typeof accountSchema>;
export const accountPageSchema = pageOf(accountSchema);

export const accountsQuery = pagingQuery.extend({ q: text().trim().max(200).optional() });
export type AccountsQuery = z.infer<typeof accountsQuery>;

const holder = {
  personId: id.optional(),
  email: text().max(254).optional(),
};
const oneHolder = (v: { personId?: string | undefined; email?: string | undefined }) =>
  (v.personId === undefined) !== (v.email === undefined);
const holderMessage = { message: 'give personId or email (one of them)', path: ['personId'] };

export const scopedGrantBody = z.object({ ...holder, role: z.enum(roles) }).refine(oneHolder, holderMessage);
export type ScopedGrantInput = z.infer<typeof scopedGrantBody>;

export const platformGrantBody = z
  .object({
    accountId: id.optional(),
    email: text().max(254).optional(),
    role: z.enum(roles),
    scopeKind: z.enum(scopeKinds),
    scopeId: text().max(64).default(''),
  })
  .refine((v) => (v.accountId === undefined) !== (v.email === undefined), {
    message: 'give accountId or email (one of them)',
    path: ['accountId'],
  });
export type PlatformGrantInput = z.infer<typeof platformGrantBody>;

export const grantCreatedSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  role: z.enum(roles),
  scopeKind: z.enum(scopeKinds),
  scopeId: z.string(),
  createdAt: z.string(),
  accountCreated: z.boolean(),
});
export type GrantCreatedDto = z.infer<typeof grantCreatedSchema>;

export const accountPatchBody = z.object({ active: z.boolean() });

// Home -----------------------------------------------------------------------------------------

const refSchema = z.object({ kind: z.enum(['organization', 'territory']), id: z.string(), name: z.string() });
export const homeItemSchema = z.object({
  key: z.string(),
  done: z.boolean().optional(),
  count: z.number().int().optional(),
  ref: refSchema.optional(),
});
export const homeCardSchema = z.object({
  kind: z.string(),
  scope: refSchema.optional(),
  items: z.array(homeItemSchema).optional(),
  counts: z.record(z.string(), z.number().int()).optional(),
});
export type HomeCard = z.infer<typeof homeCardSchema>;
export const homeSchema = z.object({ cards: z.array(homeCardSchema) });
