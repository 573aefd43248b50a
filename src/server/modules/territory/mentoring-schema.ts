import { z } from 'zod';
import { organizationKinds } from '../identity/domain.js';
import { idText } from './sharing-schema.js';
import { goalStatuses } from './tables.js';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

export const territoryParams = z.object({ territoryId: idText() });
export const mentorParams = z.object({ territoryId: idText(), mentorId: idText() });
export const pairingParams = z.object({ territoryId: idText(), pairingId: idText() });
export const goalParams = pairingParams.extend({ goalId: idText() });
export const sessionParams = pairingParams.extend({ sessionId: idText() });
export const menteeParams = z.object({ orgId: idText() });

export const MAX_CAPACITY = 20;
const capacity = z.number().int().min(1).max(MAX_CAPACITY);

export const offerMentorBody = z
  .object({ accountId: idText(), capacity: capacity.default(3).describe('most mentees at once (default 3)') })
  .strict();
export type OfferMentorInput = z.infer<typeof offerMentorBody>;
export const updateMentorBody = z
  .object({ capacity: capacity.optional(), active: z.boolean().optional().describe('false: no new pairing; current ones go on') })
  .strict();
export type UpdateMentorInput = z.infer<typeof updateMentorBody>;

const orgRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(organizationKinds) });

export const mentorSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  email: z.string(),
  organization: orgRef,
  capacity: z.number().int(),
  activeMentees: z.number().int(),
  capacityLeft: z.number().int(),
  active: z.boolean(),
  fromLead: z.boolean().describe('false once the organization is no longer a lead: no new pairing'),
});
export type MentorDto = z.infer<typeof mentorSchema>;
export const mentorListSchema = z.object({ items: z.array(mentorSchema) });
export const mentorCandidatesSchema = z.object({
  items: z.array(z.object({ accountId: z.string(), name: z.string(), email: z.string(), organizationName: z.string() })),
});

export const suggestionsQuery = z.object({ organizationId: idText() });
export const suggestionsSchema = z.object({
  mentee: orgRef,
  items: z.array(mentorSchema.extend({ sameKind: z.boolean() })).describe('best first'),
});

export const createPairingBody = z.object({ mentorId: idText(), organizationId: idText() }).strict();
export type CreatePairingInput = z.infer<typeof createPairingBody>;
export const endPairingBody = z.object({ note: text(2000).optional() }).strict();
export type EndPairingInput = z.infer<typeof endPairingBody>;
export const pairingsQuery = z.object({ state: z.enum(['active', 'ended', 'all']).default('active') });
export type PairingsQuery = z.infer<typeof pairingsQuery>;

export const goalSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(goalStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const sessionSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  durationMinutes: z.number().int(),
  notes: z.string(),
  nextSteps: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const pairingSchema = z.object({
  id: z.string(),
  territoryId: z.string(),
  mentor: z.object({ id: z.string(), accountId: z.string(), displayName: z.string(), email: z.string(), organization: orgRef }),
  mentee: orgRef,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endNote: z.string().nullable(),
});
export type PairingDto = z.infer<typeof pairingSchema>;
export const pairingListSchema = z.object({ items: z.array(pairingSchema) });

export const planSchema = pairingSchema.extend({
  goals: z.array(goalSchema),
  sessions: z.array(sessionSchema).describe('most recent first'),
  canWrite: z.boolean().describe("the mentor and the mentee's admins write; coordinators read"),
});
export type PlanDto = z.infer<typeof planSchema>;
export const planListSchema = z.object({ items: z.array(planSchema) });

export const goalBody = z.object({ text: text(500).trim().min(1), status: z.enum(goalStatuses).default('planned') }).strict();
export type GoalInput = z.infer<typeof goalBody>;
export const goalPatch = z.object({ text: text(500).trim().min(1).optional(), status: z.enum(goalStatuses).optional() }).strict();
export type GoalPatch = z.infer<typeof goalPatch>;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar day YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real day');
export const sessionBody = z
  .object({
    heldOn: day,
    durationMinutes: z.number().int().min(5).max(600),
    notes: text(10_000).default(''),
    nextSteps: text(4000).default(''),
  })
  .strict();
export type SessionInput = z.infer<typeof sessionBody>;
export const sessionPatch = z
  .object({
    heldOn: day.optional(),
    durationMinutes: z.number().int().min(5).max(600).optional(),
    notes: text(10_000).optional(),
    nextSteps: text(4000).optional(),
  })
  .strict();
export type SessionPatch = z.infer<typeof sessionPatch>;
