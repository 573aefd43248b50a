import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';

// Bad input anywhere in the action plan API gets a 4xx with a message, never a 500, and never
// changes what is stored.
describe('action plan: arbitrary input', () => {
  let t: TestApp;
  let admin: Signed;
  let base: string;
  let actionId: string;
  beforeAll(async () => {
    t = await makeTestApp();
    const org = await makeOrg(t.dbh.db);
    admin = await orgAdmin(t, org.id);
    base = `/api/orgs/${org.id}/actions`;
    actionId = (await admin.client.post(base, { title: 'Référence', dueOn: '2027-01-01', priority: 'high' })).json().id;
  });
  afterAll(async () => t.close());

  const expectHandled = (status: number, body: string, ok: number[]) => {
    expect(status, body).not.toBe(500);
    if (!ok.includes(status)) {
      expect(status, body).toBeGreaterThanOrEqual(400);
      expect(status, body).toBeLessThan(500);
      expect(JSON.parse(body).error.message.length).toBeGreaterThan(0);
    }
  };
  const word = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('todo', 'done', 'critical', '2026-02-30', '2026-12-01', 'none', '-priority', '\u0000', '%', '_', "' or 1=1"),
  );
  const value = fc.oneof(word, fc.integer(), fc.constant(null), fc.boolean(), fc.array(word, { maxLength: 2 }));
  const body = fc.dictionary(
    fc.constantFrom('title', 'description', 'ownerAccountId', 'ownerName', 'dueOn', 'priority', 'status', 'extra'),
    value,
  );

  it('answers any body on create and edit with 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const created = await admin.client.post(base, b);
        expectHandled(created.statusCode, created.body, [201]);
        const { title: _t, status: _s, ...rest } = b;
        const edited = await admin.client.patch(`${base}/${actionId}`, rest);
        expectHandled(edited.statusCode, edited.body, [200]);
      }),
      { numRuns: 60 },
    );
  });

  it('answers any list query with 200 or 400', async () => {
    const query = fc.dictionary(fc.constantFrom('status', 'priority', 'source', 'owner', 'overdue', 'q', 'sort', 'page', 'pageSize'), word);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const qs = new URLSearchParams(q as Record<string, string>).toString();
        for (const path of ['', '/export.csv', '/board']) {
          const res = await admin.client.get(`${base}${path}?${qs}`);
          expectHandled(res.statusCode, res.body.replace(/^\uFEFF/, ''), [200]);
        }
      }),
      { numRuns: 40 },
    );
    expect((await admin.client.get(`${base}/${actionId}`)).json().title).toBe('Référence');
  });
});
