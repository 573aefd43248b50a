import { z } from 'zod';
import { audiences, libraryLanguages, resourceKinds } from './library-tables.js';

/** Request and response shapes of a territory's shared library (docs/api-territory.md, "Shared library"). */

const text = (max: number) => z.string().trim().max(max);
const idString = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'an id');

/** Letters, digits, spaces and - _ . ' + # / only: tags are short labels, not sentences. */
export const tagString = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.'’+#/-]*$/u, "a tag: letters, digits, spaces and - _ . ' + # /");

export const territoryParams = z.object({ territoryId: idString });
export const resourceParams = territoryParams.extend({ resourceId: idString });
export const versionParams = resourceParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });
export const memberParams = z.object({ orgId: idString, territoryId: idString });
export const memberResourceParams = memberParams.extend({ resourceId: idString });
export const memberVersionParams = memberResourceParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });

/** Markdown bodies stay readable documents; files carry anything bigger. */
export const MARKDOWN_MAX = 100_000;

const metadata = {
  title: text(200).min(1),
  summary: text(1000),
  kind: z.enum(resourceKinds),
  tags: z.array(tagString).max(20),
  audience: z.enum(audiences),
  language: z.enum(libraryLanguages),
};

export const createResourceBody = z.object({
  ...metadata,
  summary: metadata.summary.default(''),
  tags: metadata.tags.default([]),
  audience: metadata.audience.default('all_staff'),
  language: metadata.language.default('fr'),
  /** The first version's Markdown; absent when the first version will be a file. */
  body: z.string().max(MARKDOWN_MAX).optional(),
  changeNote: text(500).default(''),
});
export type CreateResourceInput = z.infer<typeof createResourceBody>;

// No defaults (zod 4 applies a default even inside an optional): an absent field keeps its value.
export const updateResourceBody = z.object(metadata).partial();
export type UpdateResourceInput = z.infer<typeof updateResourceBody>;

export const markdownVersionBody = z.object({
  /** The new Markdown; null removes it (the version then needs the file it keeps). */
  body: z.string().max(MARKDOWN_MAX).nullable(),
  changeNote: text(500).default(''),
  /** By default a new Markdown version keeps the current file; true drops it. */
  dropFile: z.boolean().default(false),
});
export type MarkdownVersionInput = z.infer<typeof markdownVersionBody>;

export const fileVersionQuery = z.object({
  filename: z.string().max(300).optional(),
  changeNote: text(500).default(''),
  /** By default a new file version keeps the current Markdown; true drops it. */
  dropBody: z.enum(['true', 'false']).default('false'),
});

export const sortKeys = ['updated_at', 'created_at', 'title', 'kind'] as const;
export const archivedFilter = ['false', 'true', 'all'] as const;

export const libraryQuery = z.object({
  q: text(200).optional(),
  /** One tag or several (comma-separated); a resource must carry all of them. */
  tags: z.string().max(500).optional(),
  kind: z.enum(resourceKinds).optional(),
  audience: z.enum(audiences).optional(),
  language: z.enum(libraryLanguages).optional(),
  archived: z.enum(archivedFilter).default('false'),
  sort: z.enum(sortKeys).default('updated_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

export const starterSetBody = z
  .object({ languages: z.array(z.enum(libraryLanguages)).min(1).max(2).default(['fr']) })
  .default({ languages: ['fr'] });

const fileSchema = z.object({ fileName: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() });

export const versionSchema = z.object({
  version: z.number(),
  hasBody: z.boolean(),
  file: fileSchema.nullable(),
  changeNote: z.string(),
  authorLabel: z.string(),
  createdAt: z.string(),
});

export const resourceSchema = z.object({
  id: z.string(),
  territoryId: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(resourceKinds),
  tags: z.array(z.string()),
  audience: z.enum(audiences),
  language: z.enum(libraryLanguages),
  currentVersion: z.number().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  fromStarterSet: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResourceView = z.infer<typeof resourceSchema>;

export const resourceDetailSchema = resourceSchema.extend({
  /** The current version's Markdown, so a reader sees the sheet without a second request. */
  body: z.string().nullable(),
  versions: z.array(versionSchema),
});
export type ResourceDetail = z.infer<typeof resourceDetailSchema>;

export const libraryPageSchema = z.object({
  items: z.array(resourceSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const starterSetResultSchema = z.object({ added: z.array(resourceSchema), alreadyThere: z.number() });

export const tagCountsSchema = z.array(z.object({ tag: z.string(), count: z.number() }));
