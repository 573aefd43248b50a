import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/helpers/app.js';
import { tenant } from '../modules/phishing/library-test-kit.js';
import { findNul } from './nul-guard.js';

describe('NUL characters in requests', () => {
  it('finds the first field holding one', () => {
    expect(findNul({ a: 'x', b: [{ c: 'ok' }, { d: 'no\u0000pe' }] }, 'body')).toBe('body.b.1.d');
    expect(findNul({ a: 'x', b: [1, null, true] }, 'body')).toBeNull();
    expect(findNul('a\u0000', 'querystring')).toBe('querystring');
  });

  describe('on the wire (PostgreSQL would answer 500 without the guard)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await makeTestApp();
    });
    afterAll(async () => t.close());

    it('answers 400 naming the field and keeps what was stored', async () => {
      const { admin, base } = await tenant(t);
      const body = { anonymousDefault: false, retentionDays: 90, transparencyNote: 'Avant', imap: null };
      expect((await admin.client.put(`${base}/settings`, body)).statusCode).toBe(200);
      const refused = await admin.client.put(`${base}/settings`, { ...body, transparencyNote: 'Après\u0000' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'nul_character', field: 'body.transparencyNote' });
      expect((await admin.client.get(`${base}/settings`)).json().transparencyNote).toBe('Avant');
      // The body parser refuses prototype keys; the answer still names the body.
      // JSON.parse keeps "__proto__" as an own key, as a hostile client would send it.
      const poisoned = await admin.client.put(`${base}/settings`, JSON.parse('{"__proto__": 0}'));
      expect(poisoned.statusCode).toBe(400);
      expect(poisoned.json().error).toMatchObject({ code: 'invalid_body', field: 'body' });
      const query = await admin.client.get(`${base}/templates?q=${encodeURIComponent('a\u0000b')}`);
      expect(query.json().error).toMatchObject({ code: 'nul_character', field: 'querystring.q' });
    });
  });
});
