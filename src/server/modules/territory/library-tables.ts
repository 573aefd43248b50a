import type { Bool01 } from '../../db/dialect.js';

/** What a shared resource is; the web app picks its icon and the starter set its place from it. */
export const resourceKinds = ['procedure', 'reflex_sheet', 'template', 'charter', 'checklist', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** Who a resource is written for, so a member can hand the right sheet to the right people. */
export const audiences = ['all_staff', 'care_staff', 'management', 'it_security', 'town_professionals'] as const;
export type Audience = (typeof audiences)[number];

export const libraryLanguages = ['fr', 'en'] as const;
export type LibraryLanguage = (typeof libraryLanguages)[number];

export interface LibraryResourcesTable {
  id: string;
  territory_id: string;
  title: string;
  summary: string;
  kind: ResourceKind;
  audience: Audience;
  language: LibraryLanguage;
  /** JSON array of tags as typed (trimmed); the filter reads territory_library_tags. */
  tags_json: string;
  /** Null until the first version (a resource created to receive a file). */
  current_version: number | null;
  archived: Bool01;
  archived_at: string | null;
  /** `<starter id>.<language>` for resources copied from the starter set, so seeding is idempotent. */
  starter_key: string | null;
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Versions are never edited nor deleted: a change is a new version. */
export interface LibraryVersionsTable {
  id: string;
  resource_id: string;
  territory_id: string;
  version: number;
  body_md: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  /** Key in the evidence store (suppliers/evidence-store.ts); a later version may share it. */
  storage_key: string | null;
  change_note: string;
  author_account_id: string | null;
  author_label: string;
  created_at: string;
}

/** One row per (resource, folded tag): the tag filter stays an indexed lookup. */
export interface LibraryTagsTable {
  resource_id: string;
  territory_id: string;
  tag: string;
}

export interface LibraryTables {
  territory_library_resources: LibraryResourcesTable;
  territory_library_versions: LibraryVersionsTable;
  territory_library_tags: LibraryTagsTable;
}
