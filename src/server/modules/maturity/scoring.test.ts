import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answers, answerScore, type DiagnosticVersion, optionIdsOf, validateAnswers } from './answers.js';
import { NONE_OPTION, type Question } from './referential.js';
import { loadReferential } from './referential-check.js';
import { score } from './scoring.js';
import { tinyReferential } from './test-kit.js';

const tiny = tinyReferential();
const ref = loadReferential();
const themeScores = (r: ReturnType<typeof score>) => Object.fromEntries(r.themes.map((t) => [t.themeId, t.score]));

describe('maturity scores', () => {
  it('weights answers per theme, counts a hidden nested question as 0 without asking it', () => {
    const answers: Answers = { backup: 'partly', offline: 'yes', mfa: 'yes', 'mfa-where': ['remote', 'admin'], wifi: 'no' };
    const full = score(tiny, answers);
    // backups: (3 × 0.5 + 2 × 1 + restore hidden 1 × 0) / 6; access: (3 + 1 × min(1, 1.2) + 0) / 5
    expect(themeScores(full)).toEqual({ backups: 58, access: 80 });
    expect(full.overall).toBe(68);
    expect(full.missing).toEqual([]);
    expect(full.themes.map((t) => t.kind)).toEqual(['care', 'hygiene']);
  });

  it('counts unanswered questions as 0 and reports them missing, nested ones only once shown', () => {
    const empty = score(tiny, {});
    expect(empty.overall).toBe(0);
    expect(empty.missing).toEqual(['backup', 'mfa', 'mfa-where', 'wifi']);
    const started = score(tiny, { backup: 'yes' });
    expect(started.missing).toEqual(['offline', 'restore', 'mfa', 'mfa-where', 'wifi']);
    expect(started.themes[0]!.missing).toEqual(['offline', 'restore']);
    expect(themeScores(started).backups).toBe(50);
  });

  it('scores the short version on the short questions only', () => {
    const answers: Answers = { backup: 'partly', offline: 'yes', mfa: 'yes', wifi: 'no' };
    const short = score(tiny, answers, 'short');
    expect(themeScores(short)).toEqual({ backups: 70, access: 100 });
    expect(short.overall).toBe(81);
    expect(short.version).toBe('short');
    const shortOfReal = score(ref, {}, 'short');
    expect(shortOfReal.missing).toEqual(ref.questions.filter((q) => q.short && !q.parentId).map((q) => q.id));
    expect(shortOfReal.themes.find((t) => t.themeId === 'c-exposure')?.score).toBeNull();
  });

  it('reaches 100 everywhere when every question gets its best answer', () => {
    expect(score(ref, bestAnswers()).overall).toBe(100);
    expect(score(ref, bestAnswers()).themes.every((t) => t.score === 100)).toBe(true);
    expect(score(ref, bestAnswers(), 'short').overall).toBe(100);
  });

  it('ticking "none" scores 0 whatever else is ticked, and options add up to at most 1', () => {
    const where = tiny.questions.find((q) => q.id === 'mfa-where')!;
    expect(answerScore(where, ['remote'])).toBe(0.6);
    expect(answerScore(where, ['remote', 'admin'])).toBe(1);
    expect(answerScore(where, ['remote', NONE_OPTION])).toBe(0);
    expect(answerScore(where, ['elsewhere'])).toBeUndefined();
  });
});

function bestAnswers(): Answers {
  return Object.fromEntries(ref.questions.map((q) => [q.id, best(q)]));
}
function best(q: Question): string | string[] {
  if (q.type === 'multiple') return q.options.filter((o) => o.id !== NONE_OPTION).map((o) => o.id);
  return [...q.options].sort((a, b) => b.score - a.score)[0]!.id;
}

/** Any well-formed answer to a question (hidden ones included, the scores must ignore them). */
const answerTo = (q: Question): fc.Arbitrary<string | string[]> => {
  const ids = q.options.map((o) => o.id);
  if (q.type === 'single') return fc.constantFrom(...ids);
  const others = ids.filter((id) => id !== NONE_OPTION);
  return fc.oneof(fc.constant<string[]>([NONE_OPTION]), fc.subarray(others, { minLength: 1 }));
};
const answersArb: fc.Arbitrary<Answers> = fc.record(Object.fromEntries(ref.questions.map((q) => [q.id, answerTo(q)])), {
  requiredKeys: [],
}) as fc.Arbitrary<Answers>;

/** A better or equal answer: a single option scoring at least as much, or one more ticked option. */
function improvements(q: Question, current: string | string[] | undefined): Array<string | string[]> {
  if (q.type === 'single') {
    const now = answerScore(q, current) ?? -1;
    return q.options.filter((o) => o.score >= now).map((o) => o.id);
  }
  const ticked = optionIdsOf(current).filter((id) => id !== NONE_OPTION);
  return q.options.filter((o) => o.id !== NONE_OPTION && !ticked.includes(o.id)).map((o) => [...ticked, o.id]);
}

describe('maturity score properties', () => {
  const versions: DiagnosticVersion[] = ['full', 'short'];

  it('stays within 0..100 for any answers', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...versions), (answers, version) => {
        const r = score(ref, answers, version);
        for (const s of [r.overall, ...r.themes.map((t) => t.score)]) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
      }),
    );
  });

  it('never lowers a theme or the overall score when an answer improves, nested questions included', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), fc.constantFrom(...versions), (answers, qi, pick, version) => {
        const q = ref.questions[qi % ref.questions.length]!;
        const better = improvements(q, answers[q.id]);
        if (better.length === 0) return;
        const before = score(ref, answers, version);
        const after = score(ref, { ...answers, [q.id]: better[pick % better.length]! }, version);
        expect(after.overall ?? 0).toBeGreaterThanOrEqual(before.overall ?? 0);
        for (const [i, t] of after.themes.entries()) expect(t.score ?? 0, t.themeId).toBeGreaterThanOrEqual(before.themes[i]!.score ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('validates generated answers except those to questions their parent hides', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const issues = validateAnswers(ref, answers, 'full');
        expect(issues.every((i) => i.code === 'hidden_question')).toBe(true);
        const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => !issues.some((i) => i.field === `answers.${id}`)));
        expect(validateAnswers(ref, kept, 'full')).toEqual([]);
      }),
    );
  });
});
