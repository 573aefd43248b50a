import { describe, expect, it } from 'vitest';
import { itemLink, parseCards } from './cards.js';

describe('home cards', () => {
  it('reads the cards the server sends', () => {
    const cards = parseCards({
      cards: [
        { kind: 'second_factor', items: [{ key: 'totp_enrol', done: false }] },
        { kind: 'platform_overview', counts: { accounts: 3, organizations: 12, territories: 2 } },
        {
          kind: 'org_setup',
          scope: { kind: 'organization', id: 'o1', name: 'CH de Vienne' },
          items: [
            { key: 'totp_enrolled', done: true },
            { key: 'people_imported', done: false, count: 0 },
          ],
          counts: { people: 0 },
        },
        {
          kind: 'territory_overview',
          scope: { kind: 'territory', id: 't1', name: 'GHT Rhône Nord' },
          counts: { members: 5, sharingData: 3, membersWithoutPeople: 1 },
          items: [{ key: 'member_without_people', done: false, ref: { kind: 'organization', id: 'o9', name: 'EHPAD Les Tilleuls' } }],
        },
        { kind: 'learner', scope: { kind: 'organization', id: 'o1', name: 'CH de Vienne' }, items: [], counts: { due: 0 } },
      ],
    });
    expect(cards.map((c) => c.kind)).toEqual(['second_factor', 'platform_overview', 'org_setup', 'territory_overview', 'learner']);
    expect(Object.keys(cards[1]!.counts)).toEqual(['organizations', 'territories', 'accounts']);
    expect(cards[2]!.items.map((i) => [i.key, i.done, itemLink(i)])).toEqual([
      ['totp_enrolled', true, '/account'],
      ['people_imported', false, '/admin/import'],
    ]);
    expect(cards[3]!.items[0]!.ref?.name).toBe('EHPAD Les Tilleuls');
    expect(cards[4]!.items).toEqual([]);
  });

  it('sends the crisis kit reminder to the crisis kit page', () => {
    expect(itemLink({ key: 'crisis_kit_reprint', done: false, count: null, ref: null })).toBe('/exercises/crisis-kit');
  });

  it('drops unknown kinds and malformed parts instead of failing', () => {
    const cards = parseCards({
      cards: [
        { kind: 'phishing_campaign', items: [{ key: 'x' }] },
        null,
        'text',
        {
          kind: 'learner',
          items: [{ nokey: true }, { key: 'module_due', ref: { kind: 'planet', id: 'p', name: 'Mars' } }],
          counts: { due: 'two', n: 1 },
        },
      ],
    });
    expect(cards).toHaveLength(1);
    expect(cards[0]!.items).toEqual([{ key: 'module_due', done: false, count: null, ref: null }]);
    expect(cards[0]!.counts).toEqual({ n: 1 });
    expect(parseCards(undefined)).toEqual([]);
    expect(parseCards({ cards: 'nope' })).toEqual([]);
  });
});
