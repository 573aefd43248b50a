import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeTestApp, type TestApp } from './helpers/app.js';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('answers /healthz with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite' });
  });

  it('sets strict security headers on every answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();
  });

  it('answers unknown API routes with JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', cookies: { rempart_csrf: 'x'.repeat(32) } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const ok = await new Client(t).post('/api/auth/sign-out');
    expect(ok.statusCode).toBe(401);
  });

  it('answers 413 to an oversized body, and 401 to a signed-out caller before reading it', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2_000_000) });
    const post = (url: string) =>
      new Client(t).request({ method: 'POST', url, payload: big, headers: { 'content-type': 'application/json' } });
    // A public route reads the body, up to the limit.
    const res = await post('/api/auth/password/sign-in');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
    // A route for signed-in people refuses first: the access guard runs before the body is parsed.
    const refused = await post('/api/auth/sign-out');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('signed_out');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/me']).toBeDefined();
  });
});
