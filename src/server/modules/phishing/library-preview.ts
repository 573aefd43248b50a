import type { Executor } from '../identity/shared.js';
import type { Language } from './library-schema.js';
import { type PlaceholderValues, renderPlaceholders, unknownPlaceholders } from './placeholders.js';
import { sanitizeEmailHtml, sanitizeLandingHtml } from './sanitize.js';

/**
 * A made-up person of the organization, so the editor shows what a recipient would read. The link
 * goes nowhere (`#`) and there is no tracking image: a preview records nothing.
 */
async function sampleValues(db: Executor, organizationId: string, language: Language, reportAddress: string, now: Date) {
  const org = await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst();
  const fr = language === 'fr';
  const values: PlaceholderValues = {
    firstName: 'Camille',
    lastName: 'Martin',
    email: 'camille.martin@exemple.fr',
    service: fr ? 'Urgences' : 'Emergency department',
    site: fr ? 'Site principal' : 'Main site',
    organization: org?.name ?? '',
    jobTitle: fr ? 'Infirmière' : 'Nurse',
    link: '#',
    trackingImage: '',
    senderDomain: 'exemple.fr',
    today: now.toLocaleDateString(fr ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }),
    reportAddress,
  };
  return values;
}

export interface PreviewInput {
  db: Executor;
  organizationId: string;
  language: Language;
  reportAddress: string;
  now: Date;
}

/** A template's subject and body, cleaned and rendered; unknown placeholders are listed, not refused. */
export async function previewTemplate(p: PreviewInput, subject: string, html: string) {
  const values = await sampleValues(p.db, p.organizationId, p.language, p.reportAddress, p.now);
  return {
    subject: renderPlaceholders(subject, values, 'text'),
    html: renderPlaceholders(sanitizeEmailHtml(html), values, 'html'),
    unknownPlaceholders: [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(html)])],
  };
}

export async function previewLanding(p: PreviewInput, html: string) {
  const values = await sampleValues(p.db, p.organizationId, p.language, p.reportAddress, p.now);
  return { html: renderPlaceholders(sanitizeLandingHtml(html), values, 'html'), unknownPlaceholders: unknownPlaceholders(html) };
}
