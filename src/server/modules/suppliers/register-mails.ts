import type { MailMessage } from '../../platform/mail/mailer.js';
import type { Executor } from '../identity/shared.js';

// Emails of the register and the calendar to an organization's admins, French then English in
// one message like the other modules' emails (platform/mail/templates.ts).

/** French typography: a non-breaking space before « : ». */
const nbsp = (line: string): string => line.replace(/ :/g, '\u00a0:');

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** "2027-03-01" as people read it there. */
export const formatDay = (day: string, locale: 'fr' | 'en'): string =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

function bilingual(to: string, subject: string, frLines: string[], en: string[], link: string): MailMessage {
  const fr = frLines.map(nbsp);
  const text = [...fr, '', link, '', '---', '', ...en, '', link, ''].join('\n');
  const p = (lines: string[]) =>
    lines
      .filter((l) => l !== '')
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('\n');
  const a = `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  const html = `<!doctype html><html lang="fr"><body>\n${p(fr)}\n${a}\n<hr>\n<div lang="en">\n${p(en)}\n${a}\n</div></body></html>`;
  return { to, subject, text, html };
}

/** Active accounts holding the organization admin role on each organization. */
export async function adminEmails(db: Executor, organizationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (organizationIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['g.scope_id', 'a.email'])
    .where('g.role', '=', 'org_admin')
    .where('g.scope_kind', '=', 'organization')
    .where('g.scope_id', 'in', [...new Set(organizationIds)])
    .where('a.active', '=', 1)
    .orderBy('a.email')
    .execute();
  for (const r of rows) out.set(r.scope_id, [...new Set([...(out.get(r.scope_id) ?? []), r.email])]);
  return out;
}

export interface ExpiringCertificate {
  supplierName: string;
  certificateNumber: string;
  certifyingBody: string;
  expiresOn: string;
  daysLeft: number;
}

/** 90 or 30 days before an HDS certificate expires (or once it has). */
export function hdsExpiryEmail(to: string, c: ExpiringCertificate, link: string): MailMessage {
  const expired = c.daysLeft < 0;
  const subject = expired
    ? `Certificat HDS expiré : ${c.supplierName} / HDS certificate expired: ${c.supplierName}`
    : `Certificat HDS de ${c.supplierName} : expiration dans ${c.daysLeft} jours / ${c.supplierName}'s HDS certificate expires in ${c.daysLeft} days`;
  const fr = [
    'Bonjour,',
    '',
    expired
      ? `Le certificat HDS n° ${c.certificateNumber} (${c.certifyingBody}) de ${c.supplierName} a expiré le ${formatDay(c.expiresOn, 'fr')}.`
      : `Le certificat HDS n° ${c.certificateNumber} (${c.certifyingBody}) de ${c.supplierName} expire le ${formatDay(c.expiresOn, 'fr')}.`,
    'Demandez au prestataire son certificat renouvelé et enregistrez-le dans le registre : sans certificat valide, il ne peut plus héberger vos données de santé.',
  ];
  const en = [
    'Hello,',
    '',
    expired
      ? `${c.supplierName}'s HDS certificate no. ${c.certificateNumber} (${c.certifyingBody}) expired on ${formatDay(c.expiresOn, 'en')}.`
      : `${c.supplierName}'s HDS certificate no. ${c.certificateNumber} (${c.certifyingBody}) expires on ${formatDay(c.expiresOn, 'en')}.`,
    'Ask the provider for its renewed certificate and record it in the register: without a valid certificate it may no longer host your health data.',
  ];
  return bilingual(to, subject, fr, en, link);
}

export interface NewlyPlannedAudit {
  supplierName: string;
  reference: string;
  dueOn: string;
  noticeDays: number;
}

/** The calendar planned audits: time to send the notice to the provider. */
export function auditsPlannedEmail(to: string, audits: NewlyPlannedAudit[], link: string): MailMessage {
  const subject =
    audits.length === 1
      ? `Audit à préparer : ${audits[0]!.supplierName} / Audit to prepare: ${audits[0]!.supplierName}`
      : `${audits.length} audits de prestataires à préparer / ${audits.length} provider audits to prepare`;
  const fr = [
    'Bonjour,',
    '',
    'Selon les clauses d’audit de vos contrats, ces audits de prestataires arrivent à échéance. Ils sont planifiés : ouvrez-les pour envoyer le préavis au prestataire.',
    ...audits.map(
      (a) =>
        `- ${a.supplierName} (contrat ${a.reference}) : audit prévu pour le ${formatDay(a.dueOn, 'fr')}, préavis de ${a.noticeDays} jours`,
    ),
  ];
  const en = [
    'Hello,',
    '',
    'According to the audit clauses of your contracts, these provider audits are falling due. They are planned: open them to send the notice to the provider.',
    ...audits.map(
      (a) => `- ${a.supplierName} (contract ${a.reference}): audit due on ${formatDay(a.dueOn, 'en')}, ${a.noticeDays} days' notice`,
    ),
  ];
  return bilingual(to, subject, fr, en, link);
}
