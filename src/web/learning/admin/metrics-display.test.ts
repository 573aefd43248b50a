import { describe, expect, it } from 'vitest';
import { chartGeometry, figuresOf, formatChange, formatPercent, isSuppressed, memberView } from './metrics-display.js';
import type { Figures, GroupRow, MemberRow } from './types.js';

const figures: Figures = {
  people: 12,
  assigned: 24,
  completed: 18,
  completionRate: 75,
  firstScore: 60,
  lastScore: 82,
  scoreChange: 22,
  overdue: 3,
};

describe('dashboard display', () => {
  it('recognises a suppressed group, and never takes a figured one for suppressed', () => {
    const small: GroupRow = { key: 'pharmacy_lab', label: 'Pharmacie', suppressed: true, people: '<5' };
    const big: GroupRow = { key: 'nurses', label: 'Infirmiers', ...figures };
    expect(isSuppressed(small)).toBe(true);
    expect(isSuppressed(big)).toBe(false);
    expect(figuresOf(small)).toBeNull();
    expect(figuresOf(big)?.completionRate).toBe(75);
    // Totals of an organization with fewer than 5 learners are withheld the same way.
    expect(figuresOf({ suppressed: true, people: '<5' })).toBeNull();
  });

  it('shows member figures only when the member shares them and has enough people', () => {
    const sharing: MemberRow = { organizationId: 'o1', name: 'CHU', sharing: true, ...figures };
    const small: MemberRow = { organizationId: 'o4', name: 'Pharmacie', sharing: true, suppressed: true, people: '<5' };
    const notSharing = { organizationId: 'o2', name: 'CH', sharing: false } as MemberRow;
    // Even if a number slipped in, a member that does not share shows none.
    const leaked = { organizationId: 'o3', name: 'Clinique', sharing: false, ...figures } as MemberRow;
    expect(memberView(sharing)).toEqual({ kind: 'figures', figures: { ...figures, organizationId: 'o1', name: 'CHU', sharing: true } });
    expect(memberView(small)).toEqual({ kind: 'suppressed' });
    expect(memberView(notSharing)).toEqual({ kind: 'notShared' });
    expect(memberView(leaked)).toEqual({ kind: 'notShared' });
  });

  it('formats percentages and signed changes, with a dash for no value', () => {
    expect(formatPercent(74.6, 'fr')).toMatch(/^75[\u00a0\u202f]%$/);
    expect(formatPercent(74.6, 'en')).toBe('75%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatChange(12, 'en')).toBe('+12');
    expect(formatChange(-3, 'en')).toBe('-3');
    expect(formatChange(0, 'en')).toBe('0');
    expect(formatChange(null, 'fr')).toBe('—');
  });

  it('scales a series into the box and breaks the line on days without a value', () => {
    const box = { left: 0, top: 0, width: 100, height: 50 };
    const g = chartGeometry([0, 10, null, 5], box);
    expect(g.max).toBe(10);
    expect(g.segments).toEqual(['0,50 33.3,0', '100,25']);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 5, 10]);
    const pct = chartGeometry([50, 100], box, 100);
    expect(pct.segments).toEqual(['0,25 100,0']);
    expect(chartGeometry([0, 0], box).max).toBe(1);
    expect(chartGeometry([null, null], box).segments).toEqual([]);
  });
});
