import MailComposer from 'nodemailer/lib/mail-composer';
import { newId } from '../../../platform/ids.js';
import { escapeHtml, type PlaceholderValues, renderPlaceholders } from '../placeholders.js';

/** What one simulation email is made of: the template's text, the profile, the recipient. */
export interface SimulationEmail {
  campaignId: string;
  token: string;
  /** Where links point: PUBLIC_BASE_URL (or http://HOST:PUBLIC_PORT). */
  baseUrl: string;
  language: 'fr' | 'en';
  template: { fromName: string; fromLocalPart: string; subject: string; html: string };
  profile: { fromName: string; fromAddress: string; timeZone: string; extraHeaders: Array<{ name: string; value: string }> };
  recipient: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    service: string | null;
    site: string | null;
    jobTitle: string | null;
    organization: string;
  };
  reportAddress: string;
  now: Date;
}

export interface BuiltEmail {
  raw: Buffer;
  messageId: string;
  /** The envelope sender (MAIL FROM): the profile's own address, where bounces go. */
  envelopeFrom: string;
}

/** Headers a profile may not set: ours, or the ones that would break the message. */
const RESERVED = /^(from|to|cc|bcc|subject|date|message-id|mime-version|content-.*|x-rempart-.*|return-path|sender)$/i;
const HEADER_NAME = /^[!-9;-~]+$/;

export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** The three links of a recipient (docs/api-phishing.md, "Links in emails"). */
export function trackingLinks(baseUrl: string, token: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return { click: `${base}/c/${token}`, open: `${base}/o/${token}.gif`, report: `${base}/r/${token}` };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Building a formatter costs more than the rest of an email: one per language and time zone. */
function dateFormat(language: 'fr' | 'en', timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  const f = dateFormats.get(key) ?? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone });
  dateFormats.set(key, f);
  return f;
}

/** The placeholder values of one recipient (docs/phishing-content: the closed list of names). */
export function placeholderValues(e: SimulationEmail): PlaceholderValues & { reportLink: string } {
  const links = trackingLinks(e.baseUrl, e.token);
  return {
    firstName: e.recipient.firstName ?? '',
    lastName: e.recipient.lastName ?? '',
    email: e.recipient.email,
    service: e.recipient.service ?? '',
    site: e.recipient.site ?? '',
    organization: e.recipient.organization,
    jobTitle: e.recipient.jobTitle ?? '',
    link: escapeHtml(links.click),
    trackingImage: `<img src="${escapeHtml(links.open)}" width="1" height="1" alt="" style="border:0;display:block">`,
    senderDomain: domainOf(e.profile.fromAddress),
    today: dateFormat(e.language, e.profile.timeZone).format(e.now),
    reportAddress: e.reportAddress,
    reportLink: escapeHtml(links.report),
  };
}

/** The MIME message (nodemailer's MailComposer): HTML and a text part derived from it. */
export async function buildSimulationEmail(e: SimulationEmail): Promise<BuiltEmail> {
  const values = placeholderValues(e);
  const links = trackingLinks(e.baseUrl, e.token);
  const textValues = { ...values, link: links.click, reportLink: links.report, trackingImage: '' };
  const domain = domainOf(e.profile.fromAddress);
  const fromName = renderPlaceholders(e.template.fromName || e.profile.fromName, textValues, 'text');
  const html = renderPlaceholders(e.template.html, values, 'html');
  const messageId = `<${newId()}@${domain}>`;
  // The report-link page travels in a header too, for add-ins and for reports forwarded as attachments.
  const headers: Array<{ key: string; value: string }> = [
    { key: 'X-Rempart-Simulation', value: e.campaignId },
    { key: 'X-Rempart-Report', value: trackingLinks(e.baseUrl, e.token).report },
  ];
  for (const h of e.profile.extraHeaders) {
    if (HEADER_NAME.test(h.name) && !RESERVED.test(h.name)) headers.push({ key: h.name, value: h.value.replace(/[\r\n]+/g, ' ') });
  }
  const composer = new MailComposer({
    from: { name: fromName, address: `${e.template.fromLocalPart}@${domain}` },
    to: e.recipient.email,
    subject: renderPlaceholders(e.template.subject, textValues, 'text'),
    messageId,
    date: e.now,
    html,
    text: htmlToText(html),
    headers,
    envelope: { from: e.profile.fromAddress, to: e.recipient.email },
  });
  const raw = await composer.compile().build();
  return { raw, messageId, envelopeFrom: e.profile.fromAddress };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * The plain-text alternative of an email body: blocks become lines, links keep their address
 * ("label (url)") so a text-only reader still meets the same lure and the same tracked link.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, _q, dq?: string, sq?: string, label = '') => {
      // Entities are decoded once, at the end, with the rest of the text.
      const url = (dq ?? sq ?? '').trim();
      const shown = label.replace(/<[^>]*>/g, '').trim();
      return !shown || shown === url ? url : `${shown} (${url})`;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|tr|h[1-6]|li|ul|ol|table|blockquote)\s*>/gi, '\n\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
