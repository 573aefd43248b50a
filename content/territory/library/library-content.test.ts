import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStarterSet, parseStarterFile } from '../../../src/server/modules/territory/library-starter.js';

// Loading throws `file: field: reason` on the first broken file, so this validates every file.
const items = loadStarterSet('content/territory/library');
const fr = items.filter((i) => i.language === 'fr');
const en = items.filter((i) => i.language === 'en');

describe('starter set of the territory library', () => {
  it('holds the five starter resources in French and in English, one file each', () => {
    const ids = ['byod-charter', 'degraded-mode-paper', 'incident-declaration-checklist', 'password-policy', 'ransomware-first-hour'];
    expect(fr.map((i) => i.id)).toEqual(ids);
    expect(en.map((i) => i.id)).toEqual(ids);
    for (const lang of ['fr', 'en'])
      expect(readdirSync(`content/territory/library/${lang}`).filter((f) => f.endsWith('.md'))).toHaveLength(5);
  });

  it('gives both languages the same kind, audience, version, review date and titles, and different texts', () => {
    for (const f of fr) {
      const e = en.find((i) => i.id === f.id)!;
      expect({ kind: e.kind, audience: e.audience, version: e.version, lastReviewed: e.lastReviewed, title: e.title }, f.id).toEqual({
        kind: f.kind,
        audience: f.audience,
        version: f.version,
        lastReviewed: f.lastReviewed,
        title: f.title,
      });
      expect(e.body, f.id).not.toBe(f.body);
      expect(e.summary, f.id).not.toBe(f.summary);
      expect(e.tags.length, f.id).toBe(f.tags.length);
      expect(e.title.en).not.toBe(e.title.fr);
    }
  });

  it('writes French with non-breaking spaces before double punctuation and inside guillemets', () => {
    const frenchTexts = [...fr.flatMap((i) => [i.body, i.summary, i.title.fr]), ...en.map((i) => i.title.fr)];
    for (const t of frenchTexts) {
      expect(t).not.toMatch(/ [?:;!»]|« /);
      expect(t).not.toMatch(/\S[?;!»]/u);
    }
    for (const e of en) expect(`${e.body}${e.summary}`, e.id).not.toMatch(/\u00a0/);
  });

  it('covers the facts each sheet is for', () => {
    const body = (id: string, lang: 'fr' | 'en') => items.find((i) => i.id === id && i.language === lang)!.body;
    // Reporting: ARS and CERT Santé without delay, NIS2 clocks 24 h / 72 h / one month.
    expect(body('incident-declaration-checklist', 'fr')).toMatch(/sans délai[\s\S]*ARS[\s\S]*CERT Santé/);
    for (const clock of ['24\u00a0h|24 h', '72\u00a0h|72 h', 'un mois'])
      expect(body('incident-declaration-checklist', 'fr')).toMatch(new RegExp(clock));
    for (const clock of ['24 hours', '72 hours', 'a month']) expect(body('incident-declaration-checklist', 'en')).toContain(clock);
    // Ransomware: isolate but leave switched on, never pay, logbook.
    expect(body('ransomware-first-hour', 'fr')).toMatch(/Isolez[\s\S]*allumé[\s\S]*Ne payez pas[\s\S]*main courante/);
    expect(body('degraded-mode-paper', 'fr')).toMatch(/main courante/);
    // Templates leave the establishment's own values to fill in.
    for (const id of ['byod-charter', 'password-policy'])
      for (const lang of ['fr', 'en'] as const) expect(body(id, lang)).toMatch(/\[[^\]]+\]/);
  });

  it('rejects a file without its header fields or with a short body', () => {
    expect(() => parseStarterFile('x.md', 'no header')).toThrow(/missing YAML header/);
    const header = (over: string) =>
      `---\nid: x\nlanguage: fr\nkind: template\naudience: all_staff\nversion: 1\nlastReviewed: "2026-11-29"\ntitle:\n  fr: "Un titre"\n  en: "A title"\nsummary: "Un résumé assez long pour passer."\ntags: [a]\n${over}---\n`;
    expect(() => parseStarterFile('x.md', `${header('')}court`)).toThrow(/too short/);
    expect(() => parseStarterFile('x.md', `${header('extra: 1\n')}${'x'.repeat(300)}`)).toThrow(/x.md/);
    expect(() => parseStarterFile('x.md', header('').replace('kind: template', 'kind: poster') + 'x'.repeat(300))).toThrow(/kind/);
  });
});
