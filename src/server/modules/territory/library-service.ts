import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { type Executor, lockKey, type Page } from '../identity/shared.js';
import { EvidenceTooLarge, EvidenceTypeRefused, storedName } from '../suppliers/evidence-service.js';
import { mediaTypes, sniffEvidence } from '../suppliers/evidence-sniff.js';
import { EvidenceStore } from '../suppliers/evidence-store.js';
import { markdownFileName, presentDetail, presentResource, snapshotOf } from './library-present.js';
import { libraryRepo, type ResourceRow, searchTextOf, tagKey, uniqueTags, type VersionRow } from './library-repo.js';
import { fileColumns, newResourceRow, newVersionRow, type VersionContent } from './library-rows.js';
import type {
  CreateResourceInput,
  LibraryQuery,
  MarkdownVersionInput,
  ResourceDetail,
  ResourceView,
  UpdateResourceInput,
} from './library-schema.js';

export interface FileUpload {
  bytes: Buffer;
  fileName?: string | undefined;
  changeNote: string;
  dropBody: boolean;
}

/** What a download sends: bytes, a type and a name to offer. */
export interface LibraryDownload {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

/** How a reader came in: a member organization's admin sees live resources only. */
export interface Reader {
  includeArchived: boolean;
}

const archivedConflict = () =>
  new Conflict(
    'resource_archived',
    {
      fr: 'Cette ressource est archivée : restaurez-la avant de la modifier.',
      en: 'This resource is archived: restore it before changing it.',
    },
    'resourceId',
  );

const emptyVersion = (field: string) =>
  new Invalid(
    'version_empty',
    {
      fr: 'Une version doit contenir un texte (Markdown) ou un fichier.',
      en: 'A version must hold a text (Markdown) or a file.',
    },
    field,
  );

/** Non-blank Markdown, or null; a body of spaces only is a mistake, not a removal. */
function markdownOf(body: string | null | undefined, field: string): string | null {
  if (body === undefined || body === null) return null;
  if (body.trim() === '') {
    throw new Invalid('body_empty', { fr: 'Le texte est vide.', en: 'The text is empty.' }, field);
  }
  return body;
}

/** The shared library of a territory: resources with immutable versions (Markdown and/or a file). */
export class LibraryService {
  readonly store: EvidenceStore;
  constructor(private readonly deps: AppDeps) {
    this.store = new EvidenceStore(deps.config.FILES_DIR);
  }

  async list(territoryId: string, query: LibraryQuery, reader: Reader): Promise<Page<ResourceView>> {
    const q = reader.includeArchived ? query : { ...query, archived: 'false' as const };
    const { items, total } = await libraryRepo.list(this.deps.db, territoryId, q);
    return { items: items.map(presentResource), total, page: q.page, pageSize: q.pageSize };
  }

