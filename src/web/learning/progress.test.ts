import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  dueTone,
  formatDay,
  formatScore,
  groupAssignments,
  nextStep,
  progressPercent,
  screenNumber,
  selfCheckScore,
} from './progress.js';
import type { AssignmentCard, Attempt, PlayerState } from './types.js';
import { needsAttempt } from './use-player.js';

const card = (over: Partial<AssignmentCard> = {}): AssignmentCard => ({
  id: 'a1',
  moduleId: 'm1',
  title: 'Hameçonnage',
  summary: '',
  durationMinutes: 4,
  level: 1,
  topic: 'phishing',
  status: 'assigned',
  dueAt: null,
  overdue: false,
  assignedAt: '2026-11-01T08:00:00.000Z',
  completedAt: null,
  bestScore: null,
  source: 'rule',
  progress: { phase: null, screen: 0, screens: 6, answered: 0, questions: 8 },
  ...over,
});

const q = (id: string) => ({ id, prompt: `Question ${id}`, choices: [{ text: 'a' }, { text: 'b' }] });
const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  id: 't1',
  number: 1,
  phase: 'quiz',
  screen: 0,
  answered: 0,
  correct: 0,
  score: null,
  questions: [q('q1'), q('q2'), q('q3')],
  relearn: [],
  answers: [],
  ...over,
});
const answer = (questionId: string, kind: 'quiz' | 'relearn', correct: boolean) => ({
  questionId,
  kind,
  choiceIndex: 0,
  correct,
  choices: [],
});

describe('progress of a module', () => {
  it('counts screens read and questions answered as equal steps', () => {
    const p = { screens: 6, questions: 8, answered: 0, screen: 0 };
    expect(progressPercent({ ...p, phase: null })).toBe(0);
    expect(progressPercent({ ...p, phase: 'lesson', screen: 3 })).toBe(21);
    expect(progressPercent({ ...p, phase: 'quiz', answered: 4 })).toBe(71);
    expect(progressPercent({ ...p, phase: 'relearn', answered: 8 })).toBe(100);
    expect(progressPercent({ ...p, phase: 'quiz', answered: 99 })).toBe(100);
    expect(progressPercent({ ...p, phase: 'done' })).toBe(100);
    expect(progressPercent({ ...p, phase: null }, 'completed')).toBe(100);
    expect(progressPercent({ screens: 0, questions: 0, answered: 0, screen: 0, phase: 'lesson' })).toBe(0);
  });

  it('numbers screens from 1 and never beyond the last', () => {
    expect(screenNumber({ phase: 'lesson', screen: 0, screens: 6, answered: 0, questions: 8 })).toEqual({ current: 1, total: 6 });
    expect(screenNumber({ phase: 'lesson', screen: 9, screens: 6, answered: 0, questions: 8 })).toEqual({ current: 6, total: 6 });
  });
});

