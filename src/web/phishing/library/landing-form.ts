import type { Landing, LandingInput, LandingKind, LandingText, Language } from './types.js';

/** The landing page editor's state: a language is null until the admin starts writing it. */
export interface LandingForm {
  kind: LandingKind;
  texts: Record<Language, LandingText | null>;
}

export const blankLandingText = (): LandingText => ({
  title: '',
  html: '<h1>Connexion</h1>\n<form method="post">\n  <label>Identifiant <input name="login"></label>\n  <button type="submit">Valider</button>\n</form>',
});

export const emptyLandingForm = (): LandingForm => ({ kind: 'sign-in', texts: { fr: blankLandingText(), en: null } });

export const landingFormOf = (l: Landing): LandingForm => ({
  kind: l.kind,
  texts: { fr: l.texts.fr ? { ...l.texts.fr } : null, en: l.texts.en ? { ...l.texts.en } : null },
});

export function toLandingInput(f: LandingForm): LandingInput {
  const texts: LandingInput['texts'] = {};
  for (const l of ['fr', 'en'] as const) {
    const t = f.texts[l];
    if (t) texts[l] = { title: t.title.trim(), html: t.html };
  }
  return { kind: f.kind, texts };
}

/** A new language starts from the other one's HTML (to translate), with an empty title. */
export function startLandingLanguage(f: LandingForm, lang: Language): LandingForm {
  const other = f.texts[lang === 'fr' ? 'en' : 'fr'];
  return { ...f, texts: { ...f.texts, [lang]: other ? { title: '', html: other.html } : blankLandingText() } };
}