  /** Tags in use on live resources with their counts, most used first, for the filter. */
  async tags(territoryId: string): Promise<Array<{ tag: string; count: number }>> {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const tags of await libraryRepo.liveTags(this.deps.db, territoryId))
      for (const tag of uniqueTags(tags)) {
        const entry = counts.get(tagKey(tag)) ?? { tag, count: 0 };
        entry.count += 1;
        counts.set(tagKey(tag), entry);
      }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'fr', { sensitivity: 'base' }));
  }

  async get(territoryId: string, resourceId: string, reader: Reader): Promise<ResourceDetail> {
    const row = await this.find(this.deps.db, territoryId, resourceId, reader);
    return presentDetail(row, await libraryRepo.versions(this.deps.db, territoryId, resourceId));
  }

  /** 404 unless the organization belongs to the territory (members read its library). */
  async checkMember(orgId: string, territoryId: string): Promise<void> {
    if (!(await libraryRepo.isMember(this.deps.db, territoryId, orgId))) throw new NotFound('territory');
  }

  async create(ctx: RequestContext, territoryId: string, input: CreateResourceInput): Promise<ResourceDetail> {
    const body = markdownOf(input.body, 'body');
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('territories').select('id').where('id', '=', territoryId).executeTakeFirst();
      if (!exists) throw new NotFound('territory');
      const row = newResourceRow(
        ctx,
        territoryId,
        { ...input, tags: uniqueTags(input.tags) },
        { currentVersion: body === null ? null : 1, starterKey: null, at: this.now() },
      );
      await libraryRepo.insertResource(trx, row, uniqueTags(input.tags));
      if (body !== null)
        await libraryRepo.insertVersion(trx, newVersionRow(ctx, row, 1, { body_md: body }, input.changeNote, row.created_at));
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'library.resource_created',
        entityType: 'library_resource',
        entityId: row.id,
        territoryId,
        after: snapshotOf(row),
      });
      return row.id;
    });
    return this.get(territoryId, id, { includeArchived: true });
  }

  async update(ctx: RequestContext, territoryId: string, resourceId: string, patch: UpdateResourceInput): Promise<ResourceDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.lockedLive(trx, territoryId, resourceId);
      const tags = uniqueTags(patch.tags ?? fromJson<string[]>(before.tags_json, []));
      const after: ResourceRow = {
        ...before,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        tags_json: toJson(tags),
        updated_at: this.now(),
      };
      after.search_text = searchTextOf(after, tags);
      const { id: _id, territory_id: _t, ...changes } = after;
      await libraryRepo.update(trx, territoryId, resourceId, changes);
      if (patch.tags) await libraryRepo.replaceTags(trx, after, tags);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'library.resource_updated',
        entityType: 'library_resource',
        entityId: resourceId,
        territoryId,
        before: snapshotOf(before),
        after: snapshotOf(after),
      });
    });
    return this.get(territoryId, resourceId, { includeArchived: true });
  }

  /** A new version with new Markdown; it keeps the current file unless `dropFile`. */
  async addMarkdownVersion(ctx: RequestContext, territoryId: string, resourceId: string, input: MarkdownVersionInput) {
    const body = markdownOf(input.body, 'body');
    return this.addVersion(ctx, territoryId, resourceId, input.changeNote, (current) => {
      const file = input.dropFile || !current ? null : current;
      if (body === null && (file === null || file.storage_key === null)) throw emptyVersion('body');
      return { body_md: body, ...fileColumns(file) };
    });
  }

  /** A new version with a new file (type read from the bytes); it keeps the current Markdown unless `dropBody`. */
  async addFileVersion(ctx: RequestContext, territoryId: string, resourceId: string, up: FileUpload) {
    const { config } = this.deps;
    if (up.bytes.length === 0) throw new Invalid('file_empty', { fr: 'Le fichier est vide.', en: 'The file is empty.' }, 'file');
    if (up.bytes.length > config.EVIDENCE_MAX_BYTES) throw new EvidenceTooLarge(config.EVIDENCE_MAX_BYTES);
    const kind = sniffEvidence(up.bytes);
    if (!kind) throw new EvidenceTypeRefused();
    // Refuse before writing bytes: an archived or foreign resource must not leave files behind.
    if ((await this.find(this.deps.db, territoryId, resourceId, { includeArchived: true })).archived) throw archivedConflict();
    const { storageKey, sha256 } = await this.store.put(up.bytes);
    const file = {
      file_name: storedName(up.fileName ?? 'document', kind),
      media_type: mediaTypes[kind],
      size: up.bytes.length,
      sha256,
      storage_key: storageKey,
    };
    try {
      return await this.addVersion(ctx, territoryId, resourceId, up.changeNote, (current) => ({
        body_md: up.dropBody ? null : (current?.body_md ?? null),
        ...file,
      }));
    } catch (err) {
      await this.store.remove(storageKey);
      throw err;
    }
  }

  async setArchived(ctx: RequestContext, territoryId: string, resourceId: string, archived: boolean): Promise<ResourceDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `library:${resourceId}`);
      const before = await this.find(trx, territoryId, resourceId, { includeArchived: true });
      if (Boolean(before.archived) === archived) return;
      const stamp = this.now();
      const changes = { archived: archived ? (1 as const) : (0 as const), archived_at: archived ? stamp : null, updated_at: stamp };
      await libraryRepo.update(trx, territoryId, resourceId, changes);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: archived ? 'library.resource_archived' : 'library.resource_restored',
        entityType: 'library_resource',
        entityId: resourceId,
        territoryId,
        before: snapshotOf(before),
        after: snapshotOf({ ...before, ...changes }),
      });
    });
    return this.get(territoryId, resourceId, { includeArchived: true });
  }

  /** A version's file, or its Markdown as a .md file; 404 when the version has none. */
  async download(territoryId: string, resourceId: string, version: number, what: 'file' | 'markdown', reader: Reader) {
    const resource = await this.find(this.deps.db, territoryId, resourceId, reader);
    const v = await libraryRepo.version(this.deps.db, territoryId, resourceId, version);
    if (!v) throw new NotFound('version');
    if (what === 'markdown') {
      if (v.body_md === null) throw new NotFound('markdown');
      return {
        bytes: Buffer.from(v.body_md, 'utf8'),
        mediaType: 'text/markdown; charset=utf-8',
        fileName: markdownFileName(resource.title, version),
      };
    }
    if (v.storage_key === null) throw new NotFound('file');
    return {
      bytes: await this.store.get(v.storage_key),
      mediaType: v.media_type ?? 'application/octet-stream',
      fileName: v.file_name ?? 'document',
    };
  }

  private async addVersion(
    ctx: RequestContext,
    territoryId: string,
    resourceId: string,
    changeNote: string,
    content: (current: VersionRow | undefined) => VersionContent,
  ): Promise<ResourceDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.lockedLive(trx, territoryId, resourceId);
      const versions = await libraryRepo.versions(trx, territoryId, resourceId);
      const current = versions.find((v) => Number(v.version) === Number(before.current_version));
      const next = (versions[0] ? Number(versions[0].version) : 0) + 1;
      const row = newVersionRow(ctx, before, next, content(current), changeNote, this.now());
      await libraryRepo.insertVersion(trx, row);
      const stamp = row.created_at;
      await libraryRepo.update(trx, territoryId, resourceId, { current_version: next, updated_at: stamp });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'library.version_added',
        entityType: 'library_resource',
        entityId: resourceId,
        territoryId,
        before: { currentVersion: before.current_version },
        after: { currentVersion: next, changeNote, hasBody: row.body_md !== null, file: row.file_name, sha256: row.sha256 },
      });
    });
    return this.get(territoryId, resourceId, { includeArchived: true });
  }

  /** The resource, serialised against concurrent changes (version numbers), refused when archived. */
  private async lockedLive(trx: Executor, territoryId: string, resourceId: string): Promise<ResourceRow> {
    await lockKey(trx, this.deps.dbh.dialect, `library:${resourceId}`);
    const row = await this.find(trx, territoryId, resourceId, { includeArchived: true });
    if (row.archived) throw archivedConflict();
    return row;
  }

  private async find(db: Executor, territoryId: string, resourceId: string, reader: Reader): Promise<ResourceRow> {
    const row = await libraryRepo.get(db, territoryId, resourceId);
    if (!row || (row.archived && !reader.includeArchived)) throw new NotFound('library_resource');
    return row;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
