import { describe, expect, it } from 'vitest';
import { cellView, filterMembers } from './cells.js';
import type { MemberRow } from './types.js';

const off = { shared: false, value: null };
const member = (over: Partial<MemberRow> = {}): MemberRow => ({
  organizationId: 'o1',
  name: 'Clinique Saint-Étienne',
  kind: 'private_clinic',
  isLead: false,
  maturity: { shared: true, value: { score: 62, completedAt: '2026-06-01T10:00:00.000Z', variant: 'short' } },
  training: { shared: true, value: { suppressed: false, people: 12, completionRate: 66.7 } },
  phishing: { shared: true, value: { suppressed: true, campaigns: null, delivered: null, reportRate: null, clickRate: null } },
  suppliers: { shared: true, value: { criticalProviders: 0, audited: 0, coverageRate: null, overdueAudits: 0 } },
  exercises: { shared: true, value: { lastExerciseOn: null } },
  actions: off,
  flags: [],
  ...over,
});

describe('dashboard cells', () => {
  it('keeps "not shared", "fewer than 5" and "no figure" apart from zero', () => {
    const m = member();
    expect(cellView(m, 'actions', 'fr')).toEqual({ kind: 'not_shared' });
    expect(cellView(m, 'phishing', 'fr')).toEqual({ kind: 'small' });
    expect(cellView(m, 'suppliers', 'fr')).toEqual({ kind: 'none' });
    expect(cellView(m, 'exercises', 'fr')).toEqual({ kind: 'none' });
    expect(cellView(member({ exercises: { shared: true, value: { lastExerciseOn: '2026-10-08' } } }), 'exercises', 'en')).toEqual({
      kind: 'figures',
      main: 'Oct 8, 2026',
    });
    expect(cellView(m, 'training', 'en')).toEqual({ kind: 'figures', main: '66.7 %' });
    expect(cellView(m, 'maturity', 'en')).toMatchObject({ kind: 'figures', main: '62 / 100' });
    expect(cellView(member({ actions: { shared: true, value: { open: 0, overdue: 0, doneLast90Days: 3 } } }), 'actions', 'fr')).toEqual({
      kind: 'figures',
      main: '0',
      detail: '0',
    });
  });

  it('filters by name without accents and by flag', () => {
    const rows = [member(), member({ organizationId: 'o2', name: 'CHU Rouen', flags: ['overdue_actions'] })];
    expect(filterMembers(rows, 'saint-etienne', false, 'fr').map((m) => m.organizationId)).toEqual(['o1']);
    expect(filterMembers(rows, '', true, 'fr').map((m) => m.organizationId)).toEqual(['o2']);
    expect(filterMembers(rows, '  ', false, 'fr')).toHaveLength(2);
  });
});
