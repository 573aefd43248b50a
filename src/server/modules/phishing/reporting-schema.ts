import { z } from 'zod';
import { fromJson } from '../../db/dialect.js';
import { orgCampaignParams } from './campaign-schema.js';
import type { PhishingReportsTable } from './tables.js';

export const reportParams = orgCampaignParams;
export const reportsParams = orgCampaignParams.pick({ orgId: true });

export const reportVerdicts = ['pending', 'phishing', 'spam', 'legitimate'] as const;
export const decidedVerdicts = ['phishing', 'spam', 'legitimate'] as const;

export const reportsQuery = z.object({
  verdict: z.enum(reportVerdicts).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ReportsQuery = z.infer<typeof reportsQuery>;

export const decisionBody = z.object({
  verdict: z.enum(decidedVerdicts),
  note: z
    .string()
    .max(2000)
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character')
    .optional(),
  sendFeedback: z.boolean().default(false),
});
export type DecisionInput = z.infer<typeof decisionBody>;

export const reportSchema = z.object({
  id: z.string(),
  source: z.enum(['smtp', 'imap', 'link']),
  reporterEmail: z.string().nullable(),
  subject: z.string(),
  fromAddress: z.string(),
  excerpt: z.string(),
  urls: z.array(z.string()),
  rawSize: z.number().int(),
  verdict: z.enum(['simulation', ...reportVerdicts]),
  note: z.string().nullable(),
  decidedAt: z.string().nullable(),
  feedbackSentAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const reportPageSchema = z.object({
  items: z.array(reportSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export function presentReport(r: PhishingReportsTable): ReportDto {
  return {
    id: r.id,
    source: r.source,
    reporterEmail: r.reporter_email,
    subject: r.subject,
    fromAddress: r.from_address,
    excerpt: r.excerpt,
    urls: fromJson<string[]>(r.urls, []),
    rawSize: Number(r.raw_size),
    verdict: r.verdict,
    note: r.note,
    decidedAt: r.decided_at,
    feedbackSentAt: r.feedback_sent_at,
    receivedAt: r.received_at,
  };
}
