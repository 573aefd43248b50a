import { z } from 'zod';
import { roleFamilies } from '../identity/domain.js';
import { personSchema } from '../identity/schema.js';
import { targetCriteria } from './campaign-schema.js';
import { line, pageOf, pagingQuery, text } from './library-schema.js';

// Saved target groups and exclusion lists (docs/api-phishing.md, "Library").

export const groupKinds = ['target', 'exclusion'] as const;

export const groupBody = z.object({
  kind: z.enum(groupKinds),
  name: line(200),
  criteria: targetCriteria.describe('AND across keys, OR within a key; personIds adds people; {} is everyone'),
});
export type GroupInput = z.infer<typeof groupBody>;

// Answers are serialised, not parsed: the same shape without the input's transforms.
const criteriaOut = z.object({
  services: z.array(z.string()).optional(),
  roleFamilies: z.array(z.enum(roleFamilies)).optional(),
  sites: z.array(z.string()).optional(),
  personIds: z.array(z.string()).optional(),
});

export const groupSchema = z.object({
  id: z.string(),
  kind: z.enum(groupKinds),
  name: z.string(),
  criteria: criteriaOut,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupDto = z.infer<typeof groupSchema>;
export const groupPageSchema = pageOf(groupSchema);

export const groupsQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  kind: z.enum(groupKinds).optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name'),
});
export type GroupsQuery = z.infer<typeof groupsQuery>;

export const groupPreviewBody = z.object({ criteria: targetCriteria });
export const groupPreviewSchema = z.object({
  count: z.number().int().describe('active people with an email matching the criteria'),
  sample: z.array(personSchema).max(5),
});
export type GroupPreviewDto = z.infer<typeof groupPreviewSchema>;
