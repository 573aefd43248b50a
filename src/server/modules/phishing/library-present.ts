import { fromBool01, fromJson } from '../../db/dialect.js';
import type { RoleFamily } from '../identity/domain.js';
import { pickText } from './library-item-repo.js';
import type { LandingListRow, LandingWithTexts } from './library-landing-repo.js';
import type { CueDto, LandingDto, LandingSummaryDto, Language, TemplateDto, TemplateSummaryDto } from './library-schema.js';
import type { TemplateListRow, TemplateTextRow, TemplateWithTexts } from './templates-repo.js';

const languagesOf = (texts: Array<{ language: string }>): Language[] =>
  (['fr', 'en'] as const).filter((l) => texts.some((t) => t.language === l));

export function presentTemplateSummary(row: TemplateListRow, language: Language): TemplateSummaryDto {
  const text = pickText(row.texts, language);
  return {
    id: row.id,
    origin: row.origin,
    forkedFrom: row.forked_from,
    theme: row.theme,
    title: text?.title ?? '',
    subject: text?.subject ?? '',
    difficulty: row.difficulty,
    cueCount: row.cue_count,
    premiseAlignment: row.premise_alignment,
    audiences: fromJson<RoleFamily[]>(row.audiences, []),
    landingPageId: row.landing_page_id,
    languages: languagesOf(row.texts),
    version: row.version,
    archived: fromBool01(row.archived),
    updatedAt: row.updated_at,
  };
}

function presentTemplateText(t: TemplateTextRow) {
  return {
    title: t.title,
    fromName: t.from_name,
    fromLocalPart: t.from_local_part,
    subject: t.subject,
    html: t.html,
    cues: fromJson<CueDto[]>(t.cues, []),
    premiseRationale: t.premise_rationale,
  };
}

export function presentTemplate(row: TemplateWithTexts, language: Language): TemplateDto {
  const texts: TemplateDto['texts'] = {};
  for (const t of row.texts) if (t.language === 'fr' || t.language === 'en') texts[t.language] = presentTemplateText(t);
  return { ...presentTemplateSummary(row, language), texts };
}

export function presentLandingSummary(row: LandingListRow, language: Language): LandingSummaryDto {
  // Built apart so that forkedFrom passes whether or not the response schema lists it yet.
  const summary = {
    id: row.id,
    origin: row.origin,
    forkedFrom: row.forked_from,
    kind: row.kind,
    title: pickText(row.texts, language)?.title ?? '',
    languages: languagesOf(row.texts),
    version: row.version,
    archived: fromBool01(row.archived),
    updatedAt: row.updated_at,
  };
  return summary;
}

export function presentLanding(row: LandingWithTexts, language: Language): LandingDto {
  const texts: LandingDto['texts'] = {};
  for (const t of row.texts) if (t.language === 'fr' || t.language === 'en') texts[t.language] = { title: t.title, html: t.html };
  return { ...presentLandingSummary(row, language), texts };
}
