import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidAnswers, validateAnswers, visibleQuestions } from './answers.js';
import { tinyReferential } from './test-kit.js';

const tiny = tinyReferential();
const codes = (answers: Record<string, unknown>, version: 'full' | 'short' = 'full') =>
  validateAnswers(tiny, answers, version).map((i) => [i.field, i.code]);

describe('diagnostic answers', () => {
  it('accepts answers that fit the referential', () => {
    expect(codes({ backup: 'yes', offline: 'no', restore: 'partly', 'mfa-where': ['remote', 'admin'], wifi: 'no' })).toEqual([]);
    expect(codes({ 'mfa-where': ['none'] })).toEqual([]);
    expect(codes({ backup: 'partly', offline: 'yes', mfa: 'no' }, 'short')).toEqual([]);
  });

  it('names each wrong answer by its field with a stable code', () => {
    expect(
      codes({
        ghost: 'yes',
        backup: 'perhaps',
        mfa: ['yes', 'no'],
        'mfa-where': ['remote', 'none'],
        wifi: 3,
      }),
    ).toEqual([
      ['answers.ghost', 'unknown_question'],
      ['answers.backup', 'unknown_option'],
      ['answers.mfa', 'single_expects_one'],
      ['answers.mfa-where', 'none_exclusive'],
      ['answers.wifi', 'invalid_value'],
    ]);
    expect(codes({ 'mfa-where': [] })).toEqual([['answers.mfa-where', 'empty_answer']]);
    expect(codes({ 'mfa-where': ['admin', 'admin'] })).toEqual([['answers.mfa-where', 'duplicate_option']]);
    expect(codes({ wifi: 'yes' }, 'short')).toEqual([['answers.wifi', 'not_in_version']]);
  });

  it('refuses an answer to a nested question its parent hides', () => {
    expect(codes({ backup: 'no', offline: 'yes' })).toEqual([['answers.offline', 'hidden_question']]);
    expect(codes({ offline: 'yes' })).toEqual([['answers.offline', 'hidden_question']]);
    expect(codes({ backup: 'partly', restore: 'yes' })).toEqual([['answers.restore', 'hidden_question']]);
    // A broken parent answer shows nothing below it.
    expect(codes({ backup: 'perhaps', offline: 'yes' })).toEqual([
      ['answers.backup', 'unknown_option'],
      ['answers.offline', 'hidden_question'],
    ]);
    expect([...visibleQuestions(tiny, { backup: 'yes' }, 'short')]).toEqual(['backup', 'offline', 'mfa']);
  });

  it('speaks French and English and turns the first issue into a 400 on its field', () => {
    const [issue] = validateAnswers(tiny, { backup: 'perhaps' }, 'full');
    expect(issue!.message.fr).toBe('Le choix « perhaps » n’existe pas pour cette question.');
    expect(issue!.message.en).toBe('Option "perhaps" does not exist for this question.');
    const error = invalidAnswers([issue!])!;
    expect([error.status, error.code, error.field]).toEqual([400, 'answers_unknown_option', 'answers.backup']);
    expect(invalidAnswers([])).toBeUndefined();
  });

  it('never throws on arbitrary input and ties every issue to an answers field', () => {
    const value = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.integer(),
      fc.constant(null),
      fc.object(),
      fc.constantFrom('yes', 'none'),
    );
    const key = fc.oneof(fc.constantFrom(...tiny.questions.map((q) => q.id), '__proto__', 'constructor'), fc.string());
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.constantFrom('full' as const, 'short' as const), (answers, version) => {
        for (const issue of validateAnswers(tiny, answers, version)) {
          expect(issue.field.startsWith('answers.')).toBe(true);
          expect(issue.message.fr.length > 0 && issue.message.en.length > 0).toBe(true);
        }
      }),
    );
  });
});
