import { z } from 'zod';
import { auditParams, day, orgParams } from './review-schema.js';

export const costParams = auditParams.extend({ costId: z.string().min(1) });

export const costBody = z.object({
  label: z.string().trim().min(1).max(200),
  amountCents: z.number().int().min(1).max(100_000_000_00),
  incurredOn: day,
});
export type CostInput = z.infer<typeof costBody>;

const payers = ['establishment', 'provider', 'provider_if_breach'] as const;

export const costSchema = z.object({
  id: z.string(),
  label: z.string(),
  amountCents: z.number(),
  incurredOn: z.string(),
  createdAt: z.string(),
});

export const auditCostsSchema = z.object({
  items: z.array(costSchema),
  split: z.object({
    payer: z.enum(payers),
    /** At least one finding of severity high or critical (what `provider_if_breach` looks at). */
    breach: z.boolean(),
    totalCents: z.number(),
    establishmentCents: z.number(),
    providerCents: z.number(),
    /** One line per participating establishment; a participant of a shared audit sees its own only. */
    shares: z.array(
      z.object({
        organizationId: z.string(),
        organizationName: z.string(),
        portionCents: z.number(),
        establishmentCents: z.number(),
        providerCents: z.number(),
        capCents: z.number().nullable(),
        capped: z.boolean(),
      }),
    ),
  }),
});
export type AuditCosts = z.infer<typeof auditCostsSchema>;

export const budgetQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const paid = { establishmentCents: z.number(), providerCents: z.number() };
export const budgetSchema = z.object({
  year: z.number(),
  totals: z.object(paid),
  months: z.array(z.object({ month: z.number(), ...paid })),
  providers: z.array(z.object({ supplierId: z.string(), supplierName: z.string(), audits: z.number(), ...paid })),
});
export type Budget = z.infer<typeof budgetSchema>;

export { auditParams, orgParams };
