import { isIP } from 'node:net';
import { z } from 'zod';
import { line, pageOf, pagingQuery, text } from './library-schema.js';

// Sending profiles (docs/api-phishing.md, "Library"): the SMTP server a campaign sends through,
// its sender, its pace and the hours it may send in.

export const tlsModes = ['none', 'starttls', 'tls'] as const;

const hostname = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const email = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Headers the sender writes itself; a profile may not override them. */
export const reservedHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'return-path',
  'sender',
  'received',
  'dkim-signature',
  'x-rempart-simulation',
]);

export const extraHeaderSchema = z.object({
  name: text()
    .trim()
    .min(1)
    .max(76)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and - only')
    .refine((n) => !reservedHeaders.has(n.toLowerCase()) && !n.toLowerCase().startsWith('content-'), 'this header is set by Rempart'),
  value: line(998),
});

export const emailAddress = text().trim().toLowerCase().max(254).regex(email, 'must be an email address');

export const profileBody = z
  .object({
    name: line(200),
    host: text()
      .trim()
      .max(253)
      .refine((h) => hostname.test(h) || isIP(h) !== 0, 'must be a host name or an IP address (no scheme, no port)'),
    port: z.number().int().min(1).max(65535),
    tlsMode: z.enum(tlsModes).describe('none: plain; starttls: required upgrade; tls: implicit TLS (465)'),
    username: text().trim().max(254).nullable().optional(),
    password: text().max(1000).nullable().optional().describe('write-only; omitted on update: unchanged; null: removed'),
    fromName: line(120),
    fromAddress: emailAddress,
    ratePerMinute: z.number().int().min(1).max(6000),
    windowDays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .transform((days) => [...new Set(days)].sort())
      .describe('ISO weekdays, 1 = Monday'),
    windowStart: z.string().regex(clock, 'must be HH:MM'),
    windowEnd: z.string().regex(clock, 'must be HH:MM'),
    timeZone: text().max(64).refine(validTimeZone, 'must be an IANA time zone such as Europe/Paris'),
    extraHeaders: z.array(extraHeaderSchema).max(20).default([]),
  })
  .refine((p) => p.windowStart < p.windowEnd, { message: 'must be after windowStart', path: ['windowEnd'] });
export type ProfileInput = z.infer<typeof profileBody>;

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tlsMode: z.enum(tlsModes),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  fromName: z.string(),
  fromAddress: z.string(),
  ratePerMinute: z.number().int(),
  windowDays: z.array(z.number().int()),
  windowStart: z.string(),
  windowEnd: z.string(),
  timeZone: z.string(),
  extraHeaders: z.array(z.object({ name: z.string(), value: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileDto = z.infer<typeof profileSchema>;
export const profilePageSchema = pageOf(profileSchema);

export const profilesQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name'),
});
export type ProfilesQuery = z.infer<typeof profilesQuery>;

export const profileTestBody = z.object({ to: emailAddress });
export const profileTestSchema = z.object({ ok: z.boolean(), message: z.string() });
