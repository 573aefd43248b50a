import { describe, expect, it } from 'vitest';
import { loadPhishingCatalogue } from '../../src/server/modules/phishing/content-loader.js';
import { renderPlaceholders } from '../../src/server/modules/phishing/placeholders.js';

// Loading throws `path:line: reason` on the first broken file, so this also validates every file.
const { templates, landingPages } = loadPhishingCatalogue('content/phishing');
const fr = templates.filter((t) => t.language === 'fr');
const en = (id: string) => templates.find((t) => t.id === id && t.language === 'en');

describe('phishing content', () => {
  it('offers at least 15 templates, each in French and English with the same version and markup', () => {
    expect(fr.length).toBeGreaterThanOrEqual(15);
    for (const t of fr) {
      const translation = en(t.id);
      expect(translation, `${t.id}.en.html`).toBeDefined();
      expect(translation!.version, t.id).toBe(t.version);
      const marks = (body: string) => [...new Set([...body.matchAll(/data-cue="([^"]+)"/g)].map((m) => m[1]))].sort();
      expect(marks(translation!.body), t.id).toEqual(marks(t.body));
    }
  });

  it('has the four landing pages campaigns point to, in both languages', () => {
    const kinds = Object.fromEntries(landingPages.filter((l) => l.language === 'fr').map((l) => [l.id, l.kind]));
    expect(kinds).toMatchObject({
      'health-pro-sign-in': 'sign-in',
      'webmail-sign-in': 'webmail',
      'file-share-sign-in': 'file-share',
      'attachment-viewer': 'attachment',
    });
    expect(landingPages.filter((l) => l.language === 'en').length).toBe(Object.keys(kinds).length);
  });

  it('spreads difficulty: at least 4 very, 4 moderately and 3 least difficult templates', () => {
    const count = (d: string) => fr.filter((t) => t.difficulty === d).length;
    expect(count('very-difficult')).toBeGreaterThanOrEqual(4);
    expect(count('moderately-difficult')).toBeGreaterThanOrEqual(4);
    expect(count('least-difficult')).toBeGreaterThanOrEqual(3);
  });

  it('covers the situations health staff meet', () => {
    const themes = new Set(fr.map((t) => t.theme));
    for (const theme of [
      'professional-identity',
      'lab-results',
      'health-insurance',
      'supplier-invoice',
      'hr-notice',
      'it-notice',
      'parcel-delivery',
      'shared-document',
    ]) {
      expect(themes.has(theme as never), theme).toBe(true);
    }
  });

  it('renders every placeholder for a sample person', () => {
    const person = { firstName: 'Camille', lastName: 'Martin', email: 'c.martin@chu.example', service: 'Cardiologie', site: 'Site Nord' };
    for (const t of templates) {
      const html = renderPlaceholders(t.body, { ...person, link: 'https://t.example/c/x', trackingImage: '' });
      expect(html, t.path).not.toMatch(/\{\{/);
      expect(html, t.path).toContain('href="https://t.example/c/x"');
    }
  });

  it('writes French with its typography: a non-breaking space before : ; ? ! and inside « »', () => {
    const visible = (html: string) => html.replace(/<[^>]*>/g, ' ');
    for (const t of fr) {
      const texts = [t.title, t.subject, t.fromName, t.phishScale.premiseRationale, ...t.cues.flatMap((c) => [c.label, c.explanation])];
      for (const text of [...texts, visible(t.body)]) {
        expect(text, t.path).not.toMatch(/ [:;?!»]|« /);
      }
    }
    for (const l of landingPages.filter((x) => x.language === 'fr')) expect(visible(l.body), l.path).not.toMatch(/ [:;?!»]|« /);
  });
});
