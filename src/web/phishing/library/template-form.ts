import type { Cue, CueCategory, Language, PremiseAlignment, Template, TemplateInput, TemplateText } from './types.js';

/** The template editor's state: a language is null until the admin starts writing it. */
export interface TemplateForm {
  theme: string;
  audiences: string[];
  landingPageId: string | null;
  premiseAlignment: PremiseAlignment;
  texts: Record<Language, TemplateText | null>;
}

export const blankTemplateText = (): TemplateText => ({
  title: '',
  fromName: '',
  fromLocalPart: '',
  subject: '',
  html: '<p>Bonjour {{firstName}},</p>\n<p><a href="{{link}}">…</a></p>',
  cues: [],
  premiseRationale: '',
});

export const emptyTemplateForm = (): TemplateForm => ({
  theme: 'other',
  audiences: [],
  landingPageId: null,
  premiseAlignment: 'medium',
  texts: { fr: blankTemplateText(), en: null },
});

export function templateFormOf(t: Template): TemplateForm {
  return {
    theme: t.theme,
    audiences: [...t.audiences],
    landingPageId: t.landingPageId,
    premiseAlignment: t.premiseAlignment,
    texts: { fr: t.texts.fr ? structuredClone(t.texts.fr) : null, en: t.texts.en ? structuredClone(t.texts.en) : null },
  };
}

const trimCue = (c: Cue): Cue => ({ id: c.id.trim(), category: c.category, label: c.label.trim(), explanation: c.explanation.trim() });

/** The PUT/POST body: languages not started are left out, texts trimmed (the HTML is kept as typed). */
export function toTemplateInput(f: TemplateForm): TemplateInput {
  const texts: TemplateInput['texts'] = {};
  for (const l of ['fr', 'en'] as const) {
    const t = f.texts[l];
    if (!t) continue;
    texts[l] = {
      title: t.title.trim(),
      fromName: t.fromName.trim(),
      fromLocalPart: t.fromLocalPart.trim().toLowerCase(),
      subject: t.subject.trim(),
      html: t.html,
      cues: t.cues.map(trimCue),
      premiseRationale: t.premiseRationale.trim(),
    };
  }
  return { theme: f.theme, audiences: f.audiences, landingPageId: f.landingPageId || null, premiseAlignment: f.premiseAlignment, texts };
}

// Cues are the same ids and categories in both languages (the server refuses otherwise): they are
// kept aligned by position, so adding, removing or re-keying one does it in every started language.
const eachText = (f: TemplateForm, change: (t: TemplateText) => TemplateText): TemplateForm => ({
  ...f,
  texts: { fr: f.texts.fr ? change(f.texts.fr) : null, en: f.texts.en ? change(f.texts.en) : null },
});

export function addCue(f: TemplateForm): TemplateForm {
  const taken = new Set((f.texts.fr ?? f.texts.en)?.cues.map((c) => c.id) ?? []);
  let n = taken.size + 1;
  while (taken.has(`cue-${n}`)) n++;
  const cue: Cue = { id: `cue-${n}`, category: 'tactic', label: '', explanation: '' };
  return eachText(f, (t) => ({ ...t, cues: [...t.cues, { ...cue }] }));
}

export function removeCue(f: TemplateForm, index: number): TemplateForm {
  return eachText(f, (t) => ({ ...t, cues: t.cues.filter((_, i) => i !== index) }));
}

export function setCueKey(f: TemplateForm, index: number, patch: { id?: string; category?: CueCategory }): TemplateForm {
  return eachText(f, (t) => ({ ...t, cues: t.cues.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
}

export function setCueText(f: TemplateForm, lang: Language, index: number, patch: { label?: string; explanation?: string }): TemplateForm {
  const t = f.texts[lang];
  if (!t) return f;
  return { ...f, texts: { ...f.texts, [lang]: { ...t, cues: t.cues.map((c, i) => (i === index ? { ...c, ...patch } : c)) } } };
}

/** A new language starts from the other one's sender and HTML, with its cues' ids and categories. */
export function startLanguage(f: TemplateForm, lang: Language): TemplateForm {
  const other = f.texts[lang === 'fr' ? 'en' : 'fr'];
  const text: TemplateText = other
    ? {
        ...structuredClone(other),
        title: '',
        subject: '',
        premiseRationale: '',
        cues: other.cues.map((c) => ({ ...c, label: '', explanation: '' })),
      }
    : blankTemplateText();
  return { ...f, texts: { ...f.texts, [lang]: text } };
}

/** Inserts `{{name}}` at the cursor of a textarea's value. */
export function insertAt(value: string, start: number, end: number, name: string): { value: string; cursor: number } {
  const token = `{{${name}}}`;
  return { value: value.slice(0, start) + token + value.slice(end), cursor: start + token.length };
}
