import { z } from 'zod';
import { roleFamilies } from '../identity/domain.js';
import { premiseAlignments } from './phish-scale.js';

/**
 * The headers of the phishing content files (docs/phishing-content.md):
 * content/phishing/templates/<id>.<lang>.html and content/phishing/landing/<id>.<lang>.html.
 */
export const phishingThemes = [
  'professional-identity',
  'lab-results',
  'health-insurance',
  'supplier-invoice',
  'hr-notice',
  'it-notice',
  'parcel-delivery',
  'shared-document',
  'secure-messaging',
  'patient-record',
  'training',
  'payroll',
  'conference',
] as const;
export type PhishingTheme = (typeof phishingThemes)[number];

/** NIST Phish Scale cue categories. */
export const cueCategories = ['error', 'technical', 'visual', 'language', 'tactic'] as const;
export type CueCategory = (typeof cueCategories)[number];

/** The only placeholders a template or landing page may contain, written `{{name}}`. */
export const placeholders = [
  'firstName',
  'lastName',
  'email',
  'service',
  'site',
  'organization',
  'jobTitle',
  'link',
  'trackingImage',
  'senderDomain',
  'today',
  'reportAddress',
  'reportLink',
] as const;
export type Placeholder = (typeof placeholders)[number];

export const landingPageKinds = ['sign-in', 'webmail', 'file-share', 'attachment'] as const;
export type LandingPageKind = (typeof landingPageKinds)[number];

export const contentLanguages = ['fr', 'en'] as const;
export type ContentLanguage = (typeof contentLanguages)[number];

const contentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)');

export const cueSchema = z.object({
  id: contentId,
  category: z.enum(cueCategories),
  label: z.string().min(5).max(160),
  explanation: z.string().min(20).max(500),
});

export const templateHeaderSchema = z
  .object({
    id: contentId,
    language: z.enum(contentLanguages),
    version: z.number().int().min(1),
    lastReviewed: isoDate,
    title: z.string().min(5).max(120),
    theme: z.enum(phishingThemes),
    /** Role families whose work the premise fits; empty means everyone. */
    audiences: z.array(z.enum(roleFamilies)),
    fromName: z.string().min(2).max(80),
    fromLocalPart: z.string().regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'must be a lowercase e-mail local part'),
    subject: z.string().min(3).max(160),
    landingPage: contentId,
    phishScale: z.object({
      premiseAlignment: z.enum(premiseAlignments),
      premiseRationale: z.string().min(20).max(400),
    }),
    cues: z.array(cueSchema).min(3),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.cues.forEach((cue, i) => {
      if (seen.has(cue.id)) ctx.addIssue({ code: 'custom', message: `duplicate cue id "${cue.id}"`, path: ['cues', i, 'id'] });
      seen.add(cue.id);
    });
  });

export const landingPageHeaderSchema = z
  .object({
    id: contentId,
    language: z.enum(contentLanguages),
    version: z.number().int().min(1),
    lastReviewed: isoDate,
    kind: z.enum(landingPageKinds),
    title: z.string().min(5).max(120),
  })
  .strict();

export type Cue = z.infer<typeof cueSchema>;
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;
export type LandingPageHeader = z.infer<typeof landingPageHeaderSchema>;

/** Cues about the envelope (sender, subject) are shown on the header, not in the body. */
export function isEnvelopeCue(cue: Pick<Cue, 'id' | 'category'>): boolean {
  return cue.category === 'technical' && (cue.id.startsWith('sender') || cue.id.startsWith('subject'));
}
