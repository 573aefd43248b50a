import { describe, expect, it } from 'vitest';
import { ContentError, loadModules, parseModuleFile } from '../../src/server/modules/learning/content-loader.js';

const dir = 'content/learning';

describe('learning content', () => {
  const modules = loadModules(dir);
  const fr = modules.filter((m) => m.language === 'fr');

  it('validates every module file (a broken file fails with its path and line)', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it('covers the catalogue issue 3 asks for: 16 modules, patients and students included', () => {
    expect(fr.length).toBeGreaterThanOrEqual(16);
    expect(fr.some((m) => m.audience === 'patients')).toBe(true);
    expect(fr.some((m) => m.roleFamilies.includes('students_interns') && m.threatTags.includes('onboarding'))).toBe(true);
    for (const m of fr) expect(m.questions.length, m.id).toBeGreaterThanOrEqual(8);
  });

  it('keeps each lesson between 3 and 7 minutes of reading (200 words a minute) and never promises less', () => {
    for (const m of modules) {
      const words = m.screens
        .map((s) => `${s.title} ${s.body}`)
        .join(' ')
        .split(/\s+/).length;
      const minutes = words / 200;
      expect(minutes, `${m.path}: ${words} words`).toBeGreaterThanOrEqual(2.5);
      expect(minutes, `${m.path}: ${words} words`).toBeLessThanOrEqual(7);
      // durationMinutes covers the lesson and the quiz: it must never promise less than the reading alone.
      expect(m.durationMinutes, `${m.path}: ${minutes.toFixed(1)} min of reading`).toBeGreaterThanOrEqual(Math.floor(minutes));
    }
  });

  it('has an English translation for every French module, with the same questions', () => {
    for (const m of fr) {
      const en = modules.find((x) => x.id === m.id && x.language === 'en');
      expect(en, `${m.id}.en.md`).toBeDefined();
      expect(en!.questions.map((q) => q.id)).toEqual(m.questions.map((q) => q.id));
      expect(en!.questions.map((q) => q.choices.map((c) => c.correct))).toEqual(m.questions.map((q) => q.choices.map((c) => c.correct)));
      expect(en!.version).toBe(m.version);
    }
  });

  it('reports the path and line of a broken header', () => {
    const text = ['---', 'id: demo', 'language: fr', 'version: one', '---', '## Écran', 'texte'].join('\n');
    try {
      parseModuleFile('content/learning/demo.fr.md', text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as Error).message).toMatch(/^content\/learning\/demo\.fr\.md:\d+: /);
    }
  });
});
