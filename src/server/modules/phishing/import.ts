import type { Message } from '../../platform/errors.js';
import { escapeHtml, isPlaceholder } from './placeholders.js';

/**
 * Reading the JSON exports of the best-known open phishing tool (docs/api-phishing.md, "Import").
 * Pure functions: each exported item becomes our input, or a skip naming the field and the reason.
 * The writes (and the checks shared with the editor) are in import-service.ts.
 */

export interface ImportNote {
  /** The item's name (or the email of a group member). */
  name: string;
  /** The field of the exported item, as that tool names it. */
  field: string;
  reason: Message;
}

export type Mapped<T> = { ok: true; value: T; warnings: ImportNote[] } | { ok: false; skip: ImportNote };

// Their variables, written {{.Name}}, and ours. {{.From}} is handled apart (see mapPlaceholders).
const variables: Record<string, string> = {
  FirstName: 'firstName',
  LastName: 'lastName',
  Email: 'email',
  Position: 'jobTitle',
  URL: 'link',
  Tracker: 'trackingImage',
};

const anyBraces = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Rewrites their placeholders into ours. {{.From}} has no equivalent variable (the sender comes
 * from the sending profile): it becomes the sender's name as plain text. Anything else (their
 * {{.RId}}, {{.TrackingURL}}, {{.BaseURL}}, template logic such as {{if}}) cannot be kept faithfully:
 * it is listed, and the caller skips the item.
 */
export function mapPlaceholders(text: string, fromName: string, mode: 'html' | 'text'): { text: string; unsupported: string[] } {
  const unsupported: string[] = [];
  const out = text.replace(anyBraces, (whole, inner: string) => {
    if (inner.startsWith('.') && variables[inner.slice(1)]) return `{{${variables[inner.slice(1)]}}}`;
    if (inner === '.From') return mode === 'html' ? escapeHtml(fromName) : fromName;
    if (isPlaceholder(inner)) return `{{${inner}}}`;
    unsupported.push(whole);
    return whole;
  });
  return { text: out, unsupported: [...new Set(unsupported)] };
}

export const note = (name: string, field: string, fr: string, en: string): ImportNote => ({ name, field, reason: { fr, en } });

export function unsupportedNote(name: string, field: string, found: string[]): ImportNote {
  const list = found.slice(0, 5).join(', ');
  return note(
    name,
    field,
    `Variable sans équivalent dans Rempart : ${list}. Remplacez-la ou retirez-la avant l’import.`,
    `Placeholder with no Rempart equivalent: ${list}. Replace or remove it before importing.`,
  );
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The exported data: one object or an array of them. */
export function itemsOf(data: unknown): unknown[] {
  return Array.isArray(data) ? data : [data];
}

/** The name an item is reported under, even when it is malformed. */
export function nameOf(item: unknown, index: number): string {
  const name = isObject(item) ? str(item.name).trim() : '';
  return name || `#${index + 1}`;
}

/** "Jeanne Dupont <j.dupont@example.org>", "<a@b.c>" or "a@b.c". */
export function parseMailbox(raw: string): { name: string; address: string } {
  const m = raw.trim().match(/^"?([^"<]*?)"?\s*<([^<>]+)>$/);
  if (m) return { name: (m[1] ?? '').trim(), address: (m[2] ?? '').trim().toLowerCase() };
  return { name: '', address: raw.trim().toLowerCase() };
}

/** "smtp.example.org:587", "[2001:db8::1]:25", "10.0.0.5" (no port: null). */
export function parseHostPort(raw: string): { host: string; port: number | null } {
  const s = raw.trim();
  const v6 = s.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : null };
  const m = s.match(/^([^:]+):(\d+)$/);
  if (m) return { host: m[1]!, port: Number(m[2]) };
  return { host: s, port: null };
}

/** A text-only email turned into HTML: paragraphs, and the link made clickable. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n')
    .replaceAll('{{link}}', '<a href="{{link}}">{{link}}</a>');
}

/** The landing page kind that best fits an exported page: a password field means a sign-in page. */
export function guessLandingKind(html: string): 'sign-in' | 'webmail' | 'file-share' | 'attachment' {
  const h = html.toLowerCase();
  const password = /type\s*=\s*["']?password/.test(h);
  if (password && /webmail|outlook|messagerie|owa|roundcube|zimbra/.test(h)) return 'webmail';
  if (password && /onedrive|sharepoint|dropbox|partage|share/.test(h)) return 'file-share';
  if (password) return 'sign-in';
  if (/download|télécharger|telecharger|pièce jointe|piece jointe|attachment|\.pdf|\.docx?/.test(h)) return 'attachment';
  return 'sign-in';
}
