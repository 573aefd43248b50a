import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';
import { bodyOf } from './exercises-test-kit.js';

// Bad input anywhere in exercise preparation gets a 4xx with a message, never a 500, and never
// changes the chronogram already stored.
describe('exercises: arbitrary input', () => {
  let t: TestApp;
  let admin: Signed;
  let base: string;
  let one: string;
  let reference: Record<string, unknown>;
  beforeAll(async () => {
    t = await makeTestApp();
    const org = await makeOrg(t.dbh.db);
    admin = await orgAdmin(t, org.id);
    base = `/api/orgs/${org.id}/exercises`;
    const e = (await admin.client.post(base, { scenarioId: 'phishing-mailbox-takeover' })).json();
    one = `${base}/${e.id}`;
    reference = bodyOf(e.chronogram[0]);
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
    fc.constantFrom(
      'ransomware-hospital',
      'lab-software-provider',
      'director',
      'animator',
      'email',
      's01',
      'cell',
      '\u0000',
      "' or 1=1",
      '2027-01-01T09:00:00Z',
    ),
  );
  const value = fc.oneof(word, fc.integer(), fc.constant(null), fc.boolean(), fc.array(word, { maxLength: 2 }));

  it('answers any body on create, edit, participants and cells with 2xx or 4xx', async () => {
    const body = fc.dictionary(
      fc.constantFrom('scenarioId', 'title', 'kind', 'plannedStart', 'cells', 'accountId', 'cellId', 'function', 'organizationId'),
      value,
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const created = await admin.client.post(base, b);
        expectHandled(created.statusCode, created.body, [201]);
        const edited = await admin.client.patch(one, b);
        expectHandled(edited.statusCode, edited.body, [200]);
        const p = await admin.client.post(`${one}/participants`, b);
        expectHandled(p.statusCode, p.body, [201]);
        const c = await admin.client.post(`${one}/cells`, b);
        expectHandled(c.statusCode, c.body, [201]);
      }),
      { numRuns: 40 },
    );
  });

  it('answers any stimulus with 200 or 4xx and keeps the chronogram whole when it is refused', async () => {
    const before = (await admin.client.get(`${one}/chronogram`)).json().items.length;
    const stimulus = fc.record({
      key: fc.constantFrom('id', 'offsetMinutes', 'channel', 'personaId', 'target', 'subject', 'spare', 'after', 'media', 'extra'),
      value: fc.oneof(value, fc.record({ cellId: word, roles: fc.array(word, { maxLength: 2 }) }), fc.record({ fr: word, en: word })),
    });
    await fc.assert(
      fc.asyncProperty(stimulus, async ({ key, value: v }) => {
        const res = await admin.client.post(`${one}/chronogram/stimuli`, { ...reference, id: 'fuzz', [key]: v });
        expectHandled(res.statusCode, res.body, [200]);
        if (res.statusCode === 200) {
          const sid = res.json().stimulus.stimulusId;
          expect((await admin.client.delete(`${one}/chronogram/stimuli/${sid}`)).statusCode).toBe(200);
        }
      }),
      { numRuns: 60 },
    );
    expect((await admin.client.get(`${one}/chronogram`)).json().items).toHaveLength(before);
  });
});
