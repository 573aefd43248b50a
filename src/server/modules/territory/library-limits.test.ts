import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { libraryTenant, pdfBytes, sheet } from './library-test-kit.js';

// Concurrent writers, size limits and the tag list: what a busy territory will do to the library.
describe('territory library under load and at its limits', () => {
  let t: TestApp;
  let tn: Awaited<ReturnType<typeof libraryTenant>>;
  beforeAll(async () => {
    t = await makeTestApp({ env: { EVIDENCE_MAX_BYTES: '2000' } });
    tn = await libraryTenant(t);
  });
  afterAll(async () => t.close());

  it('numbers concurrent versions one after the other, without a gap or a failure', async () => {
    const id = (await tn.coordinator.post(tn.base, sheet({ title: 'Fiche très demandée' }))).json().id;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        tn.coordinator.post(`${tn.base}/${id}/versions`, { body: `# Version ${i}`, changeNote: `n${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const detail = (await tn.coordinator.get(`${tn.base}/${id}`)).json();
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(detail.currentVersion).toBe(7);
  });

  it('copies the starter set once when two coordinators ask at the same time', async () => {
    const [a, b] = await Promise.all([
      tn.coordinator.post(`${tn.base}/starter-set`, {}),
      tn.coordinator.post(`${tn.base}/starter-set`, {}),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().added.length, b.json().added.length].sort()).toEqual([0, 5]);
    expect(
      (await tn.coordinator.get(`${tn.base}?pageSize=200`)).json().items.filter((i: { fromStarterSet: boolean }) => i.fromStarterSet),
    ).toHaveLength(5);
  });

  it('refuses a file over the size limit with a 413 naming the file, and keeps the current version', async () => {
    const id = (await tn.coordinator.post(tn.base, sheet({ title: 'Modèle lourd' }))).json().id;
    const big = Buffer.concat([pdfBytes, Buffer.alloc(3000, 0x20)]);
    const res = await tn.coordinator.request({
      method: 'POST',
      url: `${tn.base}/${id}/versions/file?filename=lourd.pdf`,
      payload: big,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });
    expect((await tn.coordinator.get(`${tn.base}/${id}`)).json().currentVersion).toBe(1);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `${tn.base}/${id}/versions/file`,
      payload: pdfBytes,
      cookies: { rempart_csrf: 'c'.repeat(32) },
      headers: { 'x-csrf-token': 'c'.repeat(32), 'content-type': 'application/pdf' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists the tags of live resources with their counts, one entry per tag whatever its accents', async () => {
    const fresh = await libraryTenant(t);
    await fresh.coordinator.post(fresh.base, sheet({ tags: ['Crise', 'Rançongiciel'] }));
    await fresh.coordinator.post(fresh.base, sheet({ tags: ['crise', 'rancongiciel', 'CRISE'] }));
    const archived = (await fresh.coordinator.post(fresh.base, sheet({ tags: ['Obsolète'] }))).json().id;
    await fresh.coordinator.post(`${fresh.base}/${archived}/archive`);
    expect((await fresh.coordinator.get(`${fresh.base}/tags`)).json()).toEqual([
      { tag: 'Crise', count: 2 },
      { tag: 'Rançongiciel', count: 2 },
    ]);
    expect((await fresh.memberAdmin.get(`${fresh.memberBase}/tags`)).json()).toHaveLength(2);
    expect((await tn.memberAdmin.get(`${fresh.memberBase}/tags`)).statusCode).toBe(404);
  });
});
