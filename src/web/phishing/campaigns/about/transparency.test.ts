import { describe, expect, it } from 'vitest';
import { readTransparency } from './transparency.js';

describe('transparency answer', () => {
  it('reads the server answer', () => {
    const t = readTransparency({
      organization: { id: 'o1', name: 'CHU' },
      simulated: 'Des courriels',
      purpose: 'Apprendre',
      recorded: [
        { key: 'opened', label: 'Ouverture' },
        { key: 'clicked', label: 'Clic' },
      ],
      neverRecorded: ['Ce que vous tapez'],
      whoSees: [{ audience: 'managers', text: 'Les cadres voient des groupes de 5 ou plus' }],
      retentionDays: 365,
      retention: 'Un an',
      anonymousDefault: true,
      anonymous: 'Anonyme',
      reportAddress: 'signaler@example.org',
      reporting: 'Transférez',
      transparencyNote: 'Campagne annuelle',
      recentCampaigns: [{ name: 'Colis', launchedAt: '2026-10-01T08:00:00Z', endedAt: '2026-10-15T08:00:00Z' }],
    });
    expect(t).toEqual({
      organizationName: 'CHU',
      simulated: 'Des courriels',
      purpose: 'Apprendre',
      recorded: ['Ouverture', 'Clic'],
      neverRecorded: ['Ce que vous tapez'],
      whoSees: ['Les cadres voient des groupes de 5 ou plus'],
      retentionDays: 365,
      retention: 'Un an',
      anonymousDefault: true,
      anonymous: 'Anonyme',
      reportAddress: 'signaler@example.org',
      reporting: 'Transférez',
      note: 'Campagne annuelle',
      recentCampaigns: [{ name: 'Colis', launchedAt: '2026-10-01T08:00:00Z', endedAt: '2026-10-15T08:00:00Z' }],
    });
  });

  it('leaves out empty texts and tolerates anything', () => {
    const t = readTransparency({ transparencyNote: '  ', reportAddress: '', recentCampaigns: [{}] });
    expect(t).toMatchObject({ note: null, reportAddress: null, recentCampaigns: [], anonymousDefault: null, retentionDays: null });
    expect(readTransparency(undefined).recorded).toEqual([]);
  });
});
