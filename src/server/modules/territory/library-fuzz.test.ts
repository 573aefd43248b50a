import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { libraryTenant, sheet } from './library-test-kit.js';

// Bad input to the library gets a 4xx with a message and a field, never a 500, and loses nothing stored.
describe('territory library: arbitrary input', () => {
  let t: TestApp;
  let tn: Awaited<ReturnType<typeof libraryTenant>>;
  let keptId: string;
  beforeAll(async () => {
    t = await makeTestApp();
    tn = await libraryTenant(t);
    keptId = (await tn.coordinator.post(tn.base, sheet({ title: 'Fiche à garder' }))).json().id;
  });
  afterAll(async () => t.close());

  const expectHandled = (status: number, body: string, ok: number[]) => {
    expect(status, body).toBeLessThan(500);
    if (!ok.includes(status)) {
      expect(status, body).toBeGreaterThanOrEqual(400);
      const error = JSON.parse(body).error;
      expect(error.message.length).toBeGreaterThan(0);
      expect(typeof error.field, body).toBe('string');
    }
  };

  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', '   ', 'nul\u0000', 'é'.repeat(300), '<script>alert(1)</script>', "'; drop table x; --", '%_\\'),
  );
  const anyValue = fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 25 }), fc.jsonValue());

  it('create: any body is stored or refused with a field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            title: fc.oneof(nasty, anyValue),
            summary: anyValue,
            kind: fc.oneof(fc.constantFrom('procedure', 'template', 'checklist'), anyValue),
            tags: fc.oneof(fc.array(nasty, { maxLength: 25 }), anyValue),
            audience: fc.oneof(fc.constantFrom('all_staff', 'management'), anyValue),
            language: fc.oneof(fc.constantFrom('fr', 'en'), anyValue),
            body: fc.oneof(nasty, anyValue),
            changeNote: anyValue,
          },
          { requiredKeys: [] },
        ),
        async (payload) => {
          const res = await tn.coordinator.post(tn.base, payload);
          expectHandled(res.statusCode, res.body, [201]);
        },
      ),
      { numRuns: 150 },
    );
    const kept = await tn.coordinator.get(`${tn.base}/${keptId}`);
    expect(kept.json()).toMatchObject({ title: 'Fiche à garder', currentVersion: 1 });
  });

  it('list: any query string is answered or refused with a field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('q', 'tags', 'kind', 'archived', 'sort', 'order', 'page', 'pageSize', 'language'), nasty, {
          maxKeys: 5,
        }),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await tn.coordinator.get(`${tn.base}?${qs}`);
          expectHandled(res.statusCode, res.body, [200]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('versions: any Markdown body or uploaded bytes are stored or refused with a field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ body: anyValue, changeNote: anyValue, dropFile: anyValue }, { requiredKeys: [] }), async (payload) => {
        const res = await tn.coordinator.post(`${tn.base}/${keptId}/versions`, payload);
        expectHandled(res.statusCode, res.body, [201]);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), nasty, async (bytes, name) => {
        const res = await tn.coordinator.request({
          method: 'POST',
          url: `${tn.base}/${keptId}/versions/file?filename=${encodeURIComponent(name)}`,
          payload: Buffer.from(bytes),
          headers: { 'content-type': 'application/octet-stream' },
        });
        expectHandled(res.statusCode, res.body, [201]);
      }),
      { numRuns: 60 },
    );
    expect((await tn.coordinator.get(`${tn.base}/${keptId}/versions/1/markdown`)).body).toBe('# Isolez le poste\n\nPuis alertez.');
  });
});
