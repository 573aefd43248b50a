interface GridShape {
  sections: Array<{ questions: Array<{ id: string; type: string; options?: Array<{ id: string; label: { fr: string; en: string } }> }> }>;
}

/** Option labels of the audit's frozen grid, per question, in the page's language (the review view carries option ids only). */
export function optionLabels(grid: GridShape | undefined, language: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const section of grid?.sections ?? []) {
    for (const q of section.questions) {
      if (!q.options) continue;
      out.set(q.id, new Map(q.options.map((o) => [o.id, language.startsWith('en') ? o.label.en : o.label.fr])));
    }
  }
  return out;
}

/** A provider's stored answer as a line of text for the reviewer: yes/no words, option labels, dates as given. */
export function answerText(value: unknown, words: { yes: string; no: string; partial: string }, options?: Map<string, string>): string {
  if (value === null || value === undefined) return '';
  const label = (v: unknown) => options?.get(String(v)) ?? String(v);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (options?.has(String(value))) return label(value);
  if (value === 'yes') return words.yes;
  if (value === 'no') return words.no;
  if (value === 'partial') return words.partial;
  return String(value);
}

/** One decimal, as the server computes it; a dash when nothing counts yet. */
export const scoreText = (score: number | null, locale: string): string =>
  score === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(score)}\u00a0%`;
