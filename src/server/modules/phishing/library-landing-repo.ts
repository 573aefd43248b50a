import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { LandingQuery } from './library-schema.js';
import type { PhishingLandingPagesTable, PhishingLandingPageTextsTable } from './tables.js';

export type LandingRow = Selectable<PhishingLandingPagesTable>;
export type LandingTextRow = Selectable<PhishingLandingPageTextsTable>;
export type LandingWithTexts = LandingRow & { texts: LandingTextRow[] };
export type LandingListRow = LandingRow & { texts: Array<Pick<LandingTextRow, 'language' | 'title'>> };

/** Landing pages an organization sees: the catalogue and its own; every method takes the organization first. */
export class LandingRepo {
  async list(db: Executor, organizationId: string, f: Omit<LandingQuery, 'q' | 'sort' | 'page' | 'pageSize'>): Promise<LandingListRow[]> {
    let q = db
      .selectFrom('phishing_landing_pages')
      .selectAll()
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.origin) q = q.where('origin', '=', f.origin);
    if (f.archived !== 'all') q = q.where('archived', '=', f.archived === 'true' ? 1 : 0);
    if (f.language) {
      const language = f.language;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('phishing_landing_page_texts as t')
            .select('t.landing_page_id')
            .whereRef('t.landing_page_id', '=', 'phishing_landing_pages.id')
            .where('t.language', '=', language),
        ),
      );
    }
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const texts = await db
      .selectFrom('phishing_landing_page_texts')
      .select(['landing_page_id', 'language', 'title'])
      .where(
        'landing_page_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, texts: texts.filter((t) => t.landing_page_id === r.id) }));
  }

  async get(db: Executor, organizationId: string, id: string): Promise<LandingWithTexts | undefined> {
    const row = await db
      .selectFrom('phishing_landing_pages')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
      .executeTakeFirst();
    if (!row) return undefined;
    const texts = await db
      .selectFrom('phishing_landing_page_texts')
      .selectAll()
      .where('landing_page_id', '=', id)
      .orderBy('language')
      .execute();
    return { ...row, texts };
  }

  async insert(db: Executor, row: Insertable<PhishingLandingPagesTable>, texts: LandingTextRow[]): Promise<void> {
    await db.insertInto('phishing_landing_pages').values(row).execute();
    if (texts.length > 0) await db.insertInto('phishing_landing_page_texts').values(texts).execute();
  }

  async update(
    db: Executor,
    organizationId: string,
    id: string,
    patch: Updateable<PhishingLandingPagesTable>,
    texts?: LandingTextRow[],
  ): Promise<void> {
    await db.updateTable('phishing_landing_pages').set(patch).where('id', '=', id).where('organization_id', '=', organizationId).execute();
    if (texts) await this.replaceTexts(db, id, texts);
  }

  async replaceTexts(db: Executor, id: string, texts: LandingTextRow[]): Promise<void> {
    await db.deleteFrom('phishing_landing_page_texts').where('landing_page_id', '=', id).execute();
    if (texts.length > 0) await db.insertInto('phishing_landing_page_texts').values(texts).execute();
  }
}
