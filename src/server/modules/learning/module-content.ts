import type { Kysely, Transaction } from 'kysely';
import { fromJson } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { LessonScreen } from './content-loader.js';
import type { Question } from './content-schema.js';
import type { LearningModulesTable } from './tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/** A module as stored: metadata plus the text of one language (with correct answers: server side only). */
export interface StoredModule {
  id: string;
  organizationId: string | null;
  origin: LearningModulesTable['origin'];
  forkedFrom: string | null;
  kind: LearningModulesTable['kind'];
  audience: LearningModulesTable['audience'];
  level: number;
  topic: string;
  roleFamilies: string[];
  threatTags: string[];
  version: number;
  durationMinutes: number;
  status: LearningModulesTable['status'];
  lastReviewed: string | null;
  /** The language actually served: the requested one, or the other when no translation exists. */
  language: 'fr' | 'en';
  languages: Array<'fr' | 'en'>;
  title: string;
  summary: string;
  screens: LessonScreen[];
  questions: Question[];
}

export function moduleMeta(row: LearningModulesTable) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    origin: row.origin,
    forkedFrom: row.forked_from,
    kind: row.kind,
    audience: row.audience,
    level: row.level,
    topic: row.topic,
    roleFamilies: fromJson<string[]>(row.role_families, []),
    threatTags: fromJson<string[]>(row.threat_tags, []),
    version: row.version,
    durationMinutes: row.duration_minutes,
    status: row.status,
    lastReviewed: row.last_reviewed,
  };
}

/**
 * Loads a module in a language, falling back to the other language when it has no translation.
 * Returns null when absent. Callers check that the module is visible to their tenant
 * (catalogue modules have organizationId null and are visible to all).
 */
export async function loadModule(db: Q, moduleId: string, language: 'fr' | 'en'): Promise<StoredModule | null> {
  const row = await db.selectFrom('learning_modules').selectAll().where('id', '=', moduleId).executeTakeFirst();
  if (!row) return null;
  const texts = await db.selectFrom('learning_module_texts').selectAll().where('module_id', '=', moduleId).execute();
  const text = texts.find((t) => t.language === language) ?? texts.find((t) => t.language === 'fr') ?? texts[0];
  if (!text) return null;
  return {
    ...moduleMeta(row),
    language: text.language,
    languages: texts.map((t) => t.language).sort(),
    title: text.title,
    summary: text.summary,
    screens: fromJson<LessonScreen[]>(text.screens, []),
    questions: fromJson<Question[]>(text.questions, []),
  };
}

/** Catalogue modules are everyone's; an organization's own modules are its own only. */
export const visibleTo = (mod: { organizationId: string | null }, organizationId: string): boolean =>
  mod.organizationId === null || mod.organizationId === organizationId;
