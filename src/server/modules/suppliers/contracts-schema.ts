import { z } from 'zod';
import { day, idString, orgParams, text } from './register-schema.js';

/** Request and response shapes of contracts and their clauses (docs/api-suppliers.md). */

/** The clause checklist: GDPR art. 28(3) points (a) to (h), then the HDS and security clauses. */
export const clauseKeys = [
  'gdpr_28_a',
  'gdpr_28_b',
  'gdpr_28_c',
  'gdpr_28_d',
  'gdpr_28_e',
  'gdpr_28_f',
  'gdpr_28_g',
  'gdpr_28_h',
  'hds_certificate',
  'hds_activities_covered',
  'data_location_eea',
  'incident_notification',
  'reversibility',
  'subcontracting_authorisation',
  'audit',
] as const;
export type ClauseKey = (typeof clauseKeys)[number];
export const renewalKinds = ['none', 'tacit', 'explicit'] as const;
export const clausePayers = ['establishment', 'provider', 'provider_if_breach'] as const;
export const clauseTriggers = ['incident', 'breach', 'subcontractor_change'] as const;

export const contractParams = orgParams.extend({ contractId: idString });

export const clauseBody = z.object({
  key: z.enum(clauseKeys),
  present: z.boolean(),
  reference: text(100).default(''),
  note: text(2000).default(''),
});

export const auditClauseBody = z.object({
  frequencyMonths: z.number().int().min(1).max(60),
  gridId: idString,
  noticeDays: z.number().int().min(0).max(365),
  payer: z.enum(clausePayers),
  costCapEur: z.number().int().min(0).max(100_000_000).nullable().default(null),
  fixDeadlineDays: z.number().int().min(1).max(730),
  triggers: z
    .array(z.enum(clauseTriggers))
    .max(3)
    .default([])
    .transform((t) => [...new Set(t)]),
  hdsReportDelayDays: z.number().int().min(1).max(365).nullable().default(null),
});
export type AuditClauseInput = z.infer<typeof auditClauseBody>;

const contractShape = {
  reference: text(100).min(1),
  title: text(300).min(1),
  startsOn: day,
  endsOn: day.nullable(),
  renewal: z.enum(renewalKinds),
  noticeDays: z.number().int().min(0).max(730),
  incidentNotificationHours: z.number().int().min(1).max(8760).nullable(),
  clauses: z.array(clauseBody).max(clauseKeys.length),
  auditClause: auditClauseBody.nullable(),
};
export const createContractBody = z.object({
  ...contractShape,
  endsOn: contractShape.endsOn.default(null),
  renewal: contractShape.renewal.default('none'),
  noticeDays: contractShape.noticeDays.default(0),
  incidentNotificationHours: contractShape.incidentNotificationHours.default(null),
  clauses: contractShape.clauses.default([]),
  auditClause: contractShape.auditClause.default(null),
});
export type CreateContractInput = z.infer<typeof createContractBody>;
/** Absent fields keep their value; `clauses` updates the listed keys only; `auditClause: null` removes it. */
export const updateContractBody = z.object(contractShape).partial();
export type UpdateContractInput = z.infer<typeof updateContractBody>;

export const contractsQuery = z.object({
  supplierId: idString.optional(),
  status: z.enum(['active', 'ended', 'archived', 'all']).default('active'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ContractsQuery = z.infer<typeof contractsQuery>;

export const clauseSchema = z.object({ key: z.enum(clauseKeys), present: z.boolean(), reference: z.string(), note: z.string() });
export const auditClauseSchema = z.object({
  frequencyMonths: z.number().int(),
  gridId: z.string(),
  noticeDays: z.number().int(),
  payer: z.enum(clausePayers),
  costCapEur: z.number().nullable(),
  fixDeadlineDays: z.number().int(),
  triggers: z.array(z.enum(clauseTriggers)),
  hdsReportDelayDays: z.number().int().nullable(),
});
export type AuditClauseDto = z.infer<typeof auditClauseSchema>;

export const contractSchema = z.object({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  organizationId: z.string(),
  reference: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  renewal: z.enum(renewalKinds),
  noticeDays: z.number().int(),
  incidentNotificationHours: z.number().int().nullable(),
  archived: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractDto = z.infer<typeof contractSchema>;
export const contractPageSchema = z.object({
  items: z.array(contractSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const contractDetailSchema = contractSchema.extend({
  clauses: z.array(clauseSchema),
  auditClause: auditClauseSchema.nullable(),
});
export type ContractDetailDto = z.infer<typeof contractDetailSchema>;

export const triggeredAuditBody = z.object({ reason: z.enum(clauseTriggers), note: text(2000).default('') });
