import { z } from 'zod';

/** A date (whole day) or a date-time with offset; `to` on a bare date covers that whole day. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** An empty query parameter (`?action=`) means no filter, as a cleared form field sends it. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const auditFiltersSchema = z.object({
  action: optional(z.string().trim().max(100)).describe('prefix, e.g. "person." or "auth.signed_in"'),
  entityType: optional(z.string().trim().max(100)),
  actor: optional(z.string().trim().max(200)).describe('part of the actor label (email, "cli"...)'),
  from: optional(instant),
  to: optional(instant),
});

export const platformAuditQuerySchema = auditFiltersSchema.extend({
  organizationId: optional(z.string().trim().max(64)),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const orgAuditQuerySchema = auditFiltersSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const platformExportQuerySchema = auditFiltersSchema.extend({
  organizationId: optional(z.string().trim().max(64)),
});

export const orgParamsSchema = z.object({ orgId: z.string().min(1).max(64) });

export const auditEntrySchema = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actorAccountId: z.string().nullable(),
  actorLabel: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  organizationId: z.string().nullable(),
  territoryId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const verifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z
    .object({ seq: z.number(), id: z.string(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']) })
    .optional(),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema> & { organizationId?: string | undefined };
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
