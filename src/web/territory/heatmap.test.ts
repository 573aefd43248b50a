import { describe, expect, it } from 'vitest';
import { bandOf, heatmapCsv, sortMembers, sparkPoints } from './heatmap.js';
import type { Heatmap, HeatmapMember } from './types.js';

const member = (name: string, overall: number | null, shares = true): HeatmapMember => ({
  organizationId: name,
  name,
  kind: 'hospital',
  isLead: false,
  shares,
  latest:
    overall === null ? null : { completedAt: '2026-10-02T09:00:00.000Z', variant: 'full', overall, themes: { gov: overall, care: null } },
  trend: overall === null ? [] : [{ completedAt: '2026-10-02T09:00:00.000Z', variant: 'full', overall }],
});

const map: Heatmap = {
  territoryId: 't',
  themes: [
    { id: 'gov', title: { fr: 'Gouvernance', en: 'Governance' }, kind: 'hygiene' },
    { id: 'care', title: { fr: 'Soins; continuité', en: 'Care' }, kind: 'care' },
  ],
  members: [member('Clinique B', 55), member('EHPAD A', null, false), member('=CH C', 82), member('Centre D', null)],
};

describe('score bands', () => {
  it('puts each score in its band at the boundaries, nothing for a missing score', () => {
    expect([0, 39, 40, 59, 60, 79, 80, 100].map((s) => bandOf(s)?.key)).toEqual([
      'low',
      'low',
      'fragile',
      'fragile',
      'fair',
      'fair',
      'good',
      'good',
    ]);
    expect(bandOf(null)).toBeNull();
    expect(bandOf(Number.NaN)).toBeNull();
  });
});

describe('member order', () => {
  it('sorts by overall score either way, members without figures last by name', () => {
    expect(sortMembers(map.members, 'desc', 'fr').map((m) => m.name)).toEqual(['=CH C', 'Clinique B', 'Centre D', 'EHPAD A']);
    expect(sortMembers(map.members, 'asc', 'fr').map((m) => m.name)).toEqual(['Clinique B', '=CH C', 'Centre D', 'EHPAD A']);
  });
});

describe('CSV export', () => {
  const labels = {
    member: 'Membre',
    shares: 'État',
    notSharing: 'ne partage pas',
    noDiagnostic: 'aucun diagnostic',
    completedAt: 'Terminé le',
    variant: 'Version',
    overall: 'Score',
    variants: { full: 'complet', short: 'court' },
  };
  it('writes one row per member in the order on screen, quoting separators and defusing formulas', () => {
    const csv = heatmapCsv(map, sortMembers(map.members, 'desc', 'fr'), 'fr', labels);
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Membre;État;Terminé le;Version;Score;Gouvernance;"Soins; continuité"');
    expect(lines[1]).toBe("'=CH C;;2026-10-02;complet;82;82;");
    expect(lines[3]).toBe('Centre D;aucun diagnostic;;;;;');
    expect(lines[4]).toBe('EHPAD A;ne partage pas;;;;;');
    expect(lines).toHaveLength(5);
  });
});

describe('sparkline', () => {
  it('spreads the scores across the width, 100 at the top and 0 at the bottom', () => {
    expect(sparkPoints([0, 50, 100], 64, 20)).toEqual([
      { x: 2, y: 18 },
      { x: 32, y: 10 },
      { x: 62, y: 2 },
    ]);
    expect(sparkPoints([70], 64, 20)).toEqual([{ x: 32, y: 6.8 }]);
  });
});
