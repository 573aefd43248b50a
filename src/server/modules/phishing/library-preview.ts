import type { Executor } from '../identity/shared.js';
import type { Language } from './library-schema.js';
import { type PlaceholderValues, renderPlaceholders, unknownPlaceholders } from './placeholders.js';
import { sanitizeEmailHtml, sanitizeLandingHtml } from './sanitize.js';
import type { LibraryTenant } from './territory-scopes.js';

/**
 * A made-up person of the organization, so the editor shows what a recipient would read. The link
 * goes nowhere (`#`) and there is no tracking image: a preview records nothing.
 */
async function sampleValues(db: Executor, tenant: LibraryTenant, language: Language, reportAddress: string, now: Date) {
  // A territory's coordinators preview the catalogue for several members: the territory names it.
  const owner =
    tenant.kind === 'organization'
      ? await db.selectFrom('organizations').select('name').where('id', '=', tenant.id).executeTakeFirst()
      : await db.selectFrom('territories').select('name').where('id', '=', tenant.id).executeTakeFirst();
  const fr = language === 'fr';
  const values: PlaceholderValues = {
    firstName: 'Camille',
    lastName: 'Martin',
    email: 'camille.martin@exemple.fr',
    service: fr ? 'Urgences' : 'Emergency department',
    site: fr ? 'Site principal' : 'Main site',
    organization: owner?.name ?? '',
    jobTitle: fr ? 'Infirmière' : 'Nurse',
    link: '#',
    reportLink: '#',
    trackingImage: '',
    senderDomain: 'exemple.fr',
    today: now.toLocaleDateString(fr ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }),
    reportAddress,
  };
  return values;
}

export interface PreviewInput {
  db: Executor;
  tenant: LibraryTenant;
  language: Language;
  reportAddress: string;
  now: Date;
}

/** A template's subject and body, cleaned and rendered; unknown placeholders are listed, not refused. */
export async function previewTemplate(p: PreviewInput, subject: string, html: string) {
  const values = await sampleValues(p.db, p.tenant, p.language, p.reportAddress, p.now);
  return {
    subject: renderPlaceholders(subject, values, 'text'),
    html: renderPlaceholders(sanitizeEmailHtml(html), values, 'html'),
    unknownPlaceholders: [...new Set([...unknownPlaceholders(subject), ...unknownPlaceholders(html)])],
  };
}

export async function previewLanding(p: PreviewInput, html: string) {
  const values = await sampleValues(p.db, p.tenant, p.language, p.reportAddress, p.now);
  return { html: renderPlaceholders(sanitizeLandingHtml(html), values, 'html'), unknownPlaceholders: unknownPlaceholders(html) };
}
