import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';

// Bad input to incidents, the declaration helper and the crisis kit gets a 4xx with a message,
// never a 500, and never loses what the declaration already holds.
describe('incidents and crisis kit: arbitrary input', () => {
  let t: TestApp;
  let admin: Signed;
  let orgId: string;
  let declaration: string;
  beforeAll(async () => {
    t = await makeTestApp();
    orgId = (await makeOrg(t.dbh.db)).id;
    admin = await orgAdmin(t, orgId);
    const inc = (await admin.client.post(`/api/orgs/${orgId}/incidents`, { title: 'Panne du DPI' })).json();
    declaration = `/api/orgs/${orgId}/incidents/${inc.exerciseId}/declaration`;
    await admin.client.patch(declaration, { content: { measures: 'Postes isolés' } });
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
    fc.constantFrom('early_warning', 'measures', '\u0000', '2026-11-29T09:00:00Z', 'hier', ''),
  );
  const value = fc.oneof(
    word,
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(word, { maxLength: 2 }),
    fc.dictionary(word, word, { maxKeys: 2 }),
    fc.array(fc.dictionary(fc.constantFrom('name', 'function', 'phone'), word), { maxLength: 2 }),
  );

  it('answers any body with 2xx or 4xx and keeps the declaration', async () => {
    const body = fc.dictionary(fc.constantFrom('title', 'startedAt', 'detectedAt', 'content', 'sent', 'roster', 'contacts'), value);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const opened = await admin.client.post(`/api/orgs/${orgId}/incidents`, b);
        expectHandled(opened.statusCode, opened.body, [201]);
        // Everything but a new `measures` text, which may legitimately replace the stored one.
        const content = b.content && typeof b.content === 'object' && 'measures' in b.content ? undefined : b.content;
        const patched = await admin.client.patch(declaration, { ...b, content });
        expectHandled(patched.statusCode, patched.body, [200]);
        const kit = await admin.client.put(`/api/orgs/${orgId}/crisis-kit`, b);
        expectHandled(kit.statusCode, kit.body, [200]);
      }),
      { numRuns: 40 },
    );
    const after = (await admin.client.get(declaration)).json();
    expect(after.checklist.find((c: { key: string }) => c.key === 'measures').value).toBe('Postes isolés');
  });
});
