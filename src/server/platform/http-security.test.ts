import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/helpers/app.js';
import { CSRF_COOKIE } from './auth/sessions.js';
import { issuesCsrfCookie } from './http-security.js';

const setCookies = (res: LightMyRequestResponse): string[] => [res.headers['set-cookie'] ?? []].flat().map(String);

describe('which answers carry the CSRF cookie', () => {
  it('never the patient page, its API or the built files; the staff app otherwise', () => {
    for (const url of ['/sensibilisation/Ab3_kL9-xYz01234', '/sensibilisation', '/sensibilisation/x?lang=en', '/api/public/learning/x']) {
      expect(issuesCsrfCookie(url), url).toBe(false);
    }
    expect(issuesCsrfCookie('/assets/index-C95Z2_JO.js')).toBe(false);
    for (const url of ['/', '/sign-in', '/learning', '/api/me', '/sensibilisationx', '/api/publications', '/x/sensibilisation/y']) {
      expect(issuesCsrfCookie(url), url).toBe(true);
    }
  });

  describe('on the wire', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await makeTestApp();
    });
    afterAll(async () => t.close());

    const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

    it('sets no cookie on the patient page nor on the files it loads', async () => {
      for (const url of ['/sensibilisation/Ab3_kL9-xYz01234', '/sensibilisation/Ab3_kL9-xYz01234?utm=qr', '/assets/index.js']) {
        const res = await anonymous(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.headers['set-cookie'], url).toBeUndefined();
      }
    });

    it('still gives the staff app its CSRF cookie, and refuses a short token even where none is issued', async () => {
      for (const url of ['/sign-in', '/api/me']) {
        expect(
          setCookies(await anonymous(url)).some((c) => c.startsWith(`${CSRF_COOKIE}=`)),
          url,
        ).toBe(true);
      }
      const forged = await t.app.inject({
        method: 'POST',
        url: '/api/public/learning/x/modules/y/nothing',
        cookies: { [CSRF_COOKIE]: 'short' },
        headers: { 'x-csrf-token': 'short' },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe('csrf');
    });
  });
});
