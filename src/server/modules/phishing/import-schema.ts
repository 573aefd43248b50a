import { z } from 'zod';
import { languages } from './library-schema.js';

// Import from the open tool's JSON exports (docs/api-phishing.md, "Library").

export const importKinds = ['templates', 'landing_pages', 'groups', 'profiles'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importBody = z.object({
  kind: z.enum(importKinds),
  data: z.unknown().refine((v) => v !== undefined && v !== null, 'the exported JSON (one object or an array) is required'),
  dryRun: z.boolean().default(false),
  language: z.enum(languages).default('fr').describe('language of the imported templates and landing pages'),
});
export type ImportInput = z.infer<typeof importBody>;

const noteSchema = z.object({ name: z.string(), field: z.string(), reason: z.string() });
export const importResultSchema = z.object({
  dryRun: z.boolean().describe('true: nothing was written (ids are those a real run would not keep)'),
  created: z.array(z.object({ kind: z.enum(['template', 'landing_page', 'group', 'profile']), id: z.string(), name: z.string() })),
  skipped: z.array(noteSchema).describe('items (or group members) not imported, with the field at fault'),
  warnings: z.array(noteSchema).describe('imported, but a setting was left out or changed'),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;
