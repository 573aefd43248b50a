import { z } from 'zod';
import { actionStatuses, priorities, sourceKinds } from './tables.js';

/** Request and response shapes of the action plan (docs/api-actions.md). */

// PostgreSQL refuses the NUL character in text: refused here with a 400 rather than a 500 there.
const NUL = String.fromCharCode(0);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes(NUL), 'no NUL character');
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');
export const day = z.iso.date();

export const orgParams = z.object({ orgId: idString });
export const actionParams = orgParams.extend({ actionId: idString });
export const evidenceParams = actionParams.extend({ evidenceId: idString });
export const territoryParams = z.object({ territoryId: idString });

const editable = {
  title: text(200).min(1),
  description: text(10_000),
  ownerAccountId: idString.nullable(),
  ownerName: text(200),
  dueOn: day.nullable(),
  priority: z.enum(priorities),
};

export const createActionBody = z.object({
  ...editable,
  description: editable.description.default(''),
  ownerAccountId: editable.ownerAccountId.default(null),
  ownerName: editable.ownerName.default(''),
  dueOn: editable.dueOn.default(null),
  priority: editable.priority.default('medium'),
  status: z.enum(actionStatuses).default('todo'),
});
export type CreateActionInput = z.infer<typeof createActionBody>;

// No defaults (zod 4 applies a default even inside an optional): an absent field keeps its value.
export const updateActionBody = z.object({ ...editable, status: z.enum(actionStatuses) }).partial();
export type UpdateActionInput = z.infer<typeof updateActionBody>;

export const sortKeys = ['due_on', 'priority', 'status', 'created_at', 'updated_at', 'title'] as const;

export const actionsQuery = z.object({
  status: z.enum([...actionStatuses, 'open']).optional(),
  priority: z.enum(priorities).optional(),
  source: z.enum(sourceKinds).optional(),
  owner: z.union([idString, z.literal('none')]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: text(200).optional(),
  /** A sort key, `-` in front for descending (`-priority`: critical first). */
  sort: z
    .string()
    .refine((v) => (sortKeys as readonly string[]).includes(v.replace(/^-/, '')), `one of ${sortKeys.join(', ')}, '-' for descending`)
    .default('due_on'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ActionsQuery = z.infer<typeof actionsQuery>;

export const noteBody = z.object({ body: text(5000).min(1) });

export const uploadQuery = z.object({ filename: z.string().max(300).optional() });

export const noteSchema = z.object({
  id: z.string(),
  authorLabel: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});

export const actionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  title: z.string(),
  description: z.string(),
  sourceKind: z.enum(sourceKinds),
  sourceId: z.string().nullable(),
  sourceLabel: z.string(),
  sourceLink: z.string().nullable(),
  /** Whether the source decides the status (a finding is closed in its audit, not here). */
  statusOwnedBySource: z.boolean(),
  ownerAccountId: z.string().nullable(),
  ownerName: z.string(),
  /** The owner account's name, else the free owner name. */
  ownerLabel: z.string(),
  dueOn: z.string().nullable(),
  priority: z.enum(priorities),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionDetailSchema = actionSchema.extend({
  notes: z.array(noteSchema),
  evidence: z.array(evidenceSchema),
});
export type ActionDetail = z.infer<typeof actionDetailSchema>;

export const actionPageSchema = z.object({
  items: z.array(actionSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const byStatus = z.object({ todo: z.number(), in_progress: z.number(), done: z.number(), cancelled: z.number() });

export const progressSchema = z.object({
  total: z.number(),
  byStatus,
  overdue: z.number(),
  doneLast30Days: z.number(),
  bySource: z.array(z.object({ source: z.enum(sourceKinds), total: z.number(), done: z.number() })),
});
export type Progress = z.infer<typeof progressSchema>;

export const boardSchema = z.object({
  columns: z.array(z.object({ status: z.enum(actionStatuses), total: z.number(), items: z.array(actionSchema) })),
});

export const rollupSchema = z.object({
  territoryId: z.string(),
  members: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      total: z.number(),
      byStatus,
      overdue: z.number(),
    }),
  ),
  /** Members that do not share their data: counted, never shown. */
  notSharing: z.number(),
});
