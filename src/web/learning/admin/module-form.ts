import type { Audience, Language, ModuleDetail, ModuleInput, ModuleText, Question } from './types.js';

/**
 * The module editor's state and its conversion to the API's ModuleInput. Pure functions, so the
 * rules (which languages are sent, question ids kept equal across translations) are unit-tested.
 */
export interface ModuleForm {
  audience: Audience;
  level: number;
  topic: string;
  roleFamilies: string[];
  threatTags: string[];
  durationMinutes: number;
  status: 'draft' | 'published';
  /** null: this language is not written (yet). */
  texts: Record<Language, ModuleText | null>;
}

export const MIN_QUESTIONS = 8;

const blankChoice = () => ({ text: '', correct: false, explanation: '' });

export function blankQuestion(id: string, level = 1): Question {
  return { id, level, prompt: '', choices: [blankChoice(), blankChoice(), blankChoice()] };
}

export function blankText(): ModuleText {
  return { title: '', summary: '', screens: [{ title: '', body: '' }], questions: [] };
}

export function emptyForm(): ModuleForm {
  return {
    audience: 'staff',
    level: 1,
    topic: '',
    roleFamilies: [],
    threatTags: [],
    durationMinutes: 5,
    status: 'draft',
    texts: { fr: blankText(), en: null },
  };
}

const clone = <T>(v: T): T => structuredClone(v);

export function formFromDetail(d: ModuleDetail): ModuleForm {
  return {
    audience: d.audience,
    level: d.level,
    topic: d.topic,
    roleFamilies: [...d.roleFamilies],
    threatTags: [...d.threatTags],
    durationMinutes: d.durationMinutes,
    status: d.status === 'published' ? 'published' : 'draft',
    texts: { fr: d.texts.fr ? clone(d.texts.fr) : null, en: d.texts.en ? clone(d.texts.en) : null },
  };
}

function cleanText(t: ModuleText): ModuleText {
  return {
    title: t.title.trim(),
    summary: t.summary.trim(),
    screens: t.screens.map((s) => ({ title: s.title.trim(), body: s.body })),
    questions: t.questions.map((q) => ({
      id: q.id,
      level: q.level,
      prompt: q.prompt.trim(),
      choices: q.choices.map((c) => ({ text: c.text.trim(), correct: c.correct, explanation: c.explanation.trim() })),
    })),
  };
}

/** What PUT/POST /modules receive: only the languages being written, texts trimmed. */
export function toModuleInput(form: ModuleForm): ModuleInput {
  const texts: ModuleInput['texts'] = {};
  if (form.texts.fr) texts.fr = cleanText(form.texts.fr);
  if (form.texts.en) texts.en = cleanText(form.texts.en);
  return {
    audience: form.audience,
    level: form.level,
    topic: form.topic.trim(),
    roleFamilies: [...form.roleFamilies],
    threatTags: [...form.threatTags],
    durationMinutes: form.durationMinutes,
    status: form.status,
    texts,
  };
}

/** "Copy French into English to translate": the English version starts as the French one, same question ids. */
export function copyFrenchToEnglish(form: ModuleForm): ModuleForm {
  if (!form.texts.fr) return form;
  return { ...form, texts: { ...form.texts, en: clone(form.texts.fr) } };
}

/** The next free question id (q-1, q-2…) among every language, so translations keep the same ids. */
export function nextQuestionId(form: ModuleForm): string {
  const used = new Set(Object.values(form.texts).flatMap((t) => t?.questions.map((q) => q.id) ?? []));
  let n = used.size + 1;
  while (used.has(`q-${n}`)) n++;
  return `q-${n}`;
}

/** A question is added to, or removed from, every written language at once: the server wants the same ids. */
export function addQuestion(form: ModuleForm): ModuleForm {
  const id = nextQuestionId(form);
  return mapTexts(form, (t) => ({ ...t, questions: [...t.questions, blankQuestion(id, form.level)] }));
}

export function removeQuestion(form: ModuleForm, id: string): ModuleForm {
  return mapTexts(form, (t) => ({ ...t, questions: t.questions.filter((q) => q.id !== id) }));
}

function mapTexts(form: ModuleForm, f: (t: ModuleText) => ModuleText): ModuleForm {
  return { ...form, texts: { fr: form.texts.fr ? f(form.texts.fr) : null, en: form.texts.en ? f(form.texts.en) : null } };
}

/** Moves one item of a list (screens' reordering); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/**
 * The server names a field as a dotted path, e.g. `body.texts.en.questions.3.prompt` (zod) or
 * `texts.fr.questions` (domain error). Returns the path without the `body.` prefix, and the
 * language tab it belongs to, so the editor can open that tab and show the message beside the field.
 */
export function locateField(field: string | undefined): { path: string; language: Language | null } | null {
  if (!field) return null;
  const path = field.replace(/^body\./, '');
  const m = path.match(/^texts\.(fr|en)(\.|$)/);
  return { path, language: m ? (m[1] as Language) : null };
}

/** Field messages keyed by path, from an API error's `field` and `issues`. */
export function fieldMessages(error: {
  field?: string | undefined;
  message: string;
  issues?: Array<{ field: string; message: string }> | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const at = locateField(issue.field);
    if (at && !out[at.path]) out[at.path] = issue.message;
  }
  const at = locateField(error.field);
  if (at && !out[at.path]) out[at.path] = error.message;
  return out;
}
