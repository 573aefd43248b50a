import { z } from 'zod';
import { roleFamilies } from '../identity/domain.js';
import { audiences, threatTags } from './content-schema.js';

// Request and response shapes of the learning administration (docs/api-learning.md).

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const id = text().trim().min(1).max(64);
const language = z.enum(['fr', 'en']);
const roleFamily = z.enum(roleFamilies);
/** Services and sites are the directory's free texts. */
const label = text().trim().min(1).max(200);
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((xs) => [...new Set(xs)]);
/** `a,b,c` in a query string; empty or absent: none. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  text()
    .max(4000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(item).max(100));

export const orgParams = z.object({ orgId: id });
export const territoryParams = z.object({ territoryId: id });
export const moduleParams = z.object({ orgId: id, moduleId: id });
export const mediaParams = z.object({ mediaId: id });
export const curriculumParams = z.object({ orgId: id, curriculumId: id });
export const ruleParams = z.object({ orgId: id, ruleId: id });
export const territoryRuleParams = z.object({ territoryId: id, ruleId: id });

// Modules --------------------------------------------------------------------------------------

export const choiceSchema = z.object({
  text: text().trim().min(1).max(500),
  correct: z.boolean(),
  explanation: text().trim().min(1).max(2000),
});
export const questionInput = z
  .object({
    id: text().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
    level: z.number().int().min(1).max(3),
    prompt: text().trim().min(1).max(2000),
    choices: z.array(choiceSchema).min(2).max(5),
  })
  .refine((q) => q.choices.some((c) => c.correct), { message: 'at least one choice must be correct', path: ['choices'] });
export const moduleTextSchema = z.object({
  title: text().trim().min(1).max(200),
  summary: text().trim().max(1000),
  screens: z
    .array(z.object({ title: text().trim().min(1).max(200), body: text().max(20_000) }))
    .min(1)
    .max(30),
  // The minimum depends on the module's kind (8 for a lesson), checked by the service.
  questions: z.array(questionInput).max(60),
});
export type ModuleTextInput = z.infer<typeof moduleTextSchema>;

export const moduleInput = z.object({
  audience: z.enum(audiences),
  level: z.number().int().min(1).max(3),
  topic: text().regex(/^[a-z0-9-]{1,60}$/, 'lower-case letters, digits and dashes'),
  roleFamilies: unique(roleFamily, roleFamilies.length),
  threatTags: unique(z.enum(threatTags), threatTags.length),
  durationMinutes: z.number().int().min(1).max(30),
  status: z.enum(['draft', 'published']).optional(),
  texts: z.object({ fr: moduleTextSchema.optional(), en: moduleTextSchema.optional() }),
});
export type ModuleInput = z.infer<typeof moduleInput>;

export const modulesQuery = z.object({
  q: text().trim().max(200).optional(),
  audience: z.enum(audiences).optional(),
  roleFamily: roleFamily.optional(),
  origin: z.enum(['catalogue', 'custom', 'fork']).optional(),
  status: z.enum(['draft', 'published', 'archived']).optional().describe('absent: draft and published'),
  kind: z.enum(['lesson', 'flash_alert']).default('lesson'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['title', 'level', 'updatedAt', '-title', '-level', '-updatedAt']).default('title'),
});
export type ModulesQuery = z.infer<typeof modulesQuery>;

const revealedQuestion = z.object({
  id: z.string(),
  level: z.number(),
  prompt: z.string(),
  choices: z.array(z.object({ text: z.string(), correct: z.boolean(), explanation: z.string() })),
});
const moduleTextOut = z.object({
  title: z.string(),
  summary: z.string(),
  screens: z.array(z.object({ title: z.string(), body: z.string() })),
  questions: z.array(revealedQuestion),
});
export const moduleSummarySchema = z.object({
  id: z.string(),
  origin: z.enum(['catalogue', 'custom', 'fork']),
  forkedFrom: z.string().nullable(),
  kind: z.enum(['lesson', 'flash_alert']),
  audience: z.enum(audiences),
  level: z.number().int(),
  topic: z.string(),
  roleFamilies: z.array(z.string()),
  threatTags: z.array(z.string()),
  version: z.number().int(),
  durationMinutes: z.number().int(),
  status: z.enum(['draft', 'published', 'archived']),
  lastReviewed: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  languages: z.array(language),
  questions: z.number().int(),
  editable: z.boolean(),
});
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;
export const moduleDetailSchema = moduleSummarySchema.extend({
  texts: z.object({ fr: moduleTextOut.optional(), en: moduleTextOut.optional() }),
});
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;
export const modulePageSchema = z.object({
  items: z.array(moduleSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const mediaInput = z.object({
  filename: text().trim().min(1).max(200),
  contentType: text().trim().max(100),
  dataBase64: text().max(2_000_000),
});
export type MediaInput = z.infer<typeof mediaInput>;
export const mediaSchema = z.object({ id: z.string(), url: z.string() });

// Curricula ------------------------------------------------------------------------------------

export const curriculumInput = z.object({
  nameFr: text().trim().min(1).max(200),
  nameEn: text().trim().min(1).max(200),
  moduleIds: unique(id, 100).pipe(z.array(z.string()).min(1)),
  dueDays: z.number().int().min(1).max(730),
  recurrenceMonths: z.number().int().min(1).max(60).nullable(),
});
export type CurriculumInput = z.infer<typeof curriculumInput>;
export const curriculumSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  kind: z.enum(['onboarding', 'refresher', 'custom']),
  nameFr: z.string(),
  nameEn: z.string(),
  moduleIds: z.array(z.string()),
  dueDays: z.number().int(),
  recurrenceMonths: z.number().int().nullable(),
  editable: z.boolean(),
});
export type CurriculumDto = z.infer<typeof curriculumSchema>;

// Rules and manual assignments -----------------------------------------------------------------

export const ruleInput = z.object({
  curriculumId: id,
  roleFamilies: unique(roleFamily, roleFamilies.length).default([]),
  services: unique(label, 200).default([]),
  sites: unique(label, 200).default([]),
  dueDays: z.number().int().min(1).max(730),
  active: z.boolean().optional(),
});
export const territoryRuleInput = ruleInput.extend({
  organizationIds: unique(id, 1000).default([]).describe('members of the territory; empty: every member'),
});
export type RuleInput = z.infer<typeof territoryRuleInput>;
export const rulePatch = z.object({
  curriculumId: id.optional(),
  roleFamilies: unique(roleFamily, roleFamilies.length).optional(),
  services: unique(label, 200).optional(),
  sites: unique(label, 200).optional(),
  dueDays: z.number().int().min(1).max(730).optional(),
  active: z.boolean().optional(),
});
export const territoryRulePatch = rulePatch.extend({ organizationIds: unique(id, 1000).optional() });
export type RulePatch = z.infer<typeof territoryRulePatch>;

export const ruleSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  territoryId: z.string().nullable(),
  curriculumId: z.string(),
  curriculumName: z.string(),
  roleFamilies: z.array(z.string()),
  services: z.array(z.string()),
  sites: z.array(z.string()),
  organizationIds: z.array(z.string()),
  dueDays: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  matching: z.number().int(),
  enrolled: z.number().int(),
});
export type RuleDto = z.infer<typeof ruleSchema>;
export const previewQuery = z.object({
  curriculumId: id.optional(),
  roleFamilies: commaList(roleFamily),
  services: commaList(label),
  sites: commaList(label),
});

export const assignmentsInput = z.object({
  moduleIds: unique(id, 100).pipe(z.array(z.string()).min(1)),
  personIds: unique(id, 10_000).optional(),
  roleFamilies: unique(roleFamily, roleFamilies.length).optional(),
  services: unique(label, 200).optional(),
  sites: unique(label, 200).optional(),
  dueDays: z.number().int().min(1).max(730),
});
export type AssignmentsInput = z.infer<typeof assignmentsInput>;
export const assignmentsResult = z.object({ created: z.number().int(), alreadyAssigned: z.number().int() });

// Flash alerts and jobs ------------------------------------------------------------------------

export const flashAlertInput = z.object({
  title: text().trim().min(1).max(200),
  summary: text().trim().min(1).max(1000),
  body: text().trim().min(1).max(20_000).describe('Markdown'),
  language: language.default('fr'),
  roleFamilies: unique(roleFamily, roleFamilies.length).default([]),
  organizationIds: unique(id, 1000).optional(),
  question: questionInput.optional(),
});
export type FlashAlertInput = z.infer<typeof flashAlertInput>;
export const flashAlertSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  roleFamilies: z.array(z.string()),
  organizationIds: z.array(z.string()),
  recipients: z.number().int(),
  emailed: z.number().int(),
  acknowledged: z.number().int(),
});
export type FlashAlertDto = z.infer<typeof flashAlertSchema>;

export const jobRunSchema = z.object({
  name: z.string(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  running: z.boolean(),
});