describe('my learning lists', () => {
  it('puts overdue first, then the nearest due date, then no date', () => {
    const list = [
      card({ id: 'none', title: 'B' }),
      card({ id: 'late', dueAt: '2026-12-20T00:00:00Z', overdue: true }),
      card({ id: 'soon', dueAt: '2026-12-01T00:00:00Z' }),
      card({ id: 'later', dueAt: '2027-01-10T00:00:00Z' }),
    ];
    expect(list.sort(byUrgency).map((c) => c.id)).toEqual(['late', 'soon', 'later', 'none']);
  });

  it('groups by status, newest completion first', () => {
    const g = groupAssignments([
      card({ id: 'c1', status: 'completed', completedAt: '2026-10-01T00:00:00Z' }),
      card({ id: 'p1', status: 'in_progress' }),
      card({ id: 'c2', status: 'completed', completedAt: '2026-11-01T00:00:00Z' }),
      card({ id: 't1' }),
    ]);
    expect(g.toDo.map((c) => c.id)).toEqual(['t1']);
    expect(g.inProgress.map((c) => c.id)).toEqual(['p1']);
    expect(g.completed.map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('tells overdue, soon and later apart', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(dueTone({ overdue: true, dueAt: '2026-11-30T00:00:00Z' }, now)).toBe('overdue');
    expect(dueTone({ overdue: false, dueAt: '2026-12-05T00:00:00Z' }, now)).toBe('soon');
    expect(dueTone({ overdue: false, dueAt: '2027-01-05T00:00:00Z' }, now)).toBe('later');
    expect(dueTone({ overdue: false, dueAt: null }, now)).toBe('none');
  });

  it('formats days in the reader’s language and survives bad input', () => {
    expect(formatDay('2026-12-15T12:00:00Z', 'fr')).toBe('15 décembre 2026');
    expect(formatDay('2026-12-15T12:00:00Z', 'en')).toBe('December 15, 2026');
    expect(formatDay(null, 'fr')).toBe('');
    expect(formatDay('not a date', 'fr')).toBe('');
  });
});

describe('player steps', () => {
  it('resumes the lesson at the stored screen', () => {
    expect(nextStep(attempt({ phase: 'lesson', screen: 2 }), 6)).toEqual({ kind: 'lesson', screen: 2 });
    expect(nextStep(attempt({ phase: 'lesson', screen: 40 }), 6)).toEqual({ kind: 'lesson', screen: 5 });
  });

  it('asks the first unanswered quiz question, then the missed ones again, then finishes', () => {
    let a = attempt({ answers: [answer('q1', 'quiz', true)] });
    expect(nextStep(a, 6)).toMatchObject({ kind: 'question', answerKind: 'quiz', index: 1, total: 3, question: { id: 'q2' } });
    a = attempt({ relearn: ['q2'], answers: [answer('q1', 'quiz', true), answer('q2', 'quiz', false), answer('q3', 'quiz', true)] });
    expect(nextStep(a, 6)).toMatchObject({ kind: 'question', answerKind: 'relearn', index: 0, total: 1, question: { id: 'q2' } });
    a = attempt({ ...a, answers: [...a.answers, answer('q2', 'relearn', true)] });
    expect(nextStep(a, 6)).toEqual({ kind: 'finish' });
    expect(nextStep(attempt({ phase: 'done' }), 6)).toEqual({ kind: 'done' });
  });

  it('ignores a relearn id that is not a question of the attempt', () => {
    const a = attempt({ relearn: ['ghost'], answers: ['q1', 'q2', 'q3'].map((id) => answer(id, 'quiz', true)) });
    expect(nextStep(a, 6)).toEqual({ kind: 'finish' });
  });

  it('starts an attempt on opening, except for a completed module with none open', () => {
    const state = (status: AssignmentCard['status'], att: Attempt | null): PlayerState => ({
      assignment: card({ status }),
      module: { id: 'm1', title: 'M', summary: '', durationMinutes: 4, level: 1, language: 'fr', version: 1, screens: [] },
      attempt: att,
    });
    expect(needsAttempt(state('assigned', null))).toBe(true);
    expect(needsAttempt(state('in_progress', attempt()))).toBe(false);
    expect(needsAttempt(state('in_progress', attempt({ phase: 'done' })))).toBe(true);
    expect(needsAttempt(state('completed', null))).toBe(false);
    expect(needsAttempt(state('completed', attempt({ phase: 'done' })))).toBe(false);
    expect(needsAttempt(state('completed', attempt({ phase: 'quiz' })))).toBe(false);
  });

  it('scores a self-check', () => {
    expect(selfCheckScore([true, false, true, true])).toBe(75);
    expect(selfCheckScore([])).toBe(0);
  });
});

describe('scores', () => {
  it('are written the reader’s way', () => {
    expect(formatScore(87.5, 'fr')).toBe('87,5');
    expect(formatScore(87.5, 'en')).toBe('87.5');
    expect(formatScore(100, 'fr')).toBe('100');
    expect(formatScore(null, 'fr')).toBe('0');
  });
});
