import { z } from 'zod';
import { organizationKinds, territoryKinds } from '../identity/domain.js';
import { sharingDomains } from './tables.js';

/** Request text: PostgreSQL refuses NUL, so it is a 400 here rather than a 500. */
export const idText = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

export const orgParams = z.object({ orgId: idText() });
export const orgTerritoryParams = z.object({ orgId: idText(), territoryId: idText() });

const flags = z.object(
  Object.fromEntries(sharingDomains.map((d) => [d, z.boolean()])) as Record<(typeof sharingDomains)[number], z.ZodBoolean>,
);

export const territorySharingSchema = z.object({
  territory: z.object({ id: z.string(), name: z.string(), kind: z.enum(territoryKinds) }),
  leads: z.array(z.object({ organizationId: z.string(), name: z.string(), kind: z.enum(organizationKinds) })),
  isLead: z.boolean().describe('whether this organization is itself a lead of the territory'),
  domains: flags.describe('true: the territory sees the aggregates of this domain'),
  sharedSince: z.object(
    Object.fromEntries(sharingDomains.map((d) => [d, z.string().nullable()])) as Record<
      (typeof sharingDomains)[number],
      z.ZodNullable<z.ZodString>
    >,
  ),
});
export type TerritorySharingDto = z.infer<typeof territorySharingSchema>;
export const orgSharingSchema = z.object({ items: z.array(territorySharingSchema) });

export const territoryParams = z.object({ territoryId: idText() });
export const memberSharingSchema = z.object({
  items: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      kind: z.enum(organizationKinds),
      isLead: z.boolean(),
      domains: flags,
    }),
  ),
});
export type MemberSharingDto = z.infer<typeof memberSharingSchema>;

export const sharingBody = z
  .object({
    domains: flags
      .partial()
      .strict()
      .refine((d) => Object.keys(d).length > 0, 'name at least one domain'),
  })
  .strict();
export type SharingInput = z.infer<typeof sharingBody>;
