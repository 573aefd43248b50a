import type { Db } from '../../db/index.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

// Learning emails, French then English in one message like the sign-in link (platform/mail/templates.ts):
// most people of the directory never chose a language. Never a score in any of them.

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Due dates as people read them where the hospitals are (Paris time). */
export const formatDay = (iso: string, locale: 'fr' | 'en'): string =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

function bilingual(to: string, subject: string, fr: string[], en: string[], link: string): MailMessage {
  const text = [...fr, '', '---', '', ...en, ''].join('\n');
  const paragraphs = (lines: string[]) =>
    lines
      .filter((l) => l !== '')
      .map((l) => (l === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
      .join('\n');
  const html = `<!doctype html><html lang="fr"><body>\n${paragraphs(fr)}\n<hr>\n<div lang="en">\n${paragraphs(en)}\n</div></body></html>`;
  return { to, subject, text, html };
}

export interface DueModule {
  titleFr: string;
  titleEn: string;
  durationMinutes: number;
  dueAt: string;
}

/** To a learner whose modules are due within three days (or already late). */
export function reminderEmail(input: { to: string; displayName: string; modules: DueModule[]; link: string }): MailMessage {
  const { modules, link } = input;
  const one = modules.length === 1 ? modules[0] : undefined;
  const subject = one
    ? `Rappel : votre module de ${one.durationMinutes} minutes est à faire / Reminder: your ${one.durationMinutes}-minute module is due`
    : `Rappel : ${modules.length} modules de sensibilisation à faire / Reminder: ${modules.length} awareness modules are due`;
  const fr = [
    `Bonjour ${input.displayName},`,
    '',
    one
      ? `Votre module de ${one.durationMinutes} minutes « ${one.titleFr} » est à faire avant le ${formatDay(one.dueAt, 'fr')}.`
      : 'Ces modules de sensibilisation sont à faire :',
    ...(one ? [] : modules.map((m) => `- « ${m.titleFr} » (${m.durationMinutes} min), avant le ${formatDay(m.dueAt, 'fr')}`)),
    '',
    'Quelques minutes suffisent, depuis un ordinateur ou un téléphone :',
    link,
  ];
  const en = [
    `Hello ${input.displayName},`,
    '',
    one
      ? `Your ${one.durationMinutes}-minute module "${one.titleEn}" is due by ${formatDay(one.dueAt, 'en')}.`
      : 'These awareness modules are due:',
    ...(one ? [] : modules.map((m) => `- "${m.titleEn}" (${m.durationMinutes} min), by ${formatDay(m.dueAt, 'en')}`)),
    '',
    'It takes a few minutes, from a computer or a phone:',
    link,
  ];
  return bilingual(input.to, subject, fr, en, link);
}

export interface OverdueItem {
  personName: string;
  titleFr: string;
  titleEn: string;
  dueAt: string;
}

/** To the manager of a service: who is late on which module (names and dates, never a score). */
export function escalationEmail(input: { to: string; managerName: string; items: OverdueItem[]; link: string }): MailMessage {
  const { items, link } = input;
  const fr = [
    `Bonjour ${input.managerName},`,
    '',
    "Dans votre service, ces modules de sensibilisation n'ont pas été faits à la date prévue :",
    ...items.map((i) => `- ${i.personName} : « ${i.titleFr} », prévu pour le ${formatDay(i.dueAt, 'fr')}`),
    '',
    "Un mot de votre part aide souvent : le module prend quelques minutes. Vous pouvez suivre l'avancement du service ici :",
    link,
  ];
  const en = [
    `Hello ${input.managerName},`,
    '',
    'In your service, these awareness modules were not done by their due date:',
    ...items.map((i) => `- ${i.personName}: "${i.titleEn}", due ${formatDay(i.dueAt, 'en')}`),
    '',
    "A word from you often helps: the module takes a few minutes. You can follow your service's progress here:",
    link,
  ];
  const subject = 'Modules de sensibilisation en retard dans votre service / Overdue awareness modules in your service';
  return bilingual(input.to, subject, fr, en, link);
}

/** A flash alert about a current threat: its own words (one language), framed in both. */
export function flashAlertEmail(input: { to: string; displayName: string; title: string; summary: string; link: string }): MailMessage {
  const { link } = input;
  const fr = [
    `Bonjour ${input.displayName},`,
    '',
    `Alerte de sécurité : ${input.title}`,
    '',
    input.summary,
    '',
    'Lisez l’alerte complète (moins de deux minutes) et confirmez que vous l’avez lue :',
    link,
  ];
  const en = [
    `Hello ${input.displayName},`,
    '',
    `Security alert: ${input.title}`,
    '',
    'Read the full alert (under two minutes) and confirm you have read it:',
    link,
  ];
  return bilingual(input.to, `Alerte sécurité / Security alert : ${input.title}`, fr, en, link);
}

/** Titles in both languages (a module may have only one: the other falls back to it). */
export async function moduleTitles(db: Db, moduleIds: string[]): Promise<Map<string, { fr: string; en: string }>> {
  const map = new Map<string, { fr: string; en: string }>();
  if (moduleIds.length === 0) return map;
  const rows = await db
    .selectFrom('learning_module_texts')
    .select(['module_id', 'language', 'title'])
    .where('module_id', 'in', [...new Set(moduleIds)])
    .execute();
  for (const id of new Set(moduleIds)) {
    const fr = rows.find((r) => r.module_id === id && r.language === 'fr')?.title;
    const en = rows.find((r) => r.module_id === id && r.language === 'en')?.title;
    map.set(id, { fr: fr ?? en ?? '', en: en ?? fr ?? '' });
  }
  return map;
}
