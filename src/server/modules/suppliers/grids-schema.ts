import { z } from 'zod';
import { gridDefinitionSchema } from './grid-definition.js';

// Request and response shapes of the grid API (docs/api-suppliers.md, "Grids").

/** PostgreSQL refuses the NUL character in text columns: a 400 here rather than a 500 there. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !v.includes('\u0000') && !/[\r\n]/.test(v), 'one line, no control character');
const id = z.string().trim().min(1).max(64);

export const gridOrigins = ['catalogue', 'custom', 'fork', 'import'] as const;
export const orgParams = z.object({ orgId: id });
export const gridParams = z.object({ orgId: id, id });

export const gridTitleSchema = z.object({ fr: line(200), en: line(200) });

export const gridInputSchema = z.object({ title: gridTitleSchema, definition: gridDefinitionSchema });
export type GridInput = z.infer<typeof gridInputSchema>;

/** The body may be absent (a plain POST). */
export const forkInputSchema = z.object({ title: gridTitleSchema.optional() }).nullish();

export const gridListQuery = z.object({
  q: z.string().max(200).optional(),
  origin: z.enum(gridOrigins).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(['title', '-title', 'updatedAt', '-updatedAt', 'questionCount', '-questionCount']).default('title'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type GridListQuery = z.infer<typeof gridListQuery>;

export const gridSummarySchema = z.object({
  id: z.string(),
  origin: z.enum(gridOrigins),
  forkedFrom: z.string().nullable(),
  version: z.number().int(),
  /** In the request's language; `titles` has both. */
  title: z.string(),
  titles: gridTitleSchema,
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  /** Catalogue grids are read-only: fork them to adapt them. */
  readOnly: z.boolean(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GridSummary = z.infer<typeof gridSummarySchema>;

export const gridSchema = gridSummarySchema.extend({ definition: gridDefinitionSchema });
export type GridDto = z.infer<typeof gridSchema>;

export const gridPageSchema = z.object({
  items: z.array(gridSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const importQuery = z.object({
  format: z.enum(['xlsx', 'csv']),
  /** true: checks and reports, writes nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const fileIssueSchema = z.object({
  /** Spreadsheet line (1-based, the header is line 1); null for the file as a whole. */
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  issues: z.array(fileIssueSchema),
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  /** The grid created (absent on a dry run or when the file has issues). */
  grid: gridSchema.optional(),
});

/** A 400 of the import: the usual error, and for a file with issues the whole report beside it. */
export const importErrorSchema = z.looseObject({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
