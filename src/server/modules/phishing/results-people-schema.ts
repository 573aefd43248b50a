import { z } from 'zod';

// Per-person phishing results (phishing.individual: security admins of the organization only).

const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(25);

export const recipientOutcomes = ['clicked', 'submitted', 'reported', 'none'] as const;
export type RecipientOutcome = (typeof recipientOutcomes)[number];

const recipientSorts = ['name', 'service', 'sentAt', 'openedAt', 'clickedAt', 'submittedAt', 'reportedAt'] as const;
export type RecipientSortKey = (typeof recipientSorts)[number];

export const recipientsQuery = z.object({
  q: text().trim().max(200).optional(),
  outcome: z.enum(recipientOutcomes).optional(),
  sort: z.enum([...recipientSorts, ...recipientSorts.map((s) => `-${s}` as `-${RecipientSortKey}`)]).default('name'),
  page,
  pageSize,
});
export type RecipientsQuery = z.infer<typeof recipientsQuery>;

const instant = z.string().nullable();

export const recipientResultSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  service: z.string().nullable(),
  status: z.string(),
  sentAt: instant,
  deliveredAt: instant,
  openedAt: instant,
  /** Human clicks only: a link checker's click never sets it. */
  clickedAt: instant,
  submittedAt: instant,
  reportedAt: instant,
  /** A security tool opened or clicked for this person (those events count nowhere else). */
  scannerFlagged: z.boolean(),
});
export type RecipientResult = z.infer<typeof recipientResultSchema>;

export const recipientsPageSchema = z.object({
  items: z.array(recipientResultSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const repeatClickersQuery = z.object({
  q: text().trim().max(200).optional(),
  /** People who clicked in at least this many campaigns (2 by default). */
  minCampaigns: z.coerce.number().int().min(2).max(100).default(2),
  sort: z.enum(['-campaigns', 'campaigns', '-lastClickedAt', 'lastClickedAt', 'name', '-name']).default('-campaigns'),
  page,
  pageSize,
});
export type RepeatClickersQuery = z.infer<typeof repeatClickersQuery>;

export const repeatClickerSchema = z.object({
  personId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  service: z.string().nullable(),
  active: z.boolean(),
  /** Campaigns in which this person clicked (human clicks). */
  campaigns: z.number().int(),
  /** Campaigns that reached this person with their identity kept (not anonymous, not purged). */
  received: z.number().int(),
  lastClickedAt: z.string(),
});
export type RepeatClicker = z.infer<typeof repeatClickerSchema>;

export const repeatClickersPageSchema = z.object({
  items: z.array(repeatClickerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
