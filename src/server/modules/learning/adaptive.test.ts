import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterMiss, afterReview, attemptScore, initialMastery, type Mastery, selectQuestions, updateMastery } from './adaptive.js';

// The shape of the catalogue modules: 4 basic, 4 intermediate, 2 advanced questions.
const bank = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3].map((level, i) => ({ id: `q${i + 1}`, level }));
const levelOf = (id: string) => bank.find((q) => q.id === id)!.level;
const mean = (ids: string[]) => ids.reduce((s, id) => s + levelOf(id), 0) / ids.length;

describe('question selection', () => {
  it('serves 8 questions: easiest first at level 1, hardest first at level 3, level 2 then a mix at level 2', () => {
    const l1 = selectQuestions(bank, 1);
    const l2 = selectQuestions(bank, 2);
    const l3 = selectQuestions(bank, 3);
    expect(l1).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']);
    expect(l3).toEqual(['q9', 'q10', 'q5', 'q6', 'q7', 'q8', 'q1', 'q2']);
    expect(l2.slice(0, 4)).toEqual(['q5', 'q6', 'q7', 'q8']);
    // Then alternately an easier and a harder one.
    expect(l2.slice(4)).toEqual(['q1', 'q9', 'q2', 'q10']);
    expect(mean(l1)).toBeLessThan(mean(l2));
    expect(mean(l2)).toBeLessThanOrEqual(mean(l3));
  });

  it('puts questions due for review first, and serves every question of a short module', () => {
    expect(selectQuestions(bank, 3, new Set(['q2', 'q4'])).slice(0, 3)).toEqual(['q2', 'q4', 'q9']);
    expect(selectQuestions(bank.slice(0, 3), 2)).toHaveLength(3);
  });

  it('never repeats a question and only serves known ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.array(fc.nat(25)),
        (levels, learner, dueIdx) => {
          const qs = levels.map((level, i) => ({ id: `q${i}`, level }));
          const picked = selectQuestions(qs, learner, new Set(dueIdx.map((i) => `q${i}`)));
          expect(new Set(picked).size).toBe(picked.length);
          expect(picked.length).toBe(Math.min(8, qs.length));
          for (const id of picked) expect(qs.some((q) => q.id === id)).toBe(true);
        },
      ),
    );
  });
});

describe('Leitner schedule', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const days = (iso: string) => (Date.parse(iso) - now.getTime()) / 86_400_000;

  it('brings a missed question back in 3 days, then 7, 21 and marks it mastered after three successes', () => {
    const missed = afterMiss(null, now);
    expect(missed).toMatchObject({ box: 1, lapses: 1, mastered: false });
    expect(days(missed.dueAt)).toBe(3);
    const one = afterReview(missed, true, now);
    expect([one.box, days(one.dueAt), one.mastered]).toEqual([2, 7, false]);
    const two = afterReview(one, true, now);
    expect([two.box, days(two.dueAt), two.mastered]).toEqual([3, 21, false]);
    const three = afterReview(two, true, now);
    expect([three.box, three.mastered]).toEqual([4, true]);
  });

  it('sends a question missed again back to box 1 and counts the lapse', () => {
    const again = afterReview({ box: 3, dueAt: now.toISOString(), lapses: 1, mastered: false }, false, now);
    expect(again).toMatchObject({ box: 1, lapses: 2, mastered: false });
    expect(days(again.dueAt)).toBe(3);
  });
});

describe('mastery', () => {
  const run = (answers: boolean[], start: Mastery | null = null) => answers.reduce<Mastery | null>((m, c) => updateMastery(m, c), start)!;

  it('is the mean over the first answers and moves the level only every 5 answers', () => {
    const four = run([true, true, true, true]);
    expect(four).toMatchObject({ score: 1, level: 1, answers: 4, correct: 4, mastered: false });
    const five = run([true, true, true, true, true]);
    expect(five).toMatchObject({ level: 2, mastered: true });
    expect(run(Array(10).fill(true)).level).toBe(3);
    expect(run(Array(30).fill(true)).level).toBe(3);
  });

  it('goes down a level when the average falls under 0.5, and stops being mastered', () => {
    const strong = { ...initialMastery(), score: 0.9, level: 3 as const, answers: 20, correct: 18, mastered: true };
    const weak = run([false, false, false, false, false], strong);
    expect(weak.score).toBeLessThan(0.5);
    expect(weak.level).toBe(2);
    expect(weak.mastered).toBe(false);
    // Never below 1.
    expect(run(Array(20).fill(false)).level).toBe(1);
  });

  it('keeps the score in 0..1 whatever the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (answers) => {
        const m = run(answers);
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect(m.correct).toBe(answers.filter(Boolean).length);
        expect([1, 2, 3]).toContain(m.level);
      }),
    );
  });
});

describe('attempt score', () => {
  it('is a percentage with one decimal; 70 passes', () => {
    expect(attemptScore(7, 10)).toEqual({ score: 70, passed: true });
    expect(attemptScore(5, 8)).toEqual({ score: 62.5, passed: false });
    expect(attemptScore(2, 3)).toEqual({ score: 66.7, passed: false });
    expect(attemptScore(0, 0)).toEqual({ score: 0, passed: false });
  });
});
