import { z } from 'zod';

/**
 * The shape of an audit grid (catalogue grids in content/suppliers/grids, an organization's own in
 * supplier_grids.definition, and the frozen copy every audit keeps in grid_snapshot). Shared by the
 * grid editor, the provider portal (what to answer), the review (what to rate) and the exports.
 */
const text = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const key = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" or "-"');

export const answerTypes = ['yes_no', 'yes_no_partial', 'single', 'multiple', 'text', 'number', 'date'] as const;
export type AnswerType = (typeof answerTypes)[number];
export const evidenceRules = ['none', 'optional', 'required'] as const;

export const gridOptionSchema = z.object({ id: key, label: text, score: z.number().min(0).max(1).optional() });

export const gridQuestionSchema = z.object({
  id: key,
  text,
  help: text.optional(),
  /** Where it comes from in a referential, e.g. "Mesure 12" of the digital-hygiene guide, "RGPD art. 28.3.h". */
  reference: z.string().max(120).optional(),
  type: z.enum(answerTypes),
  options: z.array(gridOptionSchema).optional(), // single and multiple only
  weight: z.number().int().min(0).max(5),
  evidence: z.enum(evidenceRules),
  /** Asked only when an earlier question of the grid got one of these answers. */
  showIf: z.object({ questionId: key, anyOf: z.array(z.string()).min(1) }).optional(),
});
export type GridQuestion = z.infer<typeof gridQuestionSchema>;

export const gridSectionSchema = z.object({ id: key, title: text, questions: z.array(gridQuestionSchema).min(1) });

export const gridDefinitionSchema = z.object({ sections: z.array(gridSectionSchema).min(1) });
export type GridDefinition = z.infer<typeof gridDefinitionSchema>;

/** Every question of a grid in order, sections flattened. */
export const questionsOf = (grid: GridDefinition): GridQuestion[] => grid.sections.flatMap((s) => s.questions);
