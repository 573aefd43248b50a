import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeTerritory } from '../../../../test/helpers/factories.js';
import { auditOf, coordinator } from '../identity/test-kit.js';
import { tenant } from './library-test-kit.js';
import { writeImapPollState } from './reporting/imap-state.js';

describe('phishing settings and territory mandates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { REPORT_ADDRESS: 'signalement@chu-exemple.fr' } });
  });
  afterAll(async () => t.close());

  const settings = (over: Record<string, unknown> = {}) => ({
    anonymousDefault: true,
    retentionDays: 180,
    transparencyNote: 'Contact : rssi@chu-exemple.fr',
    imap: { host: 'imap.chu-exemple.fr', port: 993, tls: true, username: 'signalement', password: 'Imap-S3cret', folder: 'Signalements' },
    ...over,
  });

  it("shows how the mailbox's last reads went, so a wrong password is seen without the logs", async () => {
    const { orgId, admin, base } = await tenant(t);
    const saved = await admin.client.put(`${base}/settings`, settings());
    expect(saved.json().imap.status).toEqual({ lastPolledAt: null, lastSuccessAt: null, lastError: null });
    const at = '2026-11-29T10:00:00.000Z';
    const lastError = { kind: 'auth' as const, detail: 'AUTHENTICATIONFAILED', at };
    await writeImapPollState(t.dbh.db, orgId, { mailbox: null, uidValidity: null, lastPolledAt: at, lastSuccessAt: null, lastError }, at);
    const read = await admin.client.get(`${base}/settings`);
    expect(read.json().imap.status).toEqual({ lastPolledAt: at, lastSuccessAt: null, lastError });
  });

  it('answers defaults, saves settings with the IMAP password sealed and never answered, audited', async () => {
    const { orgId, admin, base } = await tenant(t);
    const first = await admin.client.get(`${base}/settings`);
    expect(first.json()).toEqual({
      anonymousDefault: false,
      retentionDays: 365,
      transparencyNote: '',
      reportAddress: 'signalement@chu-exemple.fr',
      imap: null,
      updatedAt: null,
    });
    const saved = await admin.client.put(`${base}/settings`, settings());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      anonymousDefault: true,
      retentionDays: 180,
      imap: { host: 'imap.chu-exemple.fr', username: 'signalement', hasPassword: true, folder: 'Signalements' },
    });
    expect(saved.body).not.toContain('Imap-S3cret');
    const row = await t.dbh.db.selectFrom('phishing_settings').selectAll().where('organization_id', '=', orgId).executeTakeFirstOrThrow();
    expect(t.deps.secrets.open(row.imap_password_sealed!)).toBe('Imap-S3cret');

    // Without a password the sealed one stays; the reading position too while the mailbox is the same.
    await t.dbh.db.updateTable('phishing_settings').set({ imap_last_uid: 42 }).where('organization_id', '=', orgId).execute();
    const { password: _p, ...imapWithoutPassword } = settings().imap;
    const kept = await admin.client.put(`${base}/settings`, settings({ retentionDays: 30, imap: imapWithoutPassword }));
    expect(kept.json()).toMatchObject({ retentionDays: 30, imap: { hasPassword: true } });
    const after = await t.dbh.db.selectFrom('phishing_settings').selectAll().where('organization_id', '=', orgId).executeTakeFirstOrThrow();
    expect(after.imap_password_sealed).toBe(row.imap_password_sealed);
    expect(after.imap_last_uid).toBe(42);
    const moved = await admin.client.put(`${base}/settings`, settings({ imap: { ...imapWithoutPassword, folder: 'INBOX' } }));
    expect(moved.json().imap.folder).toBe('INBOX');
    expect(
      (
        await t.dbh.db
          .selectFrom('phishing_settings')
          .select('imap_last_uid')
          .where('organization_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).imap_last_uid,
    ).toBe(0);

    const none = await admin.client.put(`${base}/settings`, settings({ imap: null }));
    expect(none.json().imap).toBeNull();
    const cleared = await t.dbh.db
      .selectFrom('phishing_settings')
      .selectAll()
      .where('organization_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(cleared.imap_password_sealed).toBeNull();

    for (const [over, field] of [
      [{ retentionDays: 29 }, 'body.retentionDays'],
      [{ retentionDays: 1826 }, 'body.retentionDays'],
      [{ imap: { host: 'imap', port: 0, username: 'x' } }, 'body.imap.port'],
    ] as const) {
      const res = await admin.client.put(`${base}/settings`, settings(over));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const audit = await auditOf(t, orgId);
    const updates = audit.filter((a) => a.action === 'phishing.settings.update');
    expect(updates).toHaveLength(4);
    expect(JSON.stringify(updates)).not.toContain('Imap-S3cret');
  });

  it('lets the organization give and take back a campaign mandate to one of its territories only', async () => {
    const { orgId, admin, base } = await tenant(t);
    const territory = await makeTerritory(t.dbh.db, { name: 'GHT Cœur de Seine', members: [{ orgId }] });
    const elsewhere = await makeTerritory(t.dbh.db);
    expect((await admin.client.get(`${base}/mandates`)).json()).toEqual({
      items: [{ territoryId: territory.id, name: 'GHT Cœur de Seine', kind: 'ght', granted: false, grantedAt: null }],
    });
    const granted = await admin.client.put(`${base}/mandates/${territory.id}`);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ territoryId: territory.id, granted: true });
    // Granting twice changes nothing.
    expect((await admin.client.put(`${base}/mandates/${territory.id}`)).json().grantedAt).toBe(granted.json().grantedAt);
    const row = await t.dbh.db
      .selectFrom('phishing_territory_mandates')
      .selectAll()
      .where('organization_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ territory_id: territory.id, granted_by: admin.accountId });
    expect((await admin.client.put(`${base}/mandates/${elsewhere.id}`)).statusCode).toBe(404);

    // The territory's coordinator cannot grant itself a mandate, nor see the organization's library.
    const coord = await coordinator(t, territory.id);
    expect((await coord.client.put(`${base}/mandates/${territory.id}`)).statusCode).toBe(403);
    expect((await coord.client.get(`${base}/templates`)).statusCode).toBe(403);

    expect((await admin.client.delete(`${base}/mandates/${territory.id}`)).statusCode).toBe(204);
    expect((await admin.client.delete(`${base}/mandates/${territory.id}`)).statusCode).toBe(404);
    expect((await admin.client.get(`${base}/mandates`)).json().items[0].granted).toBe(false);
    const audit = await auditOf(t, territory.id);
    expect(audit.map((a) => a.action)).toEqual(['phishing.mandate.grant', 'phishing.mandate.revoke']);
    expect(audit[0]).toMatchObject({ organizationId: orgId, territoryId: territory.id });
  });
});
