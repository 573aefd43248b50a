import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { disposeDb } from '../../../cli/test-support.js';
import { verifyAuditChain } from './audit-log.js';

describe('audit chain tampering', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A database of its own: this test breaks the chain on purpose.
    t = await makeTestApp({ dbh: await isolatedDb() });
    const org = await makeOrg(t.dbh.db);
    for (let i = 1; i <= 5; i++) {
      await t.dbh.db
        .transaction()
        .execute((trx) =>
          t.deps.audit.record(
            trx,
            { accountId: null, label: 'cli', ip: null },
            { action: 'person.updated', entityType: 'person', entityId: `p${i}`, organizationId: org.id, after: { n: i } },
          ),
        );
    }
  });
  afterAll(async () => {
    await t.app.close();
    await disposeDb(t.dbh);
  });

  it('refuses UPDATE and DELETE on the audit log', async () => {
    await expect(sql`update audit_log set actor_label = 'someone else' where seq = 2`.execute(t.dbh.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 2`.execute(t.dbh.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.dbh.db)).toEqual({ ok: true, checked: 5 });
  });

  it('reports exactly the altered row once the guard is lifted and a row is rewritten', async () => {
    if (t.dbh.dialect === 'postgres') await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.dbh.db);
    else await sql`drop trigger audit_log_no_update`.execute(t.dbh.db);
    await sql`update audit_log set after_json = ${'{"n":42}'} where seq = 3`.execute(t.dbh.db);
    const target = await t.dbh.db.selectFrom('audit_log').select('id').where('seq', '=', 3).executeTakeFirstOrThrow();

    const result = await verifyAuditChain(t.dbh.db);
    expect(result).toEqual({ ok: false, checked: 2, brokenAt: { seq: 3, id: target.id, reason: 'hash_mismatch' } });

    const admin = await makeAccount(t.dbh.db, { grants: [{ role: 'platform_admin', scopeKind: 'platform' }], totp: true });
    const res = await (await clientFor(t, admin.id)).get('/api/audit-log/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: 'hash_mismatch' } });
  });
});
