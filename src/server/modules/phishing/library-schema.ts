import { z } from 'zod';
import { roleFamilies } from '../identity/domain.js';
import { cueCategories, landingPageKinds, phishingThemes } from './content-schema.js';
import { difficulties, premiseAlignments } from './phish-scale.js';

// Request and response shapes of the phishing library: templates and landing pages
// (docs/api-phishing.md, "Library"). Profiles, groups, settings and import have their own files.

/** Any text from a request: PostgreSQL refuses the NUL character, so it is a 400 here, not a 500. */
export const text = () => z.string().refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
/** One line (subjects, sender names): a line break would open an email header injection. */
export const line = (max: number) =>
  text()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), 'must fit on one line');
export const id = text().trim().min(1).max(64);

export const orgParams = z.object({ orgId: id });
export const orgItemParams = z.object({ orgId: id, id });

export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export const origins = ['catalogue', 'custom', 'fork', 'import'] as const;
/** The catalogue's themes, plus `other` for the organization's own and imported templates. */
export const templateThemes = [...phishingThemes, 'other'] as const;

const archivedFilter = z.enum(['false', 'true', 'all']).default('false');

// Templates -------------------------------------------------------------------------------------

export const cueSchema = z.object({
  id: text()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')
    .max(60),
  category: z.enum(cueCategories),
  label: line(160),
  explanation: text().trim().min(1).max(500),
});
export type CueDto = z.infer<typeof cueSchema>;

export const templateTextSchema = z.object({
  title: line(120),
  fromName: line(80),
  fromLocalPart: text()
    .trim()
    .toLowerCase()
    .max(64)
    .regex(/^[a-z0-9]+([._+-][a-z0-9]+)*$/, 'must be the part of an address before @ (letters, digits, . _ + -)'),
  subject: line(200),
  html: text().max(500_000).describe('sanitised on save; placeholders: docs/phishing-content.md'),
  cues: z.array(cueSchema).max(40).default([]),
  premiseRationale: text().trim().max(400).default(''),
});
export type TemplateTextDto = z.infer<typeof templateTextSchema>;

const atLeastOneLanguage = <T>(texts: { fr?: T | undefined; en?: T | undefined }) => texts.fr !== undefined || texts.en !== undefined;

export const templateBody = z.object({
  theme: z.enum(templateThemes),
  audiences: z
    .array(z.enum(roleFamilies))
    .max(roleFamilies.length)
    .default([])
    .transform((xs) => [...new Set(xs)]),
  landingPageId: id.nullable().default(null),
  premiseAlignment: z.enum(premiseAlignments),
  texts: z
    .object({ fr: templateTextSchema.optional(), en: templateTextSchema.optional() })
    .refine(atLeastOneLanguage, { message: 'a French or an English text is needed', path: ['fr'] }),
});
export type TemplateInput = z.infer<typeof templateBody>;

export const templateSummarySchema = z.object({
  id: z.string(),
  origin: z.enum(origins),
  forkedFrom: z.string().nullable(),
  theme: z.string(),
  title: z.string().describe('in the request language, French when missing'),
  subject: z.string(),
  difficulty: z.enum(difficulties),
  cueCount: z.number().int(),
  premiseAlignment: z.enum(premiseAlignments),
  audiences: z.array(z.enum(roleFamilies)),
  landingPageId: z.string().nullable(),
  languages: z.array(z.enum(languages)),
  version: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type TemplateSummaryDto = z.infer<typeof templateSummarySchema>;

const templateTextOut = templateTextSchema.extend({ fromLocalPart: z.string(), premiseRationale: z.string(), cues: z.array(cueSchema) });
export const templateSchema = templateSummarySchema.extend({
  texts: z.object({ fr: templateTextOut.optional(), en: templateTextOut.optional() }),
});
export type TemplateDto = z.infer<typeof templateSchema>;
export const templatePageSchema = pageOf(templateSummarySchema);

export const templatesQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  theme: z.enum(templateThemes).optional(),
  difficulty: z.enum(difficulties).optional(),
  language: z.enum(languages).optional(),
  origin: z.enum(origins).optional(),
  archived: archivedFilter,
  sort: z.enum(['title', '-title', 'difficulty', '-difficulty', 'updatedAt', '-updatedAt']).default('title'),
});
export type TemplatesQuery = z.infer<typeof templatesQuery>;

export const templatePreviewBody = z.object({
  subject: text().max(400).default(''),
  html: text().max(500_000),
  language: z.enum(languages).default('fr'),
});
export const templatePreviewSchema = z.object({
  subject: z.string(),
  html: z.string().describe('sanitised and rendered for a sample person; show it in <iframe sandbox srcdoc>'),
  unknownPlaceholders: z.array(z.string()),
});

// Landing pages ---------------------------------------------------------------------------------

export const landingTextSchema = z.object({
  title: line(120),
  html: text().max(500_000).describe('sanitised on save; the form gets its action from the tracking listener'),
});
export type LandingTextDto = z.infer<typeof landingTextSchema>;

export const landingBody = z.object({
  kind: z.enum(landingPageKinds),
  texts: z
    .object({ fr: landingTextSchema.optional(), en: landingTextSchema.optional() })
    .refine(atLeastOneLanguage, { message: 'a French or an English text is needed', path: ['fr'] }),
});
export type LandingInput = z.infer<typeof landingBody>;

export const landingSummarySchema = z.object({
  id: z.string(),
  origin: z.enum(origins),
  kind: z.enum(landingPageKinds),
  forkedFrom: z.string().nullable().describe('the page this one was copied from'),
  title: z.string().describe('in the request language, French when missing'),
  languages: z.array(z.enum(languages)),
  version: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type LandingSummaryDto = z.infer<typeof landingSummarySchema>;
export const landingSchema = landingSummarySchema.extend({
  texts: z.object({ fr: landingTextSchema.optional(), en: landingTextSchema.optional() }),
});
export type LandingDto = z.infer<typeof landingSchema>;
export const landingPageSchema = pageOf(landingSummarySchema);

export const landingQuery = pagingQuery.extend({
  q: text().trim().max(200).optional(),
  kind: z.enum(landingPageKinds).optional(),
  language: z.enum(languages).optional(),
  origin: z.enum(origins).optional(),
  archived: archivedFilter,
  sort: z.enum(['title', '-title', 'updatedAt', '-updatedAt']).default('title'),
});
export type LandingQuery = z.infer<typeof landingQuery>;

export const landingPreviewBody = z.object({ html: text().max(500_000), language: z.enum(languages).default('fr') });
export const landingPreviewSchema = z.object({ html: z.string(), unknownPlaceholders: z.array(z.string()) });
