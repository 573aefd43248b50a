import { type Placeholder, placeholders } from './content-schema.js';

/**
 * `{{name}}` placeholders of templates and landing pages. Anything between double braces is a
 * placeholder: `{{ firstName }}` or `{{.FirstName}}` (the open tool's syntax) are found too and
 * reported as unknown, so a mistyped name never reaches a recipient verbatim.
 */
export interface PlaceholderUse {
  name: string;
  /** Offset of the opening `{{` in the text. */
  index: number;
}

const placeholderPattern = /\{\{([^{}]*)\}\}/g;
const known: ReadonlySet<string> = new Set(placeholders);

export function isPlaceholder(name: string): name is Placeholder {
  return known.has(name);
}

export function findPlaceholders(text: string): PlaceholderUse[] {
  return [...text.matchAll(placeholderPattern)].map((m) => ({ name: m[1]!, index: m.index }));
}

/** Distinct unknown placeholder names, in order of first appearance. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set(findPlaceholders(text).map((p) => p.name))].filter((name) => !isPlaceholder(name));
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The caller builds these itself (tracking URLs, <img> tag) and passes them already safe.
const trustedHtml: ReadonlySet<Placeholder> = new Set(['link', 'reportLink', 'trackingImage']);

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/**
 * Replaces every known placeholder. In `html` mode (bodies) values are HTML-escaped except
 * {{link}}, {{reportLink}} and {{trackingImage}}; in `text` mode (subject, sender name) nothing is
 * escaped. A known placeholder without a value becomes empty; unknown ones are left as they are
 * (content is validated before it is rendered, see unknownPlaceholders), or removed with `remove`.
 */
export function renderPlaceholders(
  text: string,
  values: PlaceholderValues,
  mode: 'html' | 'text' = 'html',
  unknown: 'keep' | 'remove' = 'keep',
): string {
  return text.replace(placeholderPattern, (whole, name: string) => {
    if (!isPlaceholder(name)) return unknown === 'keep' ? whole : '';
    const value = values[name] ?? '';
    return mode === 'html' && !trustedHtml.has(name) ? escapeHtml(value) : value;
  });
}
