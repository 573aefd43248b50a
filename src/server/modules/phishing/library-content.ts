import { Invalid } from '../../platform/errors.js';
import { isEnvelopeCue } from './content-schema.js';
import type { LandingTextDto, Language, TemplateTextDto } from './library-schema.js';
import { unknownPlaceholders } from './placeholders.js';
import { sanitizeEmailHtml, sanitizeLandingHtml } from './sanitize.js';

/**
 * The rules an organization's own template or landing page follows before it is stored, the same
 * as the catalogue's (docs/phishing-content.md) where they matter to a campaign: known
 * placeholders only, a {{link}} to click, cues that the body marks, clean HTML.
 */

type Texts<T> = { fr?: T | undefined; en?: T | undefined };

const invalid = (code: string, fr: string, en: string, field: string) => new Invalid(code, { fr, en }, field);

function checkPlaceholders(value: string, field: string): void {
  const unknown = unknownPlaceholders(value);
  if (unknown.length > 0) {
    const list = unknown.map((n) => `{{${n}}}`).join(', ');
    throw invalid(
      'unknown_placeholder',
      `Variable inconnue : ${list}. Variables possibles : {{firstName}}, {{lastName}}, {{email}}, {{service}}, {{site}}, {{organization}}, {{jobTitle}}, {{link}}, {{reportLink}}, {{trackingImage}}, {{senderDomain}}, {{today}}, {{reportAddress}}.`,
      `Unknown placeholder: ${list}. Allowed: {{firstName}}, {{lastName}}, {{email}}, {{service}}, {{site}}, {{organization}}, {{jobTitle}}, {{link}}, {{reportLink}}, {{trackingImage}}, {{senderDomain}}, {{today}}, {{reportAddress}}.`,
      field,
    );
  }
}

const present = <T>(texts: Texts<T>): Array<[Language, T]> =>
  (['fr', 'en'] as const).flatMap((l) => (texts[l] === undefined ? [] : [[l, texts[l]] as [Language, T]]));

/** Checks and cleans a template's texts; returns them sanitised with the cue count (of the scale). */
export function prepareTemplateTexts(texts: Texts<TemplateTextDto>): { texts: Array<[Language, TemplateTextDto]>; cueCount: number } {
  const out: Array<[Language, TemplateTextDto]> = [];
  for (const [language, t] of present(texts)) {
    const at = `texts.${language}`;
    checkPlaceholders(t.subject, `${at}.subject`);
    checkPlaceholders(t.fromName, `${at}.fromName`);
    checkPlaceholders(t.html, `${at}.html`);
    const html = sanitizeEmailHtml(t.html);
    if (!/\shref="\{\{link\}\}"/.test(html)) {
      throw invalid(
        'missing_link',
        'Le message doit contenir un lien vers {{link}} (par exemple <a href="{{link}}">…</a>) : c’est le clic mesuré.',
        'The message needs a link to {{link}} (for example <a href="{{link}}">…</a>): that is the click measured.',
        `${at}.html`,
      );
    }
    if ((html.match(/\{\{trackingImage\}\}/g) ?? []).length > 1) {
      throw invalid(
        'tracking_image_twice',
        '{{trackingImage}} ne peut figurer qu’une fois.',
        '{{trackingImage}} may appear only once.',
        `${at}.html`,
      );
    }
    const ids = new Set<string>();
    t.cues.forEach((cue, i) => {
      if (ids.has(cue.id)) {
        throw invalid('duplicate_cue', `Indice en double : « ${cue.id} ».`, `Duplicate cue: "${cue.id}".`, `${at}.cues.${i}.id`);
      }
      ids.add(cue.id);
    });
    for (const m of html.matchAll(/\sdata-cue="([^"]*)"/g)) {
      if (!ids.has(m[1]!)) {
        throw invalid(
          'unknown_cue',
          `data-cue="${m[1]}" ne correspond à aucun indice de ce modèle.`,
          `data-cue="${m[1]}" is not a cue of this template.`,
          `${at}.html`,
        );
      }
    }
    const unmarked = t.cues.find((c) => !isEnvelopeCue(c) && !html.includes(`data-cue="${c.id}"`));
    if (unmarked) {
      throw invalid(
        'unmarked_cue',
        `L’indice « ${unmarked.id} » n’est signalé dans le message par aucun attribut data-cue="${unmarked.id}".`,
        `Cue "${unmarked.id}" is not marked in the message by any data-cue="${unmarked.id}" attribute.`,
        `${at}.html`,
      );
    }
    out.push([language, { ...t, html }]);
  }
  // Both languages rate the same email: the same cues, so the same difficulty.
  const [first, second] = out;
  if (first && second) {
    const key = (t: TemplateTextDto) =>
      t.cues
        .map((c) => `${c.id}:${c.category}`)
        .sort()
        .join(',');
    if (key(first[1]) !== key(second[1])) {
      throw invalid(
        'cues_differ',
        'Les indices (identifiants et catégories) doivent être les mêmes en français et en anglais.',
        'Cues (ids and categories) must be the same in French and English.',
        'texts.en.cues',
      );
    }
  }
  return { texts: out, cueCount: out[0]?.[1].cues.length ?? 0 };
}

/** Checks and cleans a landing page's texts. */
export function prepareLandingTexts(texts: Texts<LandingTextDto>): Array<[Language, LandingTextDto]> {
  return present(texts).map(([language, t]) => {
    checkPlaceholders(t.html, `texts.${language}.html`);
    const html = sanitizeLandingHtml(t.html);
    if (html.trim() === '') {
      throw invalid('empty_page', 'La page est vide une fois nettoyée.', 'The page is empty once cleaned.', `texts.${language}.html`);
    }
    return [language, { ...t, html }];
  });
}
