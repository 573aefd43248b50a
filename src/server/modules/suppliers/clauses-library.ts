import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { clauseKeys, clausePayers, clauseTriggers } from './contracts-schema.js';

/** Model clauses written by us (content/suppliers/clauses, one YAML file per clause key). */
export const CLAUSES_DIR = 'content/suppliers/clauses';

const text = z.object({ fr: z.string().min(20), en: z.string().min(20) });
/**
 * When a contract needs the clause (gap analysis): the provider handles personal data, health
 * data, or either personal data or access to the information system (remote maintenance included).
 */
export const clauseNeeds = ['personal_data', 'health_data', 'personal_data_or_access'] as const;
export type ClauseNeed = (typeof clauseNeeds)[number];

export const modelClauseSchema = z.strictObject({
  key: z.enum(clauseKeys),
  version: z.number().int().min(1),
  lastReviewed: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
  requiredFor: z.enum(clauseNeeds),
  basis: z.string().min(3),
  title: z.object({ fr: z.string().min(3), en: z.string().min(3) }),
  text,
  auditClause: z
    .strictObject({
      frequencyMonths: z.number().int().min(1),
      noticeDays: z.number().int().min(0),
      payer: z.enum(clausePayers),
      costCapEur: z.number().int().nullable(),
      fixDeadlineDays: z.number().int().min(1),
      triggers: z.array(z.enum(clauseTriggers)),
      hdsReportDelayDays: z.number().int().nullable(),
    })
    .optional(),
});
export type ModelClause = z.infer<typeof modelClauseSchema>;
export const modelClausesResponse = z.array(modelClauseSchema.extend({ lastReviewed: z.string() }));

/** Reads and checks every model clause; a broken file names itself. Ordered like the checklist. */
export function loadModelClauses(dir = CLAUSES_DIR): ModelClause[] {
  const root = resolve(dir);
  const clauses = readdirSync(root)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const parsed = modelClauseSchema.safeParse(parse(readFileSync(join(root, f), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${join(dir, f)}: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      if (`${parsed.data.key}.yaml` !== f) throw new Error(`${join(dir, f)}: key ${parsed.data.key} does not match the file name`);
      return parsed.data;
    });
  return clauses.sort((a, b) => clauseKeys.indexOf(a.key) - clauseKeys.indexOf(b.key));
}

let cached: ModelClause[] | null = null;
/** The library, read once per process (the files ship with the app). */
export const modelClauses = (): ModelClause[] => {
  cached ??= loadModelClauses();
  return cached;
};
