import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { seedStarterLibrary } from './library-starter.js';
import { libraryTenant, pdfBytes, sheet } from './library-test-kit.js';

describe('territory shared library', () => {
  let t: TestApp;
  let tn: Awaited<ReturnType<typeof libraryTenant>>;
  beforeAll(async () => {
    t = await makeTestApp();
    tn = await libraryTenant(t);
  });
  afterAll(async () => t.close());

  const auditActions = async (entityId: string) =>
    (
      await t.dbh.db.selectFrom('audit_log').select(['action', 'territory_id']).where('entity_id', '=', entityId).orderBy('seq').execute()
    ).map((r) => `${r.action}@${r.territory_id}`);

  it('creates a resource with its first version, audited, and finds it accent-blind, by tag and by kind', async () => {
    const res = await tn.coordinator.post(tn.base, sheet());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ title: 'Rançongiciel : que faire ?', currentVersion: 1, body: '# Isolez le poste\n\nPuis alertez.' });
    expect(created.versions).toHaveLength(1);
    expect(created.versions[0]).toMatchObject({ version: 1, hasBody: true, file: null });
    expect(await auditActions(created.id)).toEqual([`library.resource_created@${tn.territory.id}`]);
    await tn.coordinator.post(tn.base, sheet({ title: 'Charte des équipements personnels', kind: 'charter', tags: ['BYOD'] }));

    const search = async (query: string) => (await tn.coordinator.get(`${tn.base}?${query}`)).json();
    expect((await search('q=RANCONGICIEL')).items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect((await search('q=equipements%20charte')).total).toBe(1);
    expect((await search('tags=rancongiciel')).items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect((await search('tags=rancongiciel,byod')).total).toBe(0);
    expect((await search('kind=charter')).items[0].title).toBe('Charte des équipements personnels');
    const firstPage = await search('sort=title&order=asc&pageSize=1');
    expect(firstPage).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(firstPage.items[0].title).toBe('Charte des équipements personnels');
    expect((await search('sort=title&order=asc&pageSize=1&page=2')).items[0].title).toBe('Rançongiciel : que faire ?');
  });

  it('adds Markdown and file versions that keep what they do not replace, and downloads each', async () => {
    const id = (await tn.coordinator.post(tn.base, sheet({ title: 'Procédure de sauvegarde', kind: 'procedure' }))).json().id;
    const v2 = await tn.coordinator.post(`${tn.base}/${id}/versions`, { body: '# Version 2', changeNote: 'Réécrite' });
    expect(v2.statusCode, v2.body).toBe(201);
    const upload = await tn.coordinator.request({
      method: 'POST',
      url: `${tn.base}/${id}/versions/file?filename=procedure.pdf&changeNote=PDF%20sign%C3%A9`,
      payload: pdfBytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const detail = upload.json();
    expect(detail.currentVersion).toBe(3);
    expect(detail.body).toBe('# Version 2');
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(detail.versions[0]).toMatchObject({
      changeNote: 'PDF signé',
      hasBody: true,
      file: { fileName: 'procedure.pdf', mediaType: 'application/pdf' },
    });

    const file = await tn.coordinator.get(`${tn.base}/${id}/versions/3/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(pdfBytes)).toBe(true);
    const md = await tn.coordinator.get(`${tn.base}/${id}/versions/1/markdown`);
    expect(md.statusCode).toBe(200);
    expect(md.body).toBe('# Isolez le poste\n\nPuis alertez.');
    expect(md.headers['content-disposition']).toContain('procedure-de-sauvegarde-v1.md');
    expect((await tn.coordinator.get(`${tn.base}/${id}/versions/1/file`)).statusCode).toBe(404);
    expect((await tn.coordinator.get(`${tn.base}/${id}/versions/9/markdown`)).statusCode).toBe(404);

    // A Markdown version keeps the file; dropping both is refused, naming the field.
    const v4 = (await tn.coordinator.post(`${tn.base}/${id}/versions`, { body: '# Version 4' })).json();
    expect(v4.versions[0]).toMatchObject({ version: 4, file: { fileName: 'procedure.pdf' } });
    const empty = await tn.coordinator.post(`${tn.base}/${id}/versions`, { body: null, dropFile: true });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'version_empty', field: 'body' });
    const exe = await tn.coordinator.request({
      method: 'POST',
      url: `${tn.base}/${id}/versions/file?filename=sheet.pdf`,
      payload: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.field).toBe('file');
    expect((await tn.coordinator.get(`${tn.base}/${id}`)).json().currentVersion).toBe(4);
    expect(await auditActions(id)).toEqual([
      `library.resource_created@${tn.territory.id}`,
      ...Array(3).fill(`library.version_added@${tn.territory.id}`),
    ]);
  });

  it('archives and restores; an archived resource is read-only and hidden from members', async () => {
    const id = (await tn.coordinator.post(tn.base, sheet({ title: 'Ancienne procédure' }))).json().id;
    expect((await tn.coordinator.post(`${tn.base}/${id}/archive`)).json()).toMatchObject({ archived: true });
    const listed = (await tn.coordinator.get(`${tn.base}?q=ancienne`)).json();
    expect(listed.total).toBe(0);
    expect((await tn.coordinator.get(`${tn.base}?q=ancienne&archived=true`)).json().total).toBe(1);
    const edit = await tn.coordinator.post(`${tn.base}/${id}/versions`, { body: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.field).toBe('resourceId');
    expect((await tn.coordinator.patch(`${tn.base}/${id}`, { title: 'Nouveau' })).statusCode).toBe(409);
    expect((await tn.memberAdmin.get(`${tn.memberBase}/${id}`)).statusCode).toBe(404);
    expect((await tn.memberAdmin.get(`${tn.memberBase}?q=ancienne&archived=true`)).json().total).toBe(0);
    expect((await tn.coordinator.post(`${tn.base}/${id}/restore`)).json()).toMatchObject({ archived: false, archivedAt: null });
    const patched = await tn.coordinator.patch(`${tn.base}/${id}`, { title: 'Procédure révisée', tags: ['Sauvegarde'] });
    expect(patched.json()).toMatchObject({ title: 'Procédure révisée', tags: ['Sauvegarde'] });
    expect((await tn.coordinator.get(`${tn.base}?tags=sauvegarde&q=revisee`)).json().total).toBe(1);
    expect(await auditActions(id)).toEqual(
      ['resource_created', 'resource_archived', 'resource_restored', 'resource_updated'].map((a) => `library.${a}@${tn.territory.id}`),
    );
  });

  it('lets readers of the territory and admins of member organizations read, and only coordinators write', async () => {
    const id = (await tn.coordinator.post(tn.base, sheet({ title: 'Fiche partagée' }))).json().id;
    expect((await tn.observer.get(`${tn.base}/${id}`)).statusCode).toBe(200);
    expect((await tn.observer.post(tn.base, sheet())).statusCode).toBe(403);
    expect((await tn.observer.post(`${tn.base}/${id}/archive`)).statusCode).toBe(403);

    const mine = await tn.memberAdmin.get(`${tn.memberBase}?q=partagee`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await tn.memberAdmin.get(`${tn.memberBase}/${id}`)).json().body).toContain('Isolez');
    expect((await tn.memberAdmin.get(`${tn.memberBase}/${id}/versions/1/markdown`)).statusCode).toBe(200);
    // Through the territory's own routes the member admin holds no grant: 403, its territory exists for it.
    expect((await tn.memberAdmin.get(tn.base)).statusCode).toBe(403);
    expect((await tn.memberAdmin.post(tn.base, sheet())).statusCode).toBe(403);
    // A manager of the member organization is not an admin; an outsider's organization is not a member.
    expect((await tn.memberManager.get(tn.memberBase)).statusCode).toBe(403);
    const outsider = await tn.outsiderAdmin.get(`/api/orgs/${tn.outsider.id}/territories/${tn.territory.id}/library`);
    expect(outsider.statusCode).toBe(404);
    expect((await tn.outsiderAdmin.get(tn.memberBase)).statusCode).toBe(404);
    expect((await tn.outsiderAdmin.get(`${tn.base}/${id}`)).statusCode).toBe(404);
  });

  it('does not leak another territory’s resources through a known id', async () => {
    const other = await libraryTenant(t);
    const id = (await other.coordinator.post(other.base, sheet({ title: 'Secret' }))).json().id;
    expect((await tn.coordinator.get(`${tn.base}/${id}`)).statusCode).toBe(404);
    expect((await tn.coordinator.post(`${tn.base}/${id}/archive`)).statusCode).toBe(404);
    expect((await tn.coordinator.get(`${tn.base}/${id}/versions/1/markdown`)).statusCode).toBe(404);
    expect((await tn.memberAdmin.get(`${tn.memberBase}/${id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [sheet({ title: '   ' }), 'body.title'],
      [sheet({ kind: 'poster' }), 'body.kind'],
      [sheet({ tags: ['<script>'] }), 'body.tags.0'],
      [sheet({ audience: 'everyone' }), 'body.audience'],
      [sheet({ body: '   ' }), 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await tn.coordinator.post(tn.base, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await tn.coordinator.get(`${tn.base}?sort=password`)).json().error.field).toBe('querystring.sort');
  });

  it('copies the starter set once per language, idempotently, and a file-only resource waits for its file', async () => {
    const first = await tn.coordinator.post(`${tn.base}/starter-set`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().added).toHaveLength(5);
    expect(first.json().added.every((r: { language: string; fromStarterSet: boolean }) => r.language === 'fr' && r.fromStarterSet)).toBe(
      true,
    );
    const again = (await tn.coordinator.post(`${tn.base}/starter-set`, {})).json();
    expect(again).toEqual({ added: [], alreadyThere: 5 });
    const both = (await tn.coordinator.post(`${tn.base}/starter-set`, { languages: ['fr', 'en'] })).json();
    expect(both.added.map((r: { language: string }) => r.language)).toEqual(Array(5).fill('en'));
    expect((await seedStarterLibrary(t.deps, tn.territory.id, { languages: ['fr', 'en'] })).added).toHaveLength(0);

    const found = (await tn.coordinator.get(`${tn.base}?q=NIS2&language=fr`)).json();
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(['Déclarer un incident de sécurité\u00a0: la check-list']);
    const detail = (await tn.coordinator.get(`${tn.base}/${found.items[0].id}`)).json();
    expect(detail.body).toContain('CERT Santé');
    expect(detail.versions[0].changeNote).toMatch(/Kit de départ/);

    const bare = (await tn.coordinator.post(tn.base, sheet({ title: 'Modèle Word', body: undefined }))).json();
    expect(bare).toMatchObject({ currentVersion: null, body: null, versions: [] });
    const withFile = await tn.coordinator.request({
      method: 'POST',
      url: `${tn.base}/${bare.id}/versions/file?filename=modele`,
      payload: pdfBytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(withFile.json()).toMatchObject({ currentVersion: 1, body: null, versions: [{ file: { fileName: 'modele.pdf' } }] });
  });
});
