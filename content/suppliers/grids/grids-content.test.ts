import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gridContentSchema, loadGridCatalogue } from '../../../src/server/modules/suppliers/grid-content.js';
import { questionsOf } from '../../../src/server/modules/suppliers/grid-definition.js';

// Loading throws `file: field: reason` on the first broken file, so this validates every file.
const grids = loadGridCatalogue('content/suppliers/grids');
const byId = new Map(grids.map((g) => [g.id, g]));

describe('catalogue audit grids', () => {
  it('validates every file against the content schema, with a version and a review date', () => {
    const files = readdirSync('content/suppliers/grids').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBe(grids.length);
    for (const f of files) {
      const parsed = gridContentSchema.safeParse(parse(readFileSync(`content/suppliers/grids/${f}`, 'utf8')));
      expect(parsed.success, f).toBe(true);
    }
    expect([...byId.keys()].sort()).toEqual([
      'connected-medical-devices',
      'digital-hygiene',
      'gdpr-processor',
      'hds-provider',
      'remote-maintenance',
    ]);
  });

  it('asks the 42 digital-hygiene measures in 10 themes, each cited once and in order', () => {
    const hygiene = byId.get('digital-hygiene')!;
    expect(hygiene.definition.sections).toHaveLength(10);
    const questions = questionsOf(hygiene.definition);
    expect(questions).toHaveLength(42);
    expect(questions.map((q) => q.reference)).toEqual(Array.from({ length: 42 }, (_, i) => `Mesure ${i + 1}`));
    expect(hygiene.definition.sections.map((s) => s.questions.length)).toEqual([3, 4, 6, 5, 8, 3, 4, 2, 5, 2]);
  });

  it('covers GDPR art. 28(3) points a to h and the six HDS activities', () => {
    const refs = questionsOf(byId.get('gdpr-processor')!.definition).map((q) => q.reference ?? '');
    for (const point of 'abcdefgh')
      expect(
        refs.some((r) => r.includes(`28.3.${point}`)),
        point,
      ).toBe(true);
    const activities = questionsOf(byId.get('hds-provider')!.definition).find((q) => q.id === 'hds-activities')!;
    expect(activities.options?.map((o) => o.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(activities.showIf).toEqual({ questionId: 'hds-certified', anyOf: ['yes'] });
  });

  it('writes French with non-breaking spaces before double punctuation, and English that differs', () => {
    for (const g of grids)
      for (const q of questionsOf(g.definition)) {
        expect(q.text.fr, `${g.id}/${q.id}`).not.toMatch(/ [?:;!»]|« /);
        expect(q.text.en, `${g.id}/${q.id}`).not.toBe(q.text.fr);
        expect(q.weight, `${g.id}/${q.id}`).toBeGreaterThanOrEqual(1);
      }
  });
});
