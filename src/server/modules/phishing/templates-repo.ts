import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { Language, TemplatesQuery } from './library-schema.js';
import type { PhishingTemplatesTable, PhishingTemplateTextsTable } from './tables.js';

export type TemplateRow = Selectable<PhishingTemplatesTable>;
export type TemplateTextRow = Selectable<PhishingTemplateTextsTable>;
export type TemplateWithTexts = TemplateRow & { texts: TemplateTextRow[] };
/** What a list needs of each text: the title and subject in each language. */
export type TemplateListRow = TemplateRow & { texts: Array<Pick<TemplateTextRow, 'language' | 'title' | 'subject'>> };

/**
 * Templates an organization sees: the catalogue (organization_id null) and its own. Every method
 * takes the organization id first; another organization's template reads as absent.
 */
export class TemplatesRepo {
  async list(
    db: Executor,
    organizationId: string,
    f: Omit<TemplatesQuery, 'q' | 'sort' | 'page' | 'pageSize'>,
  ): Promise<TemplateListRow[]> {
    let q = db
      .selectFrom('phishing_templates')
      .selectAll()
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]));
    if (f.theme) q = q.where('theme', '=', f.theme);
    if (f.difficulty) q = q.where('difficulty', '=', f.difficulty);
    if (f.origin) q = q.where('origin', '=', f.origin);
    if (f.archived !== 'all') q = q.where('archived', '=', f.archived === 'true' ? 1 : 0);
    if (f.language) {
      const language = f.language;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('phishing_template_texts as t')
            .select('t.template_id')
            .whereRef('t.template_id', '=', 'phishing_templates.id')
            .where('t.language', '=', language),
        ),
      );
    }
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const texts = await db
      .selectFrom('phishing_template_texts')
      .select(['template_id', 'language', 'title', 'subject'])
      .where(
        'template_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, texts: texts.filter((t) => t.template_id === r.id) }));
  }

  async get(db: Executor, organizationId: string, id: string): Promise<TemplateWithTexts | undefined> {
    const row = await db
      .selectFrom('phishing_templates')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
      .executeTakeFirst();
    if (!row) return undefined;
    const texts = await db.selectFrom('phishing_template_texts').selectAll().where('template_id', '=', id).orderBy('language').execute();
    return { ...row, texts };
  }

  async insert(db: Executor, row: Insertable<PhishingTemplatesTable>, texts: TemplateTextRow[]): Promise<void> {
    await db.insertInto('phishing_templates').values(row).execute();
    if (texts.length > 0) await db.insertInto('phishing_template_texts').values(texts).execute();
  }

  /** Own templates only (the catalogue is read-only): the organization is part of the WHERE. */
  async update(
    db: Executor,
    organizationId: string,
    id: string,
    patch: Updateable<PhishingTemplatesTable>,
    texts?: TemplateTextRow[],
  ): Promise<void> {
    await db.updateTable('phishing_templates').set(patch).where('id', '=', id).where('organization_id', '=', organizationId).execute();
    if (texts) await this.replaceTexts(db, id, texts);
  }

  async replaceTexts(db: Executor, id: string, texts: TemplateTextRow[]): Promise<void> {
    await db.deleteFrom('phishing_template_texts').where('template_id', '=', id).execute();
    if (texts.length > 0) await db.insertInto('phishing_template_texts').values(texts).execute();
  }

  /** A landing page the organization may point a template at: catalogue or own, not archived. */
  async usableLandingPage(db: Executor, organizationId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('phishing_landing_pages')
      .select('id')
      .where('id', '=', id)
      .where('archived', '=', 0)
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** The text in the wanted language, French when missing, else whatever exists. */
export function pickText<T extends { language: string }>(texts: T[], language: Language): T | undefined {
  return texts.find((t) => t.language === language) ?? texts.find((t) => t.language === 'fr') ?? texts[0];
}
