import { describe, expect, it } from 'vitest';
import { sampleDefinition } from '../../../../test/support/suppliers-grids-factory.js';
import { gridIssues } from './grid-check.js';
import { type GridQuestion, questionsOf } from './grid-definition.js';
import { gridScore, validateAnswer, visibleQuestions } from './grid-logic.js';

const grid = sampleDefinition();
const q = (id: string): GridQuestion => questionsOf(grid).find((x) => x.id === id)!;
const ids = (qs: GridQuestion[]) => qs.map((x) => x.id);

describe('visibleQuestions', () => {
  it('asks conditional questions only after the answer they depend on', () => {
    expect(ids(visibleQuestions(grid, {}))).toEqual(['certified', 'patching', 'location', 'hours', 'contact']);
    expect(ids(visibleQuestions(grid, { certified: 'no' }))).not.toContain('activities');
    expect(ids(visibleQuestions(grid, new Map([['certified', 'yes']])))).toEqual([
      'certified',
      'activities',
      'expiry',
      'patching',
      'location',
      'hours',
      'contact',
    ]);
  });

  it('follows chains: a question hidden by its condition hides those depending on it, and matches any of several choices', () => {
    const chained = sampleDefinition();
    chained.sections[1]!.questions[1]!.showIf = { questionId: 'activities', anyOf: ['a5', 'a6'] };
    expect(ids(visibleQuestions(chained, { certified: 'yes', activities: ['a1', 'a6'] }))).toContain('location');
    expect(ids(visibleQuestions(chained, { certified: 'yes', activities: ['a1'] }))).not.toContain('location');
    // A stale answer to a hidden question does not open what depends on it.
    expect(ids(visibleQuestions(chained, { certified: 'no', activities: ['a6'] }))).not.toContain('location');
  });
});

describe('validateAnswer', () => {
  it('accepts each type’s values and returns what to store', () => {
    expect(validateAnswer(q('certified'), 'yes')).toEqual({ ok: true, value: 'yes' });
    expect(validateAnswer(q('patching'), 'partial')).toEqual({ ok: true, value: 'partial' });
    expect(validateAnswer(q('location'), 'eea')).toEqual({ ok: true, value: 'eea' });
    // Options come back de-duplicated, in the grid's order.
    expect(validateAnswer(q('activities'), ['a6', 'a1', 'a6'])).toEqual({ ok: true, value: ['a1', 'a6'] });
    expect(validateAnswer(q('hours'), 0)).toEqual({ ok: true, value: 0 });
    expect(validateAnswer(q('expiry'), '2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(validateAnswer(q('contact'), '  SOC 24/7  ')).toEqual({ ok: true, value: 'SOC 24/7' });
  });

  it('refuses wrong values with a stable code and a message in both languages', () => {
    const bad: Array<[string, unknown, string]> = [
      ['certified', 'partial', 'invalid_yes_no'],
      ['certified', true, 'invalid_yes_no'],
      ['patching', 'maybe', 'invalid_yes_no_partial'],
      ['location', 'moon', 'invalid_option'],
      ['activities', [], 'invalid_options'],
      ['activities', ['a1', 'a9'], 'invalid_options'],
      ['activities', 'a1', 'invalid_options'],
      ['hours', '12', 'invalid_number'],
      ['hours', Number.NaN, 'invalid_number'],
      ['expiry', '2027-02-29', 'invalid_date'],
      ['expiry', '29/02/2028', 'invalid_date'],
      ['contact', '   ', 'invalid_text'],
      ['contact', 'x'.repeat(5001), 'text_too_long'],
    ];
    for (const [id, value, code] of bad) {
      const r = validateAnswer(q(id), value);
      expect(r.ok, `${id} ${String(value).slice(0, 20)}`).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(code);
        expect(r.message.fr).not.toBe(r.message.en);
      }
    }
    expect(validateAnswer(q('contact'), 'x'.repeat(5000)).ok).toBe(true);
  });
});

describe('gridScore', () => {
  it('weights compliance by question, counts partial as half and leaves not-applicable and unrated out', () => {
    // Weights: certified 5, activities 4, expiry 2, patching 3, location 3, hours 1, contact 0.
    const s = gridScore(grid, {
      certified: 'compliant',
      activities: 'partial',
      expiry: 'not_applicable',
      patching: 'non_compliant',
      location: 'compliant',
    });
    // (5 + 2 + 0 + 3) / (5 + 4 + 3 + 3) = 10 / 15
    expect(s.score).toBe(66.7);
    expect(s.counts).toEqual({ compliant: 2, partial: 1, non_compliant: 1, not_applicable: 1, unrated: 2 });
    expect(s.sections).toEqual([
      { sectionId: 'hosting', score: 77.8 },
      { sectionId: 'operations', score: 50 },
    ]);
    expect(gridScore(grid, { expiry: 'not_applicable' }).score).toBeNull();
    expect(gridScore(grid, new Map(questionsOf(grid).map((x) => [x.id, 'compliant']))).score).toBe(100);
  });
});

describe('gridIssues', () => {
  it('finds nothing wrong in a sound grid and names the path of each problem', () => {
    expect(gridIssues(grid)).toEqual([]);
    const broken = sampleDefinition();
    broken.sections[1]!.id = 'hosting';
    broken.sections[1]!.questions[2]!.options = [{ id: 'x', label: { fr: 'x', en: 'x' } }];
    expect(gridIssues(broken, 'body.definition').map((i) => [i.code, i.field])).toEqual([
      ['duplicate_section_id', 'body.definition.sections.1.id'],
      ['options_not_allowed', 'body.definition.sections.1.questions.2.options'],
    ]);
  });
});
