import type { AnswerType, GridDefinition, GridQuestion, GridSection, Texts } from '../types.js';

/**
 * Pure edits of a grid draft for the editor: every function returns a new definition, so React
 * sees the change and the draft can be compared with what was loaded. The server checks the
 * result (grid-check.ts) and names the path of any problem; these helpers only keep the draft
 * sensible (fresh unique ids, options only where they mean something, conditions looking back).
 */

export const choiceTypes: readonly AnswerType[] = ['yes_no', 'yes_no_partial', 'single', 'multiple'];
const withOptions = (type: AnswerType) => type === 'single' || type === 'multiple';

/** The first free id "prefix1", "prefix2"... (ids are lower-case keys, unique in the grid). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const questionIds = (def: GridDefinition) => def.sections.flatMap((s) => s.questions.map((q) => q.id));
const blank: Texts = { fr: '', en: '' };

export function newQuestion(def: GridDefinition): GridQuestion {
  return { id: nextId('q', questionIds(def)), text: { ...blank }, type: 'yes_no', weight: 1, evidence: 'none' };
}

export function newSection(def: GridDefinition): GridSection {
  const id = nextId(
    's',
    def.sections.map((s) => s.id),
  );
  const withSection = { sections: [...def.sections, { id, title: blank, questions: [] }] };
  return { id, title: { ...blank }, questions: [newQuestion(withSection)] };
}

export const emptyDefinition = (): GridDefinition => {
  const def: GridDefinition = { sections: [] };
  return { sections: [newSection(def)] };
};

/** Moves an item one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1) as [T];
  out.splice(to, 0, item);
  return out;
}

const setSections = (def: GridDefinition, sections: GridSection[]): GridDefinition => ({ ...def, sections });

export const updateSection = (def: GridDefinition, si: number, patch: Partial<GridSection>): GridDefinition =>
  setSections(
    def,
    def.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)),
  );

export const addSection = (def: GridDefinition): GridDefinition => setSections(def, [...def.sections, newSection(def)]);
export const removeSection = (def: GridDefinition, si: number): GridDefinition =>
  setSections(
    def,
    def.sections.filter((_, i) => i !== si),
  );
export const moveSection = (def: GridDefinition, si: number, delta: -1 | 1): GridDefinition =>
  setSections(def, move(def.sections, si, delta));

export function updateQuestion(def: GridDefinition, si: number, qi: number, patch: Partial<GridQuestion>): GridDefinition {
  const section = def.sections[si];
  if (!section) return def;
  const questions = section.questions.map((q, i) => {
    if (i !== qi) return q;
    const next = { ...q, ...patch };
    // A new type keeps options only where they mean something, and offers two to start with.
    if (patch.type && !withOptions(patch.type)) delete next.options;
    if (patch.type && withOptions(patch.type) && (next.options ?? []).length === 0)
      next.options = [
        { id: 'a', label: { fr: '', en: '' } },
        { id: 'b', label: { fr: '', en: '' } },
      ];
    return next;
  });
  return updateSection(def, si, { questions });
}

export const addQuestion = (def: GridDefinition, si: number): GridDefinition =>
  updateSection(def, si, { questions: [...(def.sections[si]?.questions ?? []), newQuestion(def)] });

/** Removes a question and the conditions of later questions that pointed to it (they would be refused). */
export function removeQuestion(def: GridDefinition, si: number, qi: number): GridDefinition {
  const gone = def.sections[si]?.questions[qi]?.id;
  const kept = updateSection(def, si, { questions: (def.sections[si]?.questions ?? []).filter((_, i) => i !== qi) });
  return setSections(
    kept,
    kept.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => {
        if (q.showIf?.questionId !== gone) return q;
        const { showIf: _dropped, ...rest } = q;
        return rest;
      }),
    })),
  );
}

export const moveQuestion = (def: GridDefinition, si: number, qi: number, delta: -1 | 1): GridDefinition =>
  updateSection(def, si, { questions: move(def.sections[si]?.questions ?? [], qi, delta) });

/** Questions a condition may depend on: earlier ones in the grid, with answers a condition can test. */
export function conditionCandidates(def: GridDefinition, si: number, qi: number): GridQuestion[] {
  const out: GridQuestion[] = [];
  def.sections.forEach((s, i) => {
    s.questions.forEach((q, j) => {
      if ((i < si || (i === si && j < qi)) && choiceTypes.includes(q.type)) out.push(q);
    });
  });
  return out;
}

/** The answer values a condition on this question can test. */
export function conditionValues(q: GridQuestion): string[] {
  if (q.type === 'yes_no') return ['yes', 'no'];
  if (q.type === 'yes_no_partial') return ['yes', 'partial', 'no'];
  return (q.options ?? []).map((o) => o.id);
}

const trimmedTexts = (t: Texts | undefined): Texts | undefined =>
  t && (t.fr.trim() || t.en.trim()) ? { fr: t.fr.trim(), en: t.en.trim() } : undefined;

/** The body sent to the server: empty optional texts dropped, texts trimmed. */
export function toGridBody(title: Texts, def: GridDefinition): { title: Texts; definition: GridDefinition } {
  return {
    title: { fr: title.fr.trim(), en: title.en.trim() },
    definition: {
      sections: def.sections.map((s) => ({
        ...s,
        title: { fr: s.title.fr.trim(), en: s.title.en.trim() },
        questions: s.questions.map((q) => {
          const { help, reference, ...rest } = q;
          const out: GridQuestion = { ...rest, text: { fr: q.text.fr.trim(), en: q.text.en.trim() } };
          const h = trimmedTexts(help);
          if (h) out.help = h;
          if (reference?.trim()) out.reference = reference.trim();
          return out;
        }),
      })),
    },
  };
}

/** Sets or clears (null) the condition of a question. */
export function setCondition(def: GridDefinition, si: number, qi: number, cond: GridQuestion['showIf'] | null): GridDefinition {
  const section = def.sections[si];
  if (!section) return def;
  const questions = section.questions.map((q, i) => {
    if (i !== qi) return q;
    const { showIf: _old, ...rest } = q;
    return cond ? { ...rest, showIf: cond } : rest;
  });
  return updateSection(def, si, { questions });
}
