import type { Selectable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { PhishingTemplatesTable, PhishingTemplateTextsTable } from './tables.js';

export type TemplateRow = Selectable<PhishingTemplatesTable>;
export type TemplateTextRow = Selectable<PhishingTemplateTextsTable>;
export type TemplateWithTexts = TemplateRow & { texts: TemplateTextRow[] };
/** What a list needs of each text: the title and subject in each language. */
export type TemplateListText = Pick<TemplateTextRow, 'language' | 'title' | 'subject'>;
export type TemplateListRow = TemplateRow & { texts: TemplateListText[] };

/** A landing page the organization may point a template at: catalogue or own, not archived. */
export async function usableLandingPage(db: Executor, organizationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('phishing_landing_pages')
    .select('id')
    .where('id', '=', id)
    .where('archived', '=', 0)
    .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
    .executeTakeFirst();
  return row !== undefined;
}
