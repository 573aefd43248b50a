import { type APIRequestContext, expect } from '@playwright/test';
import { apiCall, operatorAdmin } from './operator-admin.js';

/**
 * The phishing specs' administrator, through the API. Every demo administrator has its TOTP
 * enrolled by another spec (secret unknown here), so each app gets a platform administrator of its
 * own, created with the CLI on the app's database, as an operator would.
 */
export const PHISHING_ADMIN = 'e2e.phishing@rempart.test';

export const call = apiCall;

/** A signed-in platform administrator (second factor verified) of the app at `baseURL`. */
export const phishingAdmin = (baseURL: string, dataDir: string, email = PHISHING_ADMIN): Promise<APIRequestContext> =>
  operatorAdmin(baseURL, dataDir, email, 'Admin e2e hameçonnage');

export async function orgIdByName(ctx: APIRequestContext, name: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; name: string }> }>(ctx, 'GET', `/api/organizations?q=${encodeURIComponent(name)}`);
  const org = page.items.find((o) => o.name === name);
  if (!org) throw new Error(`organization ${name} not in ${JSON.stringify(page.items.map((o) => o.name))}`);
  return org.id;
}

export interface Person {
  id: string;
  email: string | null;
  active: boolean;
}

/** `count` active people of the organization with an email (the demo CH has hundreds). */
export async function staffWithEmail(ctx: APIRequestContext, orgId: string, count: number): Promise<Person[]> {
  const found: Person[] = [];
  for (let page = 1; found.length < count; page++) {
    const res = await call<{ items: Person[]; total: number }>(ctx, 'GET', `/api/orgs/${orgId}/people?page=${page}&pageSize=200`);
    found.push(...res.items.filter((p) => p.active !== false && p.email));
    if (page * 200 >= res.total) break;
  }
  expect(found.length, 'active people with an email in the demo organization').toBeGreaterThanOrEqual(count);
  return found.slice(0, count);
}

/** A sending profile to the spec's SMTP sink, open every day all day. */
export async function sinkProfile(ctx: APIRequestContext, orgId: string, port: number, ratePerMinute: number): Promise<string> {
  const profile = await call<{ id: string }>(ctx, 'POST', `/api/orgs/${orgId}/phishing/profiles`, {
    name: `Puits SMTP e2e ${ratePerMinute}/min ${Date.now()}`,
    host: '127.0.0.1',
    port,
    tlsMode: 'none',
    fromName: 'Exercices de sensibilisation',
    fromAddress: 'exercices@ght-exercice.test',
    ratePerMinute,
    windowDays: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '00:00',
    windowEnd: '23:59',
    timeZone: 'UTC',
    extraHeaders: [],
  });
  return profile.id;
}

export interface CampaignDto {
  id: string;
  status: string;
  progress: { targets: number; sent: number; delivered: number; failed: number };
}

/** A campaign to exactly these people, launched now with a catalogue template and its landing page. */
export async function launchCampaign(
  ctx: APIRequestContext,
  orgId: string,
  profileId: string,
  people: Person[],
  name: string,
): Promise<CampaignDto> {
  const draft = await call<CampaignDto>(ctx, 'POST', `/api/orgs/${orgId}/phishing/campaigns`, {
    name,
    templateId: 'it-password-expiry',
    landingPageId: 'webmail-sign-in',
    sendingProfileId: profileId,
    targets: { criteria: { personIds: people.map((p) => p.id) } },
    anonymous: false,
    launchAt: new Date().toISOString(),
  });
  return call<CampaignDto>(ctx, 'POST', `/api/orgs/${orgId}/phishing/campaigns/${draft.id}/launch`);
}

export interface Results {
  totals: Record<'targets' | 'sent' | 'delivered' | 'failed' | 'opened' | 'clicked' | 'submitted' | 'reported' | 'scannerFlagged', number>;
  rates: Record<string, number | null>;
}

export const resultsOf = (ctx: APIRequestContext, orgId: string, campaignId: string) =>
  call<Results>(ctx, 'GET', `/api/orgs/${orgId}/phishing/campaigns/${campaignId}/results`);

export const campaignOf = (ctx: APIRequestContext, orgId: string, campaignId: string) =>
  call<CampaignDto>(ctx, 'GET', `/api/orgs/${orgId}/phishing/campaigns/${campaignId}`);
