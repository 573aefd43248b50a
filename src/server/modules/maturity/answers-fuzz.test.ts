import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';
import { validateAnswers } from './answers.js';
import type { Referential } from './referential.js';

// Arbitrary answers get a 200 or a 400 naming the field, never a 500; a refused save changes nothing
// and an accepted one always leaves answers the referential accepts.
describe('maturity answers: arbitrary input', () => {
  let t: TestApp;
  let admin: Signed;
  let ref: Referential;
  let base: string;
  beforeAll(async () => {
    t = await makeTestApp();
    const org = await makeOrg(t.dbh.db);
    admin = await orgAdmin(t, org.id);
    base = `/api/orgs/${org.id}/maturity/diagnostics`;
    ref = (await admin.client.get('/api/maturity/referential')).json();
  });
  afterAll(async () => t.close());

  it('answers 200 or 400 and never loses what was stored', async () => {
    const variant = fc.constantFrom<'full' | 'short'>('full', 'short');
    const questionId = fc.oneof(fc.constantFrom(...ref.questions.map((q) => q.id)), fc.string({ maxLength: 70 }));
    const optionId = fc.oneof(
      fc.constantFrom(...new Set(ref.questions.flatMap((q) => q.options.map((o) => o.id)))),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.oneof(optionId, fc.array(optionId, { maxLength: 4 }), fc.constant(null), fc.jsonValue());
    const patch = fc.dictionary(questionId, value, { maxKeys: 6 });
    const created = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(variant, fc.array(patch, { minLength: 1, maxLength: 4 }), async (v, patches) => {
        let id = created.get(v);
        if (!id) {
          id = (await admin.client.post(base, { variant: v })).json().id as string;
          created.set(v, id);
        }
        const url = `${base}/${id}`;
        for (const answers of patches) {
          const before = (await admin.client.get(url)).json().answers;
          const res = await admin.client.patch(url, { answers });
          expect([200, 400], res.body).toContain(res.statusCode);
          const after = (await admin.client.get(url)).json().answers;
          if (res.statusCode === 400) {
            // A "__proto__" key is refused by the body parser itself: the field is then the body.
            expect(res.json().error.field).toMatch(JSON.stringify({ answers }).includes('"__proto__"') ? /^body$/ : /answers/);
            expect(after).toEqual(before);
          } else expect(validateAnswers(ref, after, v)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an unknown variant or a malformed body with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await admin.client.post(base, body ?? {});
        // A bare string goes out as text/plain: 415 is the body's fault too.
        if (res.statusCode !== 201) expect([400, 415], res.body).toContain(res.statusCode);
      }),
      { numRuns: 30 },
    );
  });
});
