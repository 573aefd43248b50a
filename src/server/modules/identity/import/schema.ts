import { z } from 'zod';
import { importFields } from './fields.js';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const importParams = z.object({ orgId: z.string().min(1).max(64), importId: z.string().min(1).max(64) });

export const uploadQuery = z.object({ filename: z.string().max(255).optional() });

const mappingTargets = Object.fromEntries(importFields.map((f) => [f, z.string().optional()])) as Record<
  (typeof importFields)[number],
  z.ZodOptional<z.ZodString>
>;
export const mappingSchema = z.object(mappingTargets);

export const planBody = z.object({
  // A record, not a strict object: unknown targets are refused by the service with the field
  // named `mapping.<target>`; null or '' leaves a field unmapped.
  mapping: z.record(z.string().max(100), z.string().max(500).nullable()),
  mode: z.enum(['partial', 'full']).default('partial'),
});
export type PlanBody = z.infer<typeof planBody>;

export const uploadResponse = z.object({
  id: z.string(),
  filename: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  suggestedMapping: mappingSchema,
  rowCount: z.number().int(),
  sample: z.array(z.record(z.string(), z.string())),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

export const rowErrorSchema = z.object({ line: z.number().int(), field: z.string(), code: z.string(), reason: z.string() });

export const summarySchema = z.object({
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  toDeactivate: z.number().int(),
  errors: z.array(rowErrorSchema),
  errorCount: z.number().int(),
});
export type Summary = z.infer<typeof summarySchema>;

export const applyResponse = summarySchema.extend({ applied: z.literal(true) });

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const storedSummary = z.object({
  rowCount: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  toDeactivate: z.number().int(),
  errorCount: z.number().int(),
});
export type StoredSummary = z.infer<typeof storedSummary>;

export const importItem = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  encoding: z.string(),
  delimiter: z.string(),
  rowCount: z.number().int(),
  status: z.enum(['uploaded', 'applied']),
  mode: z.enum(['partial', 'full']).nullable(),
  mapping: mappingSchema.nullable(),
  summary: storedSummary.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
});
export type ImportItem = z.infer<typeof importItem>;

export const listResponse = z.object({
  items: z.array(importItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
