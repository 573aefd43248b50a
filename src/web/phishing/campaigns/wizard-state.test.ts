import { describe, expect, it } from 'vitest';
import type { Campaign } from './types.js';
import { emptyWizard, fromCampaign, instantOf, spreadDays, spreadOver, stepErrors, targetsOf, toBody } from './wizard-state.js';

const now = new Date(2026, 10, 29, 10, 30);
const base = () => emptyWizard(now, { anonymous: false, retentionDays: 365 });

describe('campaign wizard state', () => {
  it('starts tomorrow at 9:00 and spreads over two weeks', () => {
    const s = base();
    expect(s.launchDate).toBe('2026-11-30');
    expect(s.launchTime).toBe('09:00');
    expect(s.spreadDate).toBe('2026-12-14');
    expect(spreadDays(s)).toBe(14);
  });

  it('sends all staff as empty criteria and an excluded service as exclude', () => {
    const s = { ...base(), audience: 'all' as const, excludeServices: ['Urgences'] };
    expect(targetsOf(s, 'org')).toEqual({ criteria: {}, exclude: { services: ['Urgences'] } });
  });

  it('keeps only the criteria that were filled, groups only for organizations', () => {
    const s = { ...base(), groupIds: ['g1'], roleFamilies: ['nurses_care_assistants'], exclusionGroupIds: ['x1'], organizationIds: ['o1'] };
    expect(targetsOf(s, 'org')).toEqual({
      groupIds: ['g1'],
      criteria: { roleFamilies: ['nurses_care_assistants'] },
      exclusionGroupIds: ['x1'],
    });
    expect(targetsOf(s, 'territory')).toEqual({ organizationIds: ['o1'], criteria: { roleFamilies: ['nurses_care_assistants'] } });
  });

  it('builds the API body with ISO instants and the landing page choice', () => {
    const s = { ...base(), name: ' Colis ', templateId: 't1', sendingProfileId: 'p1', audience: 'all' as const, landingPageId: 'none' };
    const body = toBody(s, 'org');
    expect(body.name).toBe('Colis');
    expect(body.landingPageId).toBeNull();
    expect(body.learningModuleId).toBeNull();
    expect(new Date(body.launchAt).getTime()).toBe(new Date(2026, 10, 30, 9, 0).getTime());
    expect(new Date(body.spreadUntil ?? '').getTime()).toBe(new Date(2026, 11, 14, 9, 0).getTime());
    expect('landingPageId' in toBody({ ...s, landingPageId: '' }, 'org')).toBe(false);
    expect(toBody({ ...s, landingPageId: 'lp1' }, 'org').landingPageId).toBe('lp1');
  });

  it('round-trips a stored draft', () => {
    const s = {
      ...base(),
      name: 'A',
      templateId: 't1',
      sendingProfileId: 'p1',
      services: ['Pharmacie'],
      excludeSites: ['Nord'],
      learningModuleId: 'm1',
    };
    const body = toBody(s, 'org');
    const stored = {
      ...body,
      id: 'c1',
      status: 'draft',
      landingPageId: 'lp9',
      learningModuleId: 'm1',
      spreadUntil: body.spreadUntil ?? null,
    } as unknown as Campaign;
    const back = fromCampaign(stored, base());
    expect(back.services).toEqual(['Pharmacie']);
    expect(back.excludeSites).toEqual(['Nord']);
    expect(back.landingPageId).toBe('lp9');
    expect(back.launchDate).toBe(s.launchDate);
    expect(back.spreadDate).toBe(s.spreadDate);
    expect(back.audience).toBe('select');
    expect(fromCampaign({ ...stored, targets: { criteria: {} }, landingPageId: null }, base())).toMatchObject({
      audience: 'all',
      landingPageId: 'none',
    });
  });

  it('checks each step', () => {
    expect(stepErrors('template', base(), 'org', now)).toEqual({ name: 'errors.nameRequired', templateId: 'errors.templateRequired' });
    expect(stepErrors('targets', base(), 'org', now)).toEqual({ targets: 'errors.targetsRequired' });
    expect(stepErrors('targets', { ...base(), organizationIds: ['o1'] }, 'territory', now)).toEqual({});
    const late = { ...base(), sendingProfileId: 'p', spreadDate: '2026-11-01', retentionDays: 10 };
    expect(stepErrors('schedule', late, 'org', now)).toEqual({
      spreadDate: 'errors.spreadBeforeLaunch',
      retentionDays: 'errors.retention',
    });
    expect(stepErrors('schedule', { ...base(), sendingProfileId: 'p', launchDate: '2026-11-28' }, 'org', now).launchDate).toBe(
      'errors.launchPast',
    );
  });

  it('reads local dates and moves the spread', () => {
    expect(instantOf('2026-13-01', '09:00')).toBeNull();
    expect(instantOf('2026-12-01', '')).toBeNull();
    const s = spreadOver({ ...base(), launchDate: '2026-12-01', launchTime: '08:15' }, 7);
    expect([s.spreadDate, s.spreadTime]).toEqual(['2026-12-08', '08:15']);
  });
});

describe('server errors in the wizard', () => {
  it('sends each field back to its step', async () => {
    const { locateServerField } = await import('./wizard-state.js');
    expect(locateServerField('targets')).toEqual({ step: 'targets', field: 'targets' });
    expect(locateServerField('body.targets.criteria.services.0')).toEqual({ step: 'targets', field: 'targets' });
    expect(locateServerField('launchAt')).toEqual({ step: 'schedule', field: 'launchDate' });
    expect(locateServerField('body.templateId')).toEqual({ step: 'template', field: 'templateId' });
    expect(locateServerField('landingPageId')).toEqual({ step: 'content', field: 'landingPageId' });
    expect(locateServerField('other')).toBeNull();
    expect(locateServerField(undefined)).toBeNull();
  });
});
