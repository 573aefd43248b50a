import { type ParsedMail, simpleParser } from 'mailparser';
import { attachedMessageParts } from './mime-parts.js';

/** Our links carry the token after /c/, /r/ or /o/ (tokens.ts: 22 base64url characters). */
const TOKEN_IN_LINK = /\/[cro]\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g;
const URL_IN_TEXT = /https?:\/\/[^\s"'<>()]+/g;
const MAX_URLS = 50;
const MAX_NESTING = 3;

export interface ReportedMessage {
  reporterEmail: string | null;
  /** The message the reporter is worried about: the attached one, else the report itself. */
  subject: string;
  fromAddress: string;
  excerpt: string;
  urls: string[];
  /** Candidate tokens, to be checked by hash: a forged one is only a string. */
  tokens: string[];
}

function firstAddress(m: ParsedMail): string | null {
  const from = m.from?.value[0]?.address;
  return from ? from.trim().toLowerCase() : null;
}

function headerText(m: ParsedMail, name: string): string {
  const v = m.headers.get(name);
  return typeof v === 'string' ? v : '';
}

function bodies(m: ParsedMail): string {
  return [m.text ?? '', typeof m.html === 'string' ? m.html : '', headerText(m, 'x-rempart-report')].join('\n');
}

/** Forwarded messages arrive as message/rfc822 parts (or .eml files): each is parsed in turn. */
async function attachedMessages(raw: Buffer, depth: number): Promise<ParsedMail[]> {
  if (depth >= MAX_NESTING) return [];
  const found: ParsedMail[] = [];
  for (const part of attachedMessageParts(raw)) found.push(await simpleParser(part), ...(await attachedMessages(part, depth + 1)));
  return found;
}

export async function parseReported(raw: Buffer): Promise<ReportedMessage> {
  const outer = await simpleParser(raw);
  const inner = await attachedMessages(raw, 0);
  const all = [outer, ...inner];
  const tokens = new Set<string>();
  const urls = new Set<string>();
  for (const m of all) {
    const text = bodies(m);
    for (const match of text.matchAll(TOKEN_IN_LINK)) if (match[1]) tokens.add(match[1]);
    for (const match of text.matchAll(URL_IN_TEXT)) if (urls.size < MAX_URLS) urls.add(match[0].replace(/[.,;]+$/, ''));
  }
  const suspicious = inner[0] ?? outer;
  const excerptSource = suspicious.text ?? (typeof suspicious.html === 'string' ? suspicious.html.replace(/<[^>]*>/g, ' ') : '');
  return {
    reporterEmail: firstAddress(outer),
    subject: (suspicious.subject ?? '').slice(0, 500),
    fromAddress: (firstAddress(suspicious) ?? '').slice(0, 320),
    excerpt: excerptSource.trim().slice(0, 2000),
    urls: [...urls],
    tokens: [...tokens],
  };
}
