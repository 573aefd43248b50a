import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening, uniqueInstant } from './test-listener.js';

/** Whatever arrives on the public listener: a clear 4xx or a normal answer, never a 5xx. */
describe('tracking listener under arbitrary requests', () => {
  let l: Listening;
  let realToken: string;
  beforeAll(async () => {
    l = await startListening();
    realToken = (await makeTrackedCampaign(l.dbh.db, { now: l.clock.now() })).recipients[0]!.token;
  });
  afterAll(async () => l.close());

  it('never answers 5xx, and records nothing for tokens nobody holds', async () => {
    l.clock.set(uniqueInstant());
    const segment = fc.oneof(
      fc.constantFrom('o', 'c', 'l', 'm', 'r', 'b', 'enrol', '', '..', '.gif'),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.stringMatching(/^[A-Za-z0-9_-]{20,24}(\.gif)?$/),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
      segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
      query: fc.option(fc.string({ maxLength: 30 }).map(encodeURIComponent)),
      body: fc.option(fc.string({ maxLength: 200 })),
      userAgent: fc.option(fc.string({ maxLength: 60 }).filter((s) => !/[^\x20-\x7e]/.test(s))),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = `/${r.segments.join('/')}${r.query === null ? '' : `?${r.query}`}`;
        const withBody = r.body !== null && r.method !== 'GET' && r.method !== 'HEAD';
        const res = await l.hit(path, {
          method: r.method,
          ...(withBody ? { body: r.body } : {}),
          headers: r.userAgent === null ? {} : { 'user-agent': r.userAgent },
        });
        await res.arrayBuffer();
        expect(res.status, `${r.method} ${path}`).toBeLessThan(500);
        expect(res.headers.get('set-cookie')).toBeNull();
      }),
      { numRuns: 300 },
    );
    const n = await l.dbh.db
      .selectFrom('phishing_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '=', l.clock.now().toISOString())
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('keeps answering the real token correctly after the noise', async () => {
    expect((await l.hit(`/c/${realToken}`)).status).toBe(302);
  });
});
