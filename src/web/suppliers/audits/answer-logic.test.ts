import { describe, expect, it } from 'vitest';
import { describeValue, formatSize, fromInput, missingOf, progressOf, toInput, valuesOf, visibleQuestions } from './answer-logic.js';
import type { GridDefinition, GridQuestion } from './types.js';

const text = (s: string) => ({ fr: s, en: s });
const q = (id: string, type: GridQuestion['type'], extra: Partial<GridQuestion> = {}): GridQuestion => ({
  id,
  text: text(id),
  type,
  weight: 1,
  evidence: 'none',
  ...extra,
});
const options = [
  { id: 'cloud', label: { fr: 'Nuage', en: 'Cloud' } },
  { id: 'onsite', label: { fr: 'Sur site', en: 'On site' } },
];
const grid: GridDefinition = {
  sections: [
    {
      id: 's1',
      title: text('S1'),
      questions: [
        q('hosts', 'yes_no'),
        q('where', 'multiple', { options, showIf: { questionId: 'hosts', anyOf: ['yes'] } }),
        q('cert', 'yes_no', { evidence: 'required', showIf: { questionId: 'where', anyOf: ['cloud'] } }),
      ],
    },
    { id: 's2', title: text('S2'), questions: [q('staff', 'number'), q('since', 'date', { evidence: 'optional' })] },
  ],
};
const ids = (qs: GridQuestion[]) => qs.map((x) => x.id);

describe('visibleQuestions', () => {
  it('asks a conditional question only once its condition is met, chains included', () => {
    expect(ids(visibleQuestions(grid, new Map()))).toEqual(['hosts', 'staff', 'since']);
    expect(ids(visibleQuestions(grid, new Map([['hosts', 'yes']])))).toEqual(['hosts', 'where', 'staff', 'since']);
    expect(
      ids(
        visibleQuestions(
          grid,
          new Map<string, unknown>([
            ['hosts', 'yes'],
            ['where', ['onsite', 'cloud']],
          ]),
        ),
      ),
    ).toContain('cert');
  });

  it('hides a chain when its first link changes, whatever was answered further down', () => {
    const values = new Map<string, unknown>([
      ['hosts', 'no'],
      ['where', ['cloud']],
      ['cert', 'yes'],
    ]);
    expect(ids(visibleQuestions(grid, values))).toEqual(['hosts', 'staff', 'since']);
  });
});

describe('progress and what is missing', () => {
  it('counts answered among the questions asked', () => {
    const values = valuesOf([
      { questionId: 'hosts', value: 'yes' },
      { questionId: 'where', value: [] },
      { questionId: 'staff', value: 12 },
    ]);
    expect(progressOf(grid, values)).toEqual({ answered: 2, visible: 4, percent: 50 });
  });

  it('lists unanswered asked questions and required files missing, like the server', () => {
    const values = valuesOf([
      { questionId: 'hosts', value: 'yes' },
      { questionId: 'where', value: ['cloud'] },
      { questionId: 'cert', value: 'yes' },
      { questionId: 'staff', value: 3 },
    ]);
    expect(missingOf(grid, values, [])).toEqual({ answers: ['since'], evidence: ['cert'] });
    expect(missingOf(grid, values, [{ questionId: 'cert' }]).evidence).toEqual([]);
    // A file about the whole audit does not count for a question.
    expect(missingOf(grid, values, [{ questionId: null }]).evidence).toEqual(['cert']);
  });
});

describe('input <-> stored value', () => {
  const number = q('n', 'number');
  it('reads a French decimal comma and spaces between thousands', () => {
    expect(fromInput(number, '3,5')).toEqual({ ok: true, value: 3.5 });
    expect(fromInput(number, '12 000')).toEqual({ ok: true, value: 12000 });
    expect(fromInput(number, 'douze')).toEqual({ ok: false, reason: 'number' });
    expect(toInput(number, 3.5)).toBe('3.5');
  });

  it('gives nothing to save for an empty input', () => {
    expect(fromInput(q('t', 'text'), '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(fromInput(q('m', 'multiple', { options }), [])).toEqual({ ok: false, reason: 'empty' });
  });

  it('stores several choices in the grid order, trims text, checks dates', () => {
    expect(fromInput(q('m', 'multiple', { options }), ['onsite', 'cloud'])).toEqual({ ok: true, value: ['cloud', 'onsite'] });
    expect(fromInput(q('t', 'text'), '  ok  ')).toEqual({ ok: true, value: 'ok' });
    expect(fromInput(q('d', 'date'), '2026-13-40')).toEqual({ ok: false, reason: 'date' });
    expect(fromInput(q('d', 'date'), '2026-02-30')).toEqual({ ok: false, reason: 'date' });
    expect(fromInput(q('d', 'date'), '2026-12-01')).toEqual({ ok: true, value: '2026-12-01' });
    expect(fromInput(q('t', 'text'), 'x'.repeat(5001))).toEqual({ ok: false, reason: 'tooLong' });
  });

  it('shows a stored value back in the input, and in words', () => {
    const m = q('m', 'multiple', { options });
    expect(toInput(m, ['cloud'])).toEqual(['cloud']);
    expect(toInput(q('y', 'yes_no'), undefined)).toBe('');
    expect(describeValue(m, ['cloud', 'onsite'], 'en', {})).toBe('Cloud, On site');
    expect(describeValue(q('y', 'yes_no_partial'), 'partial', 'fr', { partial: 'Partiellement' })).toBe('Partiellement');
  });
});

describe('formatSize', () => {
  it('writes sizes the French or the English way', () => {
    expect(formatSize(820, 'fr')).toBe('820 o');
    expect(formatSize(12.5 * 1024, 'fr')).toBe('12,5 Ko');
    expect(formatSize(3 * 1024 * 1024, 'en')).toBe('3 MB');
  });
});
