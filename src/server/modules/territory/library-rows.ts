import { toJson } from '../../db/dialect.js';
import type { RequestContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { type ResourceRow, searchTextOf, type VersionRow } from './library-repo.js';
import type { CreateResourceInput } from './library-schema.js';

export type VersionContent = Pick<VersionRow, 'body_md' | 'file_name' | 'media_type' | 'size' | 'sha256' | 'storage_key'>;

/** A resource row, before its tags and versions (created by hand or copied from the starter set). */
export function newResourceRow(
  ctx: RequestContext,
  territoryId: string,
  input: Omit<CreateResourceInput, 'body' | 'changeNote'>,
  opts: { currentVersion: number | null; starterKey: string | null; at: string },
): ResourceRow {
  const row: ResourceRow = {
    id: newId(),
    territory_id: territoryId,
    title: input.title,
    summary: input.summary,
    kind: input.kind,
    audience: input.audience,
    language: input.language,
    tags_json: toJson(input.tags),
    current_version: opts.currentVersion,
    archived: 0,
    archived_at: null,
    starter_key: opts.starterKey,
    search_text: '',
    created_by: ctx.actor?.accountId ?? null,
    created_at: opts.at,
    updated_at: opts.at,
  };
  row.search_text = searchTextOf(row, input.tags);
  return row;
}

export function newVersionRow(
  ctx: RequestContext,
  resource: Pick<ResourceRow, 'id' | 'territory_id'>,
  version: number,
  content: Partial<VersionContent>,
  changeNote: string,
  at: string,
): VersionRow {
  return {
    id: newId(),
    resource_id: resource.id,
    territory_id: resource.territory_id,
    version,
    body_md: content.body_md ?? null,
    ...fileColumns(content),
    change_note: changeNote,
    author_account_id: ctx.actor?.accountId ?? null,
    author_label: ctx.actor?.displayName ?? ctx.label ?? 'system',
    created_at: at,
  };
}

/** The file columns of a version (all null when it has no file). */
export function fileColumns(v: Partial<VersionContent> | null | undefined) {
  return {
    file_name: v?.file_name ?? null,
    media_type: v?.media_type ?? null,
    size: v?.size ?? null,
    sha256: v?.sha256 ?? null,
    storage_key: v?.storage_key ?? null,
  };
}
