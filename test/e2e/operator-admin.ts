import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, request } from '@playwright/test';
import { latestMailTo, totpCode } from './helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An API call that must succeed; the failure message carries the server's answer. */
export async function apiCall<T>(ctx: APIRequestContext, method: Method, url: string, data?: unknown): Promise<T> {
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'rempart_csrf')?.value ?? '';
  const res = await ctx.fetch(url, { method, headers: { 'x-csrf-token': csrf }, ...(data !== undefined ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/**
 * A platform administrator made with the CLI on the app's database, as an operator would, then
 * signed in with its second factor enrolled. Specs need their own: the demo administrators get
 * their TOTP enrolled by other specs, whose secret is unknown here.
 */
export async function operatorAdmin(baseURL: string, dataDir: string, email: string, name: string): Promise<APIRequestContext> {
  // Random: the password policy refuses one that contains the address.
  const password = `Rempart-E2E-${randomBytes(9).toString('base64url')}-2026!`;
  // Right after start-up the app's first job runs can hold SQLite's write lock past the CLI's
  // 5-second busy timeout ("database is locked"): the operator would simply run the command again.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/index.ts', 'create-admin', '--email', email, '--name', name, '--password', password],
        { env: { ...process.env, DATABASE_URL: `sqlite:${dataDir}/rempart.sqlite` }, stdio: 'pipe' },
      );
      break;
    } catch (e) {
      if (attempt >= 5 || !String((e as { stderr?: Buffer }).stderr ?? '').includes('database is locked')) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'fr' } });
  await apiCall(ctx, 'GET', '/api/me'); // sets the CSRF cookie
  await apiCall(ctx, 'POST', '/api/auth/password/sign-in', { email, password });
  const { secret } = await apiCall<{ secret: string }>(ctx, 'POST', '/api/auth/totp/enrolment');
  await apiCall(ctx, 'POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(secret) });
  return ctx;
}

/**
 * An account signed in with the emailed link; one that holds an admin role enrols its second
 * factor then, as the server asks.
 */
export async function signInByMagicLink(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'fr' } });
  await apiCall(ctx, 'GET', '/api/me');
  await apiCall(ctx, 'POST', '/api/auth/magic-link', { email });
  const mail = await latestMailTo(email, /\/auth\/magic\?token=/);
  const token = mail.text.match(/\/auth\/magic\?token=([\w-]+)/)?.[1];
  expect(token, 'the token of the emailed link').toBeTruthy();
  const { next } = await apiCall<{ next: string }>(ctx, 'POST', '/api/auth/magic-link/consume', { token });
  if (next === 'done') return ctx;
  expect(next).toBe('totp_enrolment');
  const { secret } = await apiCall<{ secret: string }>(ctx, 'POST', '/api/auth/totp/enrolment');
  await apiCall(ctx, 'POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(secret) });
  return ctx;
}
