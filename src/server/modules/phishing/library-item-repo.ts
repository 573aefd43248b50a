import type { Kysely } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { Language } from './library-schema.js';
import type { LibraryTenant } from './territory-scopes.js';

/** Where one kind of library item lives: its table, its texts table (one row a language) and the key between them. */
export interface ItemTables {
  table: 'phishing_templates' | 'phishing_landing_pages';
  texts: 'phishing_template_texts' | 'phishing_landing_page_texts';
  key: 'template_id' | 'landing_page_id';
  /** The text columns a list shows and searches (the full texts are read one item at a time). */
  listColumns: readonly string[];
}

export interface ItemFilters {
  /** Column = value; an undefined value does not filter. */
  equals: Record<string, string | undefined>;
  archived: 'false' | 'true' | 'all';
  language?: Language | undefined;
}

// Templates and landing pages share the same shape (item + texts per language) but not their
// columns; one repo written against the table names serves both, typed by its callers.
// biome-ignore lint/suspicious/noExplicitAny: the table is a parameter, the rows are typed by the caller
type AnyDb = Kysely<any>;

/**
 * Items a tenant sees: an organization the catalogue (organization_id null) and its own, a territory
 * the catalogue only. Another organization's item reads as absent.
 */
export class LibraryItemRepo<Row extends { id: string }, TextRow, ListText> {
  constructor(readonly t: ItemTables) {}

  private visible(db: Executor, tenant: LibraryTenant) {
    const q = (db as unknown as AnyDb).selectFrom(this.t.table).selectAll();
    if (tenant.kind === 'territory') return q.where('organization_id', 'is', null);
    return q.where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', tenant.id)]));
  }

  async list(db: Executor, tenant: LibraryTenant, f: ItemFilters): Promise<Array<Row & { texts: ListText[] }>> {
    const { table, texts, key } = this.t;
    let q = this.visible(db, tenant);
    for (const [column, value] of Object.entries(f.equals)) if (value) q = q.where(column, '=', value);
    if (f.archived !== 'all') q = q.where('archived', '=', f.archived === 'true' ? 1 : 0);
    if (f.language) {
      const language = f.language;
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom(`${texts} as t`).select(`t.${key}`).whereRef(`t.${key}`, '=', `${table}.id`).where('t.language', '=', language),
        ),
      );
    }
    const rows = (await q.execute()) as Row[];
    if (rows.length === 0) return [];
    const found: Array<Record<string, unknown>> = await (db as unknown as AnyDb)
      .selectFrom(texts)
      .select([key, 'language', ...this.t.listColumns])
      .where(
        key,
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, texts: found.filter((t) => t[key] === r.id) as ListText[] }));
  }

  async get(db: Executor, tenant: LibraryTenant, id: string): Promise<(Row & { texts: TextRow[] }) | undefined> {
    const row = (await this.visible(db, tenant).where('id', '=', id).executeTakeFirst()) as Row | undefined;
    if (!row) return undefined;
    const texts = await (db as unknown as AnyDb)
      .selectFrom(this.t.texts)
      .selectAll()
      .where(this.t.key, '=', id)
      .orderBy('language')
      .execute();
    return { ...row, texts: texts as TextRow[] };
  }

  async insert(db: Executor, row: Row, texts: TextRow[]): Promise<void> {
    await (db as unknown as AnyDb).insertInto(this.t.table).values(row).execute();
    if (texts.length > 0) await (db as unknown as AnyDb).insertInto(this.t.texts).values(texts).execute();
  }

  /** Own items only (the catalogue is read-only): the organization is part of the WHERE. */
  async update(db: Executor, organizationId: string, id: string, patch: Partial<Row>, texts?: TextRow[]): Promise<void> {
    await (db as unknown as AnyDb)
      .updateTable(this.t.table)
      .set(patch)
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .execute();
    if (texts) await this.replaceTexts(db, id, texts);
  }

  async replaceTexts(db: Executor, id: string, texts: TextRow[]): Promise<void> {
    await (db as unknown as AnyDb).deleteFrom(this.t.texts).where(this.t.key, '=', id).execute();
    if (texts.length > 0) await (db as unknown as AnyDb).insertInto(this.t.texts).values(texts).execute();
  }
}

/** The text in the wanted language, French when missing, else whatever exists. */
export function pickText<T extends { language: string }>(texts: T[], language: Language): T | undefined {
  return texts.find((t) => t.language === language) ?? texts.find((t) => t.language === 'fr') ?? texts[0];
}
