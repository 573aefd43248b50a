import { describe, expect, it } from 'vitest';
import { groupByTerritory, type ShareCandidate, shareCandidatesPath, stillOffered } from './share-candidates.js';

const candidate = (organizationId: string, territoryId: string): ShareCandidate => ({
  organizationId,
  name: `CH ${organizationId}`,
  territoryId,
  territoryName: `GHT ${territoryId}`,
  supplierName: 'Acmé',
  contractEndsOn: null,
});

describe('share candidates', () => {
  it('groups by territory in the server’s order', () => {
    const groups = groupByTerritory([candidate('a', 't1'), candidate('b', 't1'), candidate('c', 't2')]);
    expect(groups.map((g) => [g.territoryName, g.items.map((c) => c.organizationId)])).toEqual([
      ['GHT t1', ['a', 'b']],
      ['GHT t2', ['c']],
    ]);
    expect(groupByTerritory([])).toEqual([]);
  });

  it('sends only picks still offered, through the territory route when one is chosen', () => {
    expect(stillOffered(['a', 'gone'], [candidate('a', 't1')])).toEqual(['a']);
    expect(shareCandidatesPath('o/1', 'x', null)).toBe('/api/orgs/o%2F1/suppliers/audits/x/share-candidates');
    expect(shareCandidatesPath('o', 'x', 't 1')).toBe('/api/territories/t%201/suppliers/audits/x/share-candidates');
  });
});
