import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('action plan: actions by hand, list, board, progress, notes, evidence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW), env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'rempart-actions-')) } });
  });
  afterAll(async () => t.close());

  it('creates, edits and lists actions with filters, search, sort, pages and CSV; logs every change', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/actions`;
    const make = async (body: Record<string, unknown>) => {
      const res = await admin.client.post(base, body);
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const a = await make({
      title: 'Tester la restauration des sauvegardes',
      priority: 'critical',
      dueOn: '2026-11-10',
      ownerAccountId: admin.accountId,
    });
    const b = await make({ title: 'Charte informatique signée', priority: 'low', dueOn: '2026-12-15', ownerName: 'Direction' });
    const c = await make({ title: 'Éteindre le vieux serveur', priority: 'high', status: 'done' });
    expect(a).toMatchObject({
      sourceKind: 'manual',
      status: 'todo',
      overdue: true,
      ownerAccountId: admin.accountId,
      statusOwnedBySource: false,
    });
    expect(b).toMatchObject({ ownerLabel: 'Direction', overdue: false, dueOn: '2026-12-15' });
    expect(c.doneAt).toBe(NOW.toISOString());

    const list = async (qs: string) => (await admin.client.get(`${base}?${qs}`)).json();
    expect((await list('')).items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id, c.id]); // due date, undated last
    expect((await list('sort=-priority')).items.map((i: { id: string }) => i.id)).toEqual([a.id, c.id, b.id]);
    expect((await list('overdue=true')).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect((await list('status=open')).total).toBe(2);
    expect((await list('q=eteindre')).items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await list(`owner=${admin.accountId}`)).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect((await list('source=supplier_finding')).total).toBe(0);
    const page2 = await list('pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);

    const bad = await admin.client.get(`${base}?status=later`);
    expect(bad.statusCode).toBe(400);
    expect((await admin.client.get(`${base}?sort=-owner`)).statusCode).toBe(400);
    const noTitle = await admin.client.post(base, { title: '  ', priority: 'high' });
    expect(noTitle.statusCode).toBe(400);
    const badDay = await admin.client.post(base, { title: 'x', dueOn: '2026-02-30' });
    expect(badDay.statusCode).toBe(400);
    const stranger = await makeAccount(t.dbh.db, {});
    const badOwner = await admin.client.post(base, { title: 'x', ownerAccountId: stranger.id });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error).toMatchObject({ code: 'unknown_owner', field: 'ownerAccountId' });

    const edited = await admin.client.patch(`${base}/${b.id}`, { status: 'in_progress', title: '=Charte signée', dueOn: null });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'in_progress', title: '=Charte signée', dueOn: null });
    const log = await auditOf(t, b.id);
    expect(log.map((l) => l.action)).toEqual(['actions.action.created', 'actions.action.updated']);
    expect(log[1]?.before).toMatchObject({ status: 'todo', dueOn: '2026-12-15' });
    expect(log[1]?.after).toMatchObject({ status: 'in_progress', dueOn: null });

    const csv = await admin.client.get(`${base}/export.csv?sort=title`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.startsWith("'=Charte signée;in_progress"))).toBe(true); // formula defused
    expect(lines.find((l) => l.startsWith('Tester'))).toContain(';oui/yes;');
  });

  it('shows progress figures and a board by status', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/actions`;
    for (const body of [
      { title: 'A', dueOn: '2026-11-01' },
      { title: 'B', status: 'in_progress' },
      { title: 'C', status: 'done' },
      { title: 'D', status: 'cancelled' },
    ])
      expect((await admin.client.post(base, body)).statusCode).toBe(201);
    const progress = (await admin.client.get(`${base}/progress`)).json();
    expect(progress).toEqual({
      total: 4,
      byStatus: { todo: 1, in_progress: 1, done: 1, cancelled: 1 },
      overdue: 1,
      doneLast30Days: 1,
      bySource: [{ source: 'manual', total: 4, done: 1 }],
    });
    const board = (await admin.client.get(`${base}/board`)).json();
    expect(
      board.columns.map((c: { status: string; total: number; items: Array<{ title: string }> }) => [
        c.status,
        c.total,
        c.items.map((i) => i.title),
      ]),
    ).toEqual([
      ['todo', 1, ['A']],
      ['in_progress', 1, ['B']],
      ['done', 1, ['C']],
      ['cancelled', 1, ['D']],
    ]);
  });

  it('keeps notes and evidence files; refuses what is not a document', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/actions`;
    const a = (await admin.client.post(base, { title: 'Plan de continuité' })).json();
    const noted = await admin.client.post(`${base}/${a.id}/notes`, { body: 'Relu avec la direction des soins' });
    expect(noted.statusCode).toBe(201);
    expect(noted.json().notes).toMatchObject([{ body: 'Relu avec la direction des soins' }]);
    expect((await admin.client.post(`${base}/${a.id}/notes`, { body: '' })).statusCode).toBe(400);

    const upload = (bytes: Buffer, name: string, id = a.id) =>
      admin.client.request({
        method: 'POST',
        url: `${base}/${id}/evidence?filename=${encodeURIComponent(name)}`,
        payload: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const up = await upload(PDF, 'pca.pdf');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'pca.pdf', mediaType: 'application/pdf', size: PDF.length });
    const exe = await upload(Buffer.from('MZ\x90\x00binary'), 'pca.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.field).toBe('file');
    expect((await upload(Buffer.alloc(0), 'vide.pdf')).statusCode).toBe(400);

    const detail = (await admin.client.get(`${base}/${a.id}`)).json();
    expect(detail.evidence).toHaveLength(1);
    const file = await admin.client.get(`${base}/${a.id}/evidence/${detail.evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await auditOf(t, a.id)).map((l) => l.action)).toEqual([
      'actions.action.created',
      'actions.note.added',
      'actions.evidence.uploaded',
    ]);

    // Another organization's admin: 404 everywhere, nothing uploaded.
    const other = await makeOrg(t.dbh.db);
    const foreign = await orgAdmin(t, other.id);
    expect((await foreign.client.get(`${base}/${a.id}`)).statusCode).toBe(404);
    expect((await foreign.client.get(`/api/orgs/${other.id}/actions/${a.id}`)).statusCode).toBe(404);
    expect((await foreign.client.patch(`/api/orgs/${other.id}/actions/${a.id}`, { title: 'x' })).statusCode).toBe(404);
    const sneak = await foreign.client.request({
      method: 'POST',
      url: `${base}/${a.id}/evidence?filename=x.pdf`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(sneak.statusCode).toBe(404);
    expect((await admin.client.get(`${base}/${a.id}`)).json().evidence).toHaveLength(1);
  });

  it('lets managers read but not change; shows a territory counts of sharing members only', async () => {
    const org = await makeOrg(t.dbh.db, { name: 'Clinique A' });
    const quiet = await makeOrg(t.dbh.db, { name: 'EHPAD B' });
    const admin = await orgAdmin(t, org.id);
    const quietAdmin = await orgAdmin(t, quiet.id);
    const p = await makePerson(t.dbh.db, org.id);
    const mgr = await makeAccount(t.dbh.db, { personId: p.id, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
    const manager = await clientFor(t, mgr.id);
    await admin.client.post(`/api/orgs/${org.id}/actions`, { title: 'Secret de A', dueOn: '2026-10-01' });
    await admin.client.post(`/api/orgs/${org.id}/actions`, { title: 'Autre', status: 'done' });
    await quietAdmin.client.post(`/api/orgs/${quiet.id}/actions`, { title: 'Secret de B' });
    expect((await manager.get(`/api/orgs/${org.id}/actions`)).json().total).toBe(2);
    expect((await manager.post(`/api/orgs/${org.id}/actions`, { title: 'x' })).statusCode).toBe(403);

    // Both share their training data; only the clinic shares its action plan.
    const territory = await makeTerritory(t.dbh.db, {
      members: [
        // Consent per domain is written below, row by row.
        { orgId: org.id },
        { orgId: quiet.id },
      ],
    });
    const consent = (orgId: string, domain: 'actions' | 'training') => ({
      territory_id: territory.id,
      organization_id: orgId,
      domain,
      shared_since: NOW.toISOString(),
      changed_by: null,
    });
    await t.dbh.db
      .insertInto('territory_sharing')
      .values([consent(org.id, 'actions'), consent(org.id, 'training'), consent(quiet.id, 'training')])
      .execute();
    const coord = await coordinator(t, territory.id);
    const rollup = await coord.client.get(`/api/territories/${territory.id}/actions/rollup`);
    expect(rollup.statusCode).toBe(200);
    expect(rollup.json()).toEqual({
      territoryId: territory.id,
      members: [
        {
          organizationId: org.id,
          organizationName: 'Clinique A',
          total: 2,
          byStatus: { todo: 1, in_progress: 0, done: 1, cancelled: 0 },
          overdue: 1,
        },
      ],
      notSharing: 1,
    });
    expect(rollup.body).not.toContain('Secret');
    // The coordinator cannot open a member's plan itself.
    expect((await coord.client.get(`/api/orgs/${org.id}/actions`)).statusCode).toBe(403);
    expect((await admin.client.get(`/api/territories/${territory.id}/actions/rollup`)).statusCode).toBe(403);
  });
});
