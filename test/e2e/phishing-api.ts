import { execFileSync } from 'node:child_process';
import { type APIRequestContext, expect, request } from '@playwright/test';
import { totpCode } from './helpers.js';

/**
 * The phishing specs' administrator, through the API. Every demo administrator has its TOTP
 * enrolled by another spec (secret unknown here), so each app gets a platform administrator of its
 * own, created with the CLI on the app's database, as an operator would.
 */
export const PHISHING_ADMIN = 'e2e.phishing@rempart.test';
const PASSWORD = 'E2E-phishing-admin-2026!';

export async function call<T>(ctx: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'rempart_csrf')?.value ?? '';
  const res = await ctx.fetch(url, { method, headers: { 'x-csrf-token': csrf }, ...(data !== undefined ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** A signed-in platform administrator (second factor verified) of the app at `baseURL`. */
export async function phishingAdmin(baseURL: string, dataDir: string): Promise<APIRequestContext> {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/index.ts',
      'create-admin',
      '--email',
      PHISHING_ADMIN,
      '--name',
      'Admin e2e hameçonnage',
      '--password',
      PASSWORD,
    ],
    { env: { ...process.env, DATABASE_URL: `sqlite:${dataDir}/rempart.sqlite` }, stdio: 'pipe' },
  );
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'fr' } });
  await call(ctx, 'GET', '/api/me'); // sets the CSRF cookie
  await call(ctx, 'POST', '/api/auth/password/sign-in', { email: PHISHING_ADMIN, password: PASSWORD });
  const { secret } = await call<{ secret: string }>(ctx, 'POST', '/api/auth/totp/enrolment');
  await call(ctx, 'POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(secret) });
  return ctx;
}

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
