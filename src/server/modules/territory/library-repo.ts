import { sql } from 'kysely';
import { fromJson, likeEscape, likePattern, searchKey, toCount } from '../../db/dialect.js';
import type { Executor } from '../identity/shared.js';
import { offsetOf } from '../identity/shared.js';
import type { LibraryQuery } from './library-schema.js';
import type { LibraryResourcesTable, LibraryVersionsTable } from './library-tables.js';

export type ResourceRow = LibraryResourcesTable;
export type VersionRow = LibraryVersionsTable;

/** The folded form tags are filtered by: "Rançongiciel " and "rancongiciel" are one tag. */
export const tagKey = (tag: string): string => searchKey(tag.trim()).replace(/\s+/g, ' ');

/** Tags as typed, without blanks or a second spelling of one folded tag (the first one wins). */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((t) => t.trim())
    .filter((t) => {
      const key = tagKey(t);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The words a search matches, over the title, summary and tags (accent- and case-blind). */
export const searchTextOf = (r: Pick<ResourceRow, 'title' | 'summary'>, tags: string[]): string =>
  searchKey(r.title, r.summary, tags.join(' '));

const sortColumns = { updated_at: 'updated_at', created_at: 'created_at', title: 'title', kind: 'kind' } as const;

/** Kysely queries of the library; the territory id comes first and scopes every read. */
export const libraryRepo = {
  async list(db: Executor, territoryId: string, q: LibraryQuery) {
    let query = db.selectFrom('territory_library_resources as r').where('r.territory_id', '=', territoryId);
    if (q.archived !== 'all') query = query.where('r.archived', '=', q.archived === 'true' ? 1 : 0);
    if (q.kind) query = query.where('r.kind', '=', q.kind);
    if (q.audience) query = query.where('r.audience', '=', q.audience);
    if (q.language) query = query.where('r.language', '=', q.language);
    for (const word of searchKey(q.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 10)) {
      query = query.where(sql<boolean>`r.search_text like ${likePattern(word)} escape ${likeEscape}`);
    }
    const tags = [...new Set((q.tags ?? '').split(',').map(tagKey).filter(Boolean))].slice(0, 10);
    for (const tag of tags) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('territory_library_tags as t')
            .select('t.tag')
            .whereRef('t.resource_id', '=', 'r.id')
            .where('t.territory_id', '=', territoryId)
            .where('t.tag', '=', tag),
        ),
      );
    }
    const total = toCount((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
    const column = sortColumns[q.sort];
    const items = await query
      .selectAll('r')
      .orderBy(`r.${column}`, q.order)
      .orderBy('r.id', q.order)
      .limit(q.pageSize)
      .offset(offsetOf(q.page, q.pageSize))
      .execute();
    return { items, total };
  },

  /**
   * The tags of a territory's live resources as typed, oldest resource first: the spelling shown for
   * a tag is its first one, the same on every request and database. A library holds hundreds of
   * resources, not millions.
   */
  async liveTags(db: Executor, territoryId: string): Promise<string[][]> {
    const rows = await db
      .selectFrom('territory_library_resources')
      .select('tags_json')
      .where('territory_id', '=', territoryId)
      .where('archived', '=', 0)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => fromJson<string[]>(r.tags_json, []));
  },

  get(db: Executor, territoryId: string, resourceId: string) {
    return db
      .selectFrom('territory_library_resources')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('id', '=', resourceId)
      .executeTakeFirst();
  },

  versions(db: Executor, territoryId: string, resourceId: string) {
    return db
      .selectFrom('territory_library_versions')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('resource_id', '=', resourceId)
      .orderBy('version', 'desc')
      .execute();
  },

  version(db: Executor, territoryId: string, resourceId: string, version: number) {
    return db
      .selectFrom('territory_library_versions')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('resource_id', '=', resourceId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  async insertResource(db: Executor, row: ResourceRow, tags: string[]) {
    await db.insertInto('territory_library_resources').values(row).execute();
    await this.replaceTags(db, row, tags);
  },

  async replaceTags(db: Executor, row: Pick<ResourceRow, 'id' | 'territory_id'>, tags: string[]) {
    await db.deleteFrom('territory_library_tags').where('resource_id', '=', row.id).execute();
    const keys = [...new Set(tags.map(tagKey).filter(Boolean))];
    if (keys.length === 0) return;
    await db
      .insertInto('territory_library_tags')
      .values(keys.map((tag) => ({ resource_id: row.id, territory_id: row.territory_id, tag })))
      .execute();
  },

  async update(db: Executor, territoryId: string, resourceId: string, patch: Partial<ResourceRow>) {
    await db
      .updateTable('territory_library_resources')
      .set(patch)
      .where('territory_id', '=', territoryId)
      .where('id', '=', resourceId)
      .execute();
  },

  async insertVersion(db: Executor, row: VersionRow) {
    await db.insertInto('territory_library_versions').values(row).execute();
  },

  async starterKeys(db: Executor, territoryId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('territory_library_resources')
      .select('starter_key')
      .where('territory_id', '=', territoryId)
      .where('starter_key', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.starter_key ?? ''));
  },

  async isMember(db: Executor, territoryId: string, orgId: string): Promise<boolean> {
    const row = await db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return row !== undefined;
  },
};
