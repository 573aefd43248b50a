import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../clock.js';
import { type AuditActor, AuditLog } from './audit-log.js';

describe('audit log viewer', () => {
  let t: TestApp;
  let orgA: { id: string };
  let orgB: { id: string };
  let platform: Client;
  let adminA: Client;
  let learnerA: Client;

  const alice: AuditActor = { accountId: null, label: 'Alice.Martin@chu-a.localhost', ip: '10.0.0.1' };
  const bob: AuditActor = { accountId: null, label: 'bob@chu-b.localhost', ip: '10.0.0.2' };

  beforeAll(async () => {
    t = await makeTestApp();
    const db = t.dbh.db;
    orgA = await makeOrg(db, { name: 'CHU A' });
    orgB = await makeOrg(db, { name: 'CH B' });
    const clock = new FixedClock(new Date('2026-03-10T08:00:00Z'));
    const log = new AuditLog(t.dbh.dialect, clock);
    const write = async (who: AuditActor, orgId: string, action: string, entityType: string, before: unknown, after: unknown) =>
      db.transaction().execute((trx) => log.record(trx, who, { action, entityType, entityId: 'e1', organizationId: orgId, before, after }));
    await write(alice, orgA.id, 'person.created', 'person', undefined, { lastName: 'Durand' }); // 10 March
    clock.advance(86_400_000);
    await write(alice, orgA.id, 'person.updated', 'person', { service: 'Urgences' }, { service: 'Réanimation' }); // 11 March
    clock.advance(86_400_000);
    await write(bob, orgA.id, 'import.applied', 'people_import', undefined, { created: 3 }); // 12 March
    clock.advance(86_400_000);
    await write(
      { accountId: null, label: '=HYPERLINK("http://evil.localhost")', ip: null },
      orgA.id,
      'grant.created',
      'role_grant',
      undefined,
      {
        role: 'manager',
      },
    ); // 13 March
    await write(bob, orgB.id, 'person.created', 'person', undefined, { lastName: 'Secret' });

    const admin = await makeAccount(db, { grants: [{ role: 'platform_admin', scopeKind: 'platform' }], totp: true });
    platform = await clientFor(t, admin.id);
    const a = await makeAccount(db, { grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: orgA.id }], totp: true });
    adminA = await clientFor(t, a.id);
    const person = await makePerson(db, orgA.id);
    const l = await makeAccount(db, { personId: person.id, grants: [{ role: 'learner', scopeKind: 'organization', scopeId: orgA.id }] });
    learnerA = await clientFor(t, l.id, { mfa: false });
  });
  afterAll(async () => t.close());

  const list = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<Record<string, unknown>>; total: number; page: number; pageSize: number };
  };

  it('lists entries newest first with before/after parsed', async () => {
    const page = await list(platform, `/api/audit-log?organizationId=${orgA.id}`);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.action)).toEqual(['grant.created', 'import.applied', 'person.updated', 'person.created']);
    const updated = page.items[2];
    expect(updated?.before).toEqual({ service: 'Urgences' });
    expect(updated?.after).toEqual({ service: 'Réanimation' });
    expect(page.items[3]?.before).toBeNull();
  });

  it('filters by action prefix, entity type, actor substring and dates, and pages', async () => {
    const base = `/api/audit-log?organizationId=${orgA.id}`;
    expect((await list(platform, `${base}&action=person.`)).items.map((i) => i.action)).toEqual(['person.updated', 'person.created']);
    expect((await list(platform, `${base}&action=person.up`)).total).toBe(1);
    // LIKE wildcards typed by the user are literal characters.
    expect((await list(platform, `${base}&action=%25`)).total).toBe(0);
    expect((await list(platform, `${base}&action=person_`)).total).toBe(0);
    expect((await list(platform, `${base}&entityType=people_import`)).items.map((i) => i.action)).toEqual(['import.applied']);
    expect((await list(platform, `${base}&actor=ALICE.martin`)).total).toBe(2);
    expect((await list(platform, `${base}&from=2026-03-11&to=2026-03-12`)).items.map((i) => i.action)).toEqual([
      'import.applied',
      'person.updated',
    ]);
    expect((await list(platform, `${base}&to=2026-03-10T08:00:00Z`)).items.map((i) => i.action)).toEqual(['person.created']);
    // As the web page sends them: day bounds as ISO instants, cleared fields empty.
    const web = await list(platform, `${base}&from=2026-03-11T00:00:00.000Z&to=2026-03-11T23:59:59.999Z&action=&actor=`);
    expect(web.items.map((i) => i.action)).toEqual(['person.updated']);
    const p2 = await list(platform, `${base}&page=2&pageSize=3`);
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((i) => i.action)).toEqual(['person.created']);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await platform.get('/api/audit-log?from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('from');
    const big = await platform.get('/api/audit-log?pageSize=1000');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.field).toContain('pageSize');
  });

  it("shows an organization admin their own organization's entries only", async () => {
    const page = await list(adminA, `/api/orgs/${orgA.id}/audit-log`);
    expect(page.total).toBe(4);
    expect(page.items.every((i) => i.organizationId === orgA.id)).toBe(true);
    expect(JSON.stringify(page.items)).not.toContain('Secret');
    const foreign = await adminA.get(`/api/orgs/${orgB.id}/audit-log`);
    expect(foreign.statusCode).toBe(404);
    expect((await adminA.get(`/api/orgs/${orgB.id}/audit-log/export.csv`)).statusCode).toBe(404);
    expect((await adminA.get('/api/audit-log')).statusCode).toBe(403);
    expect((await adminA.get('/api/audit-log/verify')).statusCode).toBe(403);
    // A learner of the organization lacks audit.read there.
    expect((await learnerA.get(`/api/orgs/${orgA.id}/audit-log`)).statusCode).toBe(403);
  });

  it('exports CSV with a BOM, semicolons and formulas defused', async () => {
    const res = await adminA.get(`/api/orgs/${orgA.id}/audit-log/export.csv?action=grant.`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.body;
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe("n°;date (UTC);auteur;adresse IP;action;type d'objet;identifiant objet;organisation;territoire;avant;après");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.localhost"")"`);
    expect(lines[1]).toContain(';grant.created;role_grant;');

    const en = await platform.request({
      method: 'GET',
      url: `/api/audit-log/export.csv?organizationId=${orgA.id}`,
      cookies: { rempart_locale: 'en' },
    });
    const enLines = en.body.slice(1).trimEnd().split('\r\n');
    expect(enLines[0]?.startsWith('seq;date (UTC);actor')).toBe(true);
    expect(enLines).toHaveLength(5);
    expect(enLines[4]).toContain('"{""lastName"":""Durand""}"');
  });

  it('verifies the chain for platform admins', async () => {
    const res = await platform.get('/api/audit-log/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThanOrEqual(5);
  });
});
