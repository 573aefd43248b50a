import { describe, expect, it } from 'vitest';
import { formatFigure, missingQuestions, progressOf, themeSteps, toggleOption, visibleQuestionIds, withAnswer } from './questionnaire.js';
import type { Question, Theme } from './types.js';

const text = (s: string) => ({ fr: s, en: s });
const option = (id: string, score: number) => ({ id, label: text(id), score });
const yesNo = [option('yes', 1), option('partly', 0.5), option('no', 0)];
const q = (id: string, themeId: string, extra: Partial<Question> = {}): Question => ({
  id,
  themeId,
  text: text(id),
  help: text(`${id} help`),
  type: 'single',
  options: yesNo,
  weight: 2,
  ...extra,
});

// A backup question, its nested "restore tested" shown on yes or partly, and that one's own follow-up.
const questions: Question[] = [
  q('backup', 'continuity'),
  q('restore-tested', 'continuity', { parentId: 'backup', showWhen: ['yes', 'partly'] }),
  q('restore-timed', 'continuity', { parentId: 'restore-tested', showWhen: ['yes'] }),
  q('tools', 'access', { type: 'multiple', options: [option('mfa', 0.5), option('vault', 0.5), option('none', 0)] }),
];
const themes: Theme[] = [
  { id: 'access', kind: 'hygiene', title: text('Access') },
  { id: 'network', kind: 'hygiene', title: text('Network') },
  { id: 'continuity', kind: 'care', title: text('Continuity') },
];

describe('nested questions', () => {
  it('show only when their parent is shown and answered with an option that calls for them', () => {
    expect([...visibleQuestionIds(questions, {})]).toEqual(['backup', 'tools']);
    expect([...visibleQuestionIds(questions, { backup: 'partly' })]).toEqual(['backup', 'restore-tested', 'tools']);
    expect(visibleQuestionIds(questions, { backup: 'no', 'restore-tested': 'yes' }).has('restore-timed')).toBe(false);
    expect(visibleQuestionIds(questions, { backup: 'yes', 'restore-tested': 'yes' }).has('restore-timed')).toBe(true);
  });

  it('lose their answers, down the whole chain, when the parent’s new answer hides them', () => {
    const full = { backup: 'yes', 'restore-tested': 'yes', 'restore-timed': 'no', tools: ['mfa'] };
    expect(withAnswer(questions, full, 'backup', 'no')).toEqual({ backup: 'no', tools: ['mfa'] });
    expect(withAnswer(questions, full, 'restore-tested', 'partly')).toEqual({ backup: 'yes', 'restore-tested': 'partly', tools: ['mfa'] });
    expect(withAnswer(questions, full, 'tools', [])).toEqual({ backup: 'yes', 'restore-tested': 'yes', 'restore-timed': 'no' });
    expect(withAnswer(questions, full, 'backup', null)).toEqual({ tools: ['mfa'] });
  });
});

describe('multiple choice', () => {
  it('keeps "none" alone: ticking it clears the others, ticking another clears it', () => {
    expect(toggleOption(['mfa', 'vault'], 'none', true)).toEqual(['none']);
    expect(toggleOption(['none'], 'mfa', true)).toEqual(['mfa']);
    expect(toggleOption(['mfa'], 'vault', true)).toEqual(['mfa', 'vault']);
    expect(toggleOption(['mfa', 'vault'], 'mfa', false)).toEqual(['vault']);
  });
});

describe('steps, progress and missing answers', () => {
  it('makes one step per theme that asks something, in the referential’s order', () => {
    expect(themeSteps({ themes, questions }).map((s) => [s.theme.id, s.questions.length])).toEqual([
      ['access', 1],
      ['continuity', 3],
    ]);
  });

  it('counts and lists only the questions asked', () => {
    const answers = { backup: 'yes', tools: ['none'] };
    expect(progressOf(questions, answers)).toEqual({ answered: 2, asked: 3 });
    expect(missingQuestions(questions, answers).map((m) => m.id)).toEqual(['restore-tested']);
    expect(missingQuestions(questions, { backup: 'no', tools: ['mfa'] })).toEqual([]);
  });
});

describe('figures from Rempart', () => {
  it('reads ratios as percentages and the exercise figure as days', () => {
    expect(formatFigure('learning.completion', 0.724, 'en')).toBe('72%');
    expect(formatFigure('exercises.last_date', 412, 'en')).toBe('412');
    expect(formatFigure('phishing.report_rate', 0.5, 'fr')).toMatch(/^50\s%$/u);
  });
});
