import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerScore } from './answers.js';
import { sourceMetrics } from './referential.js';
import { loadReferential } from './referential-check.js';
import { daysSince, fromSource } from './source.js';

const ref = loadReferential();
const byMetric = (metric: keyof typeof sourceMetrics) => ref.questions.find((q) => q.source?.metric === metric)!;

describe('answers Rempart fills in from its own figures', () => {
  it('maps each figure to the option of its range', () => {
    const training = byMetric('learning.completion');
    expect([0.85, 0.8, 0.79, 0.5, 0.2, 0.19, 0].map((f) => fromSource(training, f))).toEqual([
      'most',
      'most',
      'half',
      'half',
      'some',
      'few',
      'few',
    ]);
    expect(fromSource(byMetric('phishing.report_rate'), 0.3)).toBe('medium');
    expect(fromSource(byMetric('suppliers.audit_coverage'), 0.04)).toBe('none');
    const exercise = byMetric('exercises.last_date');
    expect([0, 365, 366, 730, 731, 4000].map((d) => fromSource(exercise, d))).toEqual([
      'this-year',
      'this-year',
      'last-year',
      'last-year',
      'older',
      'older',
    ]);
  });

  it('uses the unknown option when nothing was measured, and nothing for a figure out of range', () => {
    expect(fromSource(byMetric('exercises.last_date'), null)).toBe('never');
    expect(fromSource(byMetric('learning.completion'), null)).toBeUndefined();
    expect(fromSource(byMetric('learning.completion'), -0.1)).toBeUndefined();
    expect(fromSource(byMetric('learning.completion'), Number.NaN)).toBeUndefined();
    expect(fromSource(ref.questions.find((q) => !q.source)!, 0.9)).toBeUndefined();
  });

  it('covers every figure in range, and a better figure never gives a lower score', () => {
    for (const q of ref.questions.filter((x) => x.source)) {
      const days = sourceMetrics[q.source!.metric] === 'days';
      const figure = days ? fc.integer({ min: 0, max: 20_000 }) : fc.double({ min: 0, max: 1, noNaN: true });
      fc.assert(
        fc.property(figure, figure, (a, b) => {
          const [worse, better] = days ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
          const low = fromSource(q, worse);
          const high = fromSource(q, better);
          expect(low, `${q.id} ${worse}`).toBeDefined();
          expect(answerScore(q, high)!).toBeGreaterThanOrEqual(answerScore(q, low)!);
        }),
      );
    }
  });

  it('counts whole days since a date, none for no date', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(daysSince('2026-11-28T13:00:00Z', now)).toBe(0);
    expect(daysSince('2025-11-29T12:00:00Z', now)).toBe(365);
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince('not a date', now)).toBeNull();
  });
});
