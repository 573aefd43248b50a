import { z } from 'zod';
import { roleFamilies } from '../identity/domain.js';
import { audiences, threatTags } from './vocabulary.js';

export { audiences, threatTags };

/**
 * The shape of a learning module file: content/learning/<id>.<fr|en>.md, a YAML header between
 * `---` lines, then the lesson in Markdown where each `## ` heading starts one screen.
 */
const choiceSchema = z.object({
  text: z.string().min(2),
  correct: z.boolean(),
  explanation: z.string().min(10),
});

export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    level: z.number().int().min(1).max(3),
    /** A decision in a situation, not vocabulary. */
    prompt: z.string().min(10),
    choices: z.array(choiceSchema).min(2).max(5),
  })
  .refine((q) => q.choices.some((c) => c.correct), { message: 'at least one choice must be correct', path: ['choices'] });

export const moduleHeaderSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  language: z.enum(['fr', 'en']),
  version: z.number().int().min(1),
  lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string().min(5).max(120),
  summary: z.string().min(20).max(400),
  durationMinutes: z.number().int().min(3).max(7),
  level: z.number().int().min(1).max(3),
  audience: z.enum(audiences),
  /** Role families the module is meant for; patients modules leave it empty. */
  roleFamilies: z.array(z.enum(roleFamilies)),
  threatTags: z.array(z.enum(threatTags)).min(1),
  /** The topic mastery is measured on (one per module). */
  topic: z.string().regex(/^[a-z0-9-]+$/),
  questions: z.array(questionSchema).min(8),
});

export type ModuleHeader = z.infer<typeof moduleHeaderSchema>;
export type Question = z.infer<typeof questionSchema>;
