import { describe, expect, it } from 'vitest';
import { PRIORITY_COUNT, recommend } from './recommend.js';
import { loadReferential } from './referential-check.js';
import { tinyReferential } from './test-kit.js';

const tiny = tinyReferential();
const ids = (r: ReturnType<typeof recommend>) => r.map((x) => x.id);

describe('recommendations', () => {
  it('lists what the answers leave open, by urgency then weighted gap', () => {
    const open = recommend(tiny, { backup: 'partly', offline: 'yes', mfa: 'yes', 'mfa-where': ['remote', 'admin'], wifi: 'no' });
    expect(open.map((r) => [r.id, r.gap, r.questionIds])).toEqual([
      ['r-backup', 1.5, ['backup']],
      ['r-wifi', 1, ['wifi']],
    ]);
    // Nothing answered: the bigger gap first among equals in urgency; a hidden question recommends nothing.
    expect(ids(recommend(tiny, {}))).toEqual(['r-mfa', 'r-backup', 'r-wifi']);
  });

  it('breaks equal gaps by effort, the cheapest first', () => {
    const open = recommend(tiny, { backup: 'no', mfa: 'no', 'mfa-where': ['remote', 'admin'], wifi: 'yes' });
    expect(open.map((r) => [r.id, r.gap, r.effort])).toEqual([
      ['r-mfa', 3, 'low'],
      ['r-backup', 3, 'medium'],
    ]);
  });

  it('recommends from the short questions only in the short version', () => {
    expect(ids(recommend(tiny, { backup: 'yes', offline: 'yes', mfa: 'no' }, 'short'))).toEqual(['r-mfa']);
  });

  it('flags the first six of the real referential as priorities, with why and how in both languages', () => {
    const ref = loadReferential();
    const open = recommend(ref, {});
    expect(open.length).toBeGreaterThan(PRIORITY_COUNT);
    expect(open.map((r) => r.priority)).toEqual(open.map((_, i) => i < 6));
    expect(open.map((r) => r.rank)).toEqual(open.map((_, i) => i + 1));
    for (let i = 1; i < open.length; i++) expect(open[i]!.priorityLevel).toBeGreaterThanOrEqual(open[i - 1]!.priorityLevel);
    for (const r of open) {
      expect(r.why.fr && r.why.en).toBeTruthy();
      expect(r.how.length).toBeGreaterThanOrEqual(2);
    }
    // A small practice that answered nothing yet starts with backups and the second factor.
    const short = recommend(ref, {}, 'short');
    expect(short.filter((r) => r.priority).map((r) => r.id)).toEqual(expect.arrayContaining(['r-offline-backup', 'r-mfa']));
    expect(short.every((r) => r.questionIds.every((id) => ref.questions.find((q) => q.id === id)?.short))).toBe(true);
  });

  it('has nothing left to recommend when everything is answered at its best', () => {
    const best = Object.fromEntries(tiny.questions.map((q) => [q.id, q.type === 'multiple' ? ['remote', 'admin'] : 'yes'] as const));
    expect(recommend(tiny, best)).toEqual([]);
  });
});
