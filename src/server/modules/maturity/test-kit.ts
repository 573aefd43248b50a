import type { Question, Recommendation, Referential } from './referential.js';

/** A tiny, valid referential for unit tests: two themes, a nested question, a multiple choice. */
const t = (s: string) => ({ fr: `${s} (fr)`, en: s });
const yesPartlyNo = [
  { id: 'yes', label: t('Yes'), score: 1 },
  { id: 'partly', label: t('Partly'), score: 0.5 },
  { id: 'no', label: t('No'), score: 0 },
];

export function tinyReferential(): Referential {
  const q = (id: string, themeId: string, extra: Partial<Question> = {}): Question => ({
    id,
    themeId,
    text: t(`Question ${id}?`),
    help: t(`Why ${id} matters.`),
    type: 'single',
    options: yesPartlyNo,
    weight: 2,
    ...extra,
  });
  const r = (id: string, questionIds: string[], priority: 1 | 2 | 3 | 4, effort: Recommendation['effort']): Recommendation => ({
    id,
    questionIds,
    title: t(`Do ${id}`),
    why: t(`Because ${id}.`),
    how: [t('First step.'), t('Second step.')],
    priority,
    effort,
  });
  return {
    id: 'tiny',
    version: 1,
    lastReviewed: '2026-11-29',
    sources: ['tests'],
    title: t('Tiny'),
    themes: [
      { id: 'backups', title: t('Backups'), kind: 'care' },
      { id: 'access', title: t('Access'), kind: 'hygiene' },
    ],
    questions: [
      q('backup', 'backups', { short: true, weight: 3 }),
      q('offline', 'backups', { short: true, parentId: 'backup', showWhen: ['yes', 'partly'] }),
      q('restore', 'backups', { parentId: 'backup', showWhen: ['yes'], weight: 1 }),
      q('mfa', 'access', { short: true, weight: 3 }),
      q('mfa-where', 'access', {
        type: 'multiple',
        weight: 1,
        options: [
          { id: 'remote', label: t('Remote access'), score: 0.6 },
          { id: 'admin', label: t('Admin accounts'), score: 0.6 },
          { id: 'none', label: t('None of these'), score: 0 },
        ],
      }),
      q('wifi', 'access', { weight: 1 }),
    ],
    recommendations: [
      r('r-backup', ['backup', 'offline'], 1, 'medium'),
      r('r-restore', ['restore'], 1, 'low'),
      r('r-mfa', ['mfa', 'mfa-where'], 1, 'low'),
      r('r-wifi', ['wifi'], 3, 'low'),
    ],
  };
}
