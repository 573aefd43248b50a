import { fromBool01, fromJson } from '../../db/dialect.js';
import type { ResourceRow, VersionRow } from './library-repo.js';
import type { ResourceDetail, ResourceView } from './library-schema.js';

export function presentResource(r: ResourceRow): ResourceView {
  return {
    id: r.id,
    territoryId: r.territory_id,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    tags: fromJson<string[]>(r.tags_json, []),
    audience: r.audience,
    language: r.language,
    currentVersion: r.current_version === null ? null : Number(r.current_version),
    archived: fromBool01(r.archived),
    archivedAt: r.archived_at,
    fromStarterSet: r.starter_key !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentDetail(r: ResourceRow, versions: VersionRow[]): ResourceDetail {
  const current = versions.find((v) => Number(v.version) === Number(r.current_version));
  return {
    ...presentResource(r),
    body: current?.body_md ?? null,
    versions: versions.map((v) => ({
      version: Number(v.version),
      hasBody: v.body_md !== null,
      file:
        v.storage_key === null
          ? null
          : { fileName: v.file_name ?? '', mediaType: v.media_type ?? '', size: Number(v.size ?? 0), sha256: v.sha256 ?? '' },
      changeNote: v.change_note,
      authorLabel: v.author_label,
      createdAt: v.created_at,
    })),
  };
}

/** What the audit log keeps of a resource: its metadata, never a body. */
export const snapshotOf = (r: ResourceRow) => ({
  title: r.title,
  kind: r.kind,
  audience: r.audience,
  language: r.language,
  tags: fromJson<string[]>(r.tags_json, []),
  currentVersion: r.current_version,
  archived: fromBool01(r.archived),
});

/** A file name for a Markdown download: the title without accents or punctuation, and the version. */
export function markdownFileName(title: string, version: number): string {
  const slug =
    title
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'ressource';
  return `${slug}-v${version}.md`;
}
