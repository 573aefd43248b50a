import { z } from 'zod';
import { clauseTriggers } from './contracts-schema.js';
import { day } from './register-schema.js';

const auditKinds = ['scheduled', 'triggered', 'extra'] as const;
const states = ['due', 'planned', 'open', 'submitted', 'in_review', 'remediation'] as const;

export const calendarQuery = z.object({ from: day.optional(), to: day.optional() });

export const calendarItemSchema = z.object({
  /** "due": computed from the clause, no audit yet; otherwise the status of the audit already there. */
  state: z.enum(states),
  kind: z.enum(auditKinds),
  auditId: z.string().nullable(),
  title: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  contractId: z.string().nullable(),
  contractReference: z.string().nullable(),
  supplierId: z.string(),
  supplierName: z.string(),
  frequencyMonths: z.number().int().nullable(),
  noticeDays: z.number().int().nullable(),
  gridId: z.string().nullable(),
  lastClosedOn: z.string().nullable(),
  /** When the calendar job creates the planned audit (due date − notice − 30 days). */
  planFrom: z.string().nullable(),
  triggerReason: z.string().nullable(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;

export const calendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  upcoming: z.array(calendarItemSchema),
  overdue: z.array(calendarItemSchema),
});
export type CalendarDto = z.infer<typeof calendarSchema>;

export const triggeredAuditSchema = z.object({
  id: z.string(),
  kind: z.enum(auditKinds),
  status: z.string(),
  dueOn: z.string(),
  title: z.string(),
  contractId: z.string().nullable(),
  supplierId: z.string(),
  gridId: z.string(),
  triggerReason: z.string().nullable(),
  reason: z.enum(clauseTriggers),
});
