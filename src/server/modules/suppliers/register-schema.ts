import { z } from 'zod';

/** Request and response shapes of the provider register (docs/api-suppliers.md, "Register"). */

export const day = z.iso.date();
// PostgreSQL refuses the NUL character in text: refused here with a 400 rather than a 500 there.
const NUL = String.fromCharCode(0);
/** Free text of at most `max` characters, trimmed. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');
/** An id in a path or a body: our UUIDs, or a catalogue grid's key. */
export const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
const tier = z.number().int().min(1).max(4);

export const dataVolumes = ['none', 'under_1k', '1k_100k', 'over_100k'] as const;
export const dependencyLevels = ['low', 'medium', 'high'] as const;
export const systemAccesses = ['none', 'remote', 'onsite', 'privileged'] as const;
export const contactRoles = ['commercial', 'technical', 'security', 'dpo', 'other'] as const;
/** Country codes (ISO 3166-1 alpha-2) or the two zones. */
const location = z.string().regex(/^([A-Z]{2}|EEA|outside_EEA)$/, 'country code (FR, DE...), EEA or outside_EEA');

export const orgParams = z.object({ orgId: idString });
export const supplierParams = orgParams.extend({ supplierId: idString });
export const childParams = supplierParams.extend({ childId: idString });

const supplierShape = {
  name: text(200).min(1),
  siren: text(20),
  siret: text(30).nullable(),
  services: text(2000),
  handlesHealthData: z.boolean(),
  dataVolume: z.enum(dataVolumes),
  storageLocations: z.array(location).max(30),
  processingLocations: z.array(location).max(30),
  remoteMaintenance: z.boolean(),
  remoteMaintenanceDetails: text(2000),
  dependency: z.enum(dependencyLevels),
  systemAccess: z.enum(systemAccesses),
  criticalityOverride: tier.nullable(),
  criticalityReason: text(1000).nullable(),
};
// No defaults on update (zod 4 applies a default even inside an optional): an absent field keeps its value.
export const updateSupplierBody = z.object(supplierShape).partial();
export type UpdateSupplierInput = z.infer<typeof updateSupplierBody>;
export const createSupplierBody = z.object({
  ...supplierShape,
  siret: supplierShape.siret.optional(),
  services: supplierShape.services.default(''),
  handlesHealthData: supplierShape.handlesHealthData.default(false),
  dataVolume: supplierShape.dataVolume.default('none'),
  storageLocations: supplierShape.storageLocations.default([]),
  processingLocations: supplierShape.processingLocations.default([]),
  remoteMaintenance: supplierShape.remoteMaintenance.default(false),
  remoteMaintenanceDetails: supplierShape.remoteMaintenanceDetails.default(''),
  dependency: supplierShape.dependency.default('low'),
  systemAccess: supplierShape.systemAccess.default('none'),
  criticalityOverride: supplierShape.criticalityOverride.optional(),
  criticalityReason: supplierShape.criticalityReason.optional(),
});
export type CreateSupplierInput = z.infer<typeof createSupplierBody>;

const bool = z.enum(['true', 'false']);
export const suppliersQuery = z.object({
  q: text(200).optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  healthData: bool.optional(),
  hdsExpiring: bool.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(['name', '-name', 'tier', '-tier', 'updatedAt', '-updatedAt', 'hdsExpiresOn', '-hdsExpiresOn']).default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type SuppliersQuery = z.infer<typeof suppliersQuery>;

export const criticalitySchema = z.object({
  computed: tier,
  override: tier.nullable(),
  reason: z.string().nullable(),
  effective: tier,
});

export const supplierSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  siren: z.string(),
  siret: z.string().nullable(),
  services: z.string(),
  handlesHealthData: z.boolean(),
  dataVolume: z.enum(dataVolumes),
  storageLocations: z.array(z.string()),
  processingLocations: z.array(z.string()),
  remoteMaintenance: z.boolean(),
  remoteMaintenanceDetails: z.string(),
  dependency: z.enum(dependencyLevels),
  systemAccess: z.enum(systemAccesses),
  criticality: criticalitySchema,
  hdsExpiresOn: z.string().nullable(),
  hdsExpiring: z.boolean(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SupplierDto = z.infer<typeof supplierSchema>;
export const supplierPageSchema = z.object({
  items: z.array(supplierSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const hdsBody = z.object({
  activities: z
    .array(z.number().int().min(1).max(6))
    .min(1)
    .max(6)
    .refine((a) => new Set(a).size === a.length, 'each activity once'),
  certifyingBody: text(200).min(1),
  certificateNumber: text(100).min(1),
  issuedOn: day,
  expiresOn: day,
});
export type HdsInput = z.infer<typeof hdsBody>;
export const hdsSchema = z.object({
  id: z.string(),
  activities: z.array(z.number().int()),
  certifyingBody: z.string(),
  certificateNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  expiring: z.boolean(),
  alert90SentAt: z.string().nullable(),
  alert30SentAt: z.string().nullable(),
});
export type HdsDto = z.infer<typeof hdsSchema>;

export const subcontractorBody = z.object({
  parentId: idString.nullable().default(null),
  name: text(200).min(1),
  siren: text(20).nullable().default(null),
  service: text(1000).default(''),
  handlesHealthData: z.boolean().default(false),
  location: z.union([location, z.literal('')]).default(''),
});
export type SubcontractorInput = z.infer<typeof subcontractorBody>;
export interface SubcontractorNode {
  id: string;
  parentId: string | null;
  name: string;
  siren: string | null;
  service: string;
  handlesHealthData: boolean;
  location: string;
  children: SubcontractorNode[];
}
export const subcontractorSchema: z.ZodType<SubcontractorNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    siren: z.string().nullable(),
    service: z.string(),
    handlesHealthData: z.boolean(),
    location: z.string(),
    children: z.array(subcontractorSchema),
  }),
);

export const contactBody = z.object({
  name: text(200).min(1),
  email: text(254),
  phone: text(40).nullable().default(null),
  role: z.enum(contactRoles),
});
export type ContactInput = z.infer<typeof contactBody>;
export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: z.enum(contactRoles),
  hasPortalAccount: z.boolean(),
});
export type ContactDto = z.infer<typeof contactSchema>;

export const contractSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  hasAuditClause: z.boolean(),
});

export const supplierDetailSchema = supplierSchema.extend({
  hdsCertificates: z.array(hdsSchema),
  subcontractors: z.array(subcontractorSchema),
  contacts: z.array(contactSchema),
  contracts: z.array(contractSummarySchema),
});
export type SupplierDetailDto = z.infer<typeof supplierDetailSchema>;
