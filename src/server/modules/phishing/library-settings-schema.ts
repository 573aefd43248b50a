import { z } from 'zod';
import { territoryKinds } from '../identity/domain.js';
import { id, line, text } from './library-schema.js';

// Per-organization phishing settings and the campaign mandates given to territories
// (docs/api-phishing.md, "Library").

const hostname = text()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address');

export const imapBody = z.object({
  host: hostname,
  port: z.number().int().min(1).max(65535),
  tls: z.boolean().default(true),
  username: line(254),
  password: text().max(1000).optional().describe('write-only; omitted: unchanged'),
  folder: line(200).default('INBOX'),
});

export const settingsBody = z.object({
  anonymousDefault: z.boolean(),
  retentionDays: z.number().int().min(30).max(1825),
  transparencyNote: text().trim().max(4000).default(''),
  imap: imapBody.nullable().describe('the mailbox polled for reports; null: none'),
});
export type SettingsInput = z.infer<typeof settingsBody>;

export const settingsSchema = z.object({
  anonymousDefault: z.boolean(),
  retentionDays: z.number().int(),
  transparencyNote: z.string(),
  reportAddress: z.string().describe('read-only: REPORT_ADDRESS of the server'),
  imap: z
    .object({
      host: z.string(),
      port: z.number().int(),
      tls: z.boolean(),
      username: z.string(),
      hasPassword: z.boolean(),
      folder: z.string(),
      status: z
        .object({
          lastPolledAt: z.string().nullable(),
          lastSuccessAt: z.string().nullable(),
          lastError: z
            .object({ kind: z.enum(['connect', 'tls', 'auth', 'folder', 'fetch', 'message']), detail: z.string(), at: z.string() })
            .nullable(),
        })
        .describe('how the last reads of the mailbox went (reporting/imap-poll.ts)'),
    })
    .nullable(),
  updatedAt: z.string().nullable().describe('null: never saved, defaults shown'),
});
export type SettingsDto = z.infer<typeof settingsSchema>;

export const mandateParams = z.object({ orgId: id, territoryId: id });
export const orgMandateSchema = z.object({
  territoryId: z.string(),
  name: z.string(),
  kind: z.enum(territoryKinds),
  granted: z.boolean(),
  grantedAt: z.string().nullable(),
});
export type OrgMandateDto = z.infer<typeof orgMandateSchema>;
export const orgMandateListSchema = z.object({
  items: z.array(orgMandateSchema).describe('every territory the organization belongs to, with or without a mandate'),
});
