import { fromJson, toJson } from '../../db/dialect.js';
import type { Locale } from '../../platform/errors.js';
import type { ModuleDetail, ModuleInput, ModuleSummary, ModuleTextInput } from './admin-schema.js';
import type { LearningModulesTable, LearningModuleTextsTable } from './tables.js';

// Rows to and from the API shapes of modules (ModuleSummary, ModuleDetail).

type TextRow = LearningModuleTextsTable;
type Lang = 'fr' | 'en';

export function meta(input: ModuleInput) {
  return {
    audience: input.audience,
    level: input.level,
    topic: input.topic,
    role_families: toJson(input.roleFamilies),
    threat_tags: toJson(input.threatTags),
    duration_minutes: input.durationMinutes,
  };
}

export function textRow(moduleId: string, language: Lang, t: ModuleTextInput, now: string): TextRow {
  return {
    module_id: moduleId,
    language,
    title: t.title,
    summary: t.summary,
    screens: toJson(t.screens),
    questions: toJson(t.questions),
    updated_at: now,
  };
}

const pick = (texts: TextRow[], locale: Locale): TextRow | undefined =>
  texts.find((t) => t.language === locale) ?? texts.find((t) => t.language === 'fr') ?? texts[0];

export function presentSummary(row: LearningModulesTable, texts: TextRow[], locale: Locale, orgId: string): ModuleSummary {
  const text = pick(texts, locale);
  return {
    id: row.id,
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
    title: text?.title ?? '',
    summary: text?.summary ?? '',
    languages: texts.map((t) => t.language).sort(),
    questions: fromJson<unknown[]>(text?.questions, []).length,
    editable: row.organization_id === orgId,
  };
}

export function presentDetail(row: LearningModulesTable, texts: TextRow[], locale: Locale, orgId: string): ModuleDetail {
  const out: ModuleDetail['texts'] = {};
  for (const t of texts) {
    out[t.language] = { title: t.title, summary: t.summary, screens: fromJson(t.screens, []), questions: fromJson(t.questions, []) };
  }
  return { ...presentSummary(row, texts, locale, orgId), texts: out };
}
