import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeContact, makeGrid, makeSupplier, sampleFiles } from '../../../../test/support/suppliers-audits-factory.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';

/** An establishment with a provider and one contact, an audit opened to it, and the contact signed in. */
async function openedAudit(t: TestApp) {
  const org = await makeOrg(t.dbh.db);
  const admin = await orgAdmin(t, org.id);
  const supplier = await makeSupplier(t.dbh.db, org.id);
  const contact = await makeContact(t.dbh.db, supplier.id);
  const grid = await makeGrid(t.dbh.db, org.id);
  const created = await admin.client.post(`/api/orgs/${org.id}/suppliers/audits`, {
    supplierId: supplier.id,
    gridId: grid.id,
    dueOn: '2027-03-31',
  });
  expect(created.statusCode).toBe(201);
  const auditId: string = created.json().id;
  const opened = await admin.client.post(`/api/orgs/${org.id}/suppliers/audits/${auditId}/open`);
  expect(opened.statusCode).toBe(200);
  const row = await t.dbh.db.selectFrom('supplier_contacts').select('account_id').where('id', '=', contact.id).executeTakeFirstOrThrow();
  const provider = await clientFor(t, row.account_id!, { mfa: false });
  return { org, admin, supplier, contact, auditId, provider, base: `/api/portal/audits/${auditId}` };
}

const upload = (c: Client, base: string, bytes: Buffer, query: string) =>
  c.request({ method: 'POST', url: `${base}/evidence?${query}`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

describe('provider portal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'rempart-files-')), EVIDENCE_MAX_BYTES: '4096' } });
  });
  afterAll(async () => t.close());

  it('shows a provider its own audits only: another provider’s audit and the establishment’s register are out of reach', async () => {
    const a = await openedAudit(t);
    const b = await openedAudit(t);
    const mine = await a.provider.get('/api/portal/audits');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([a.auditId]);
    expect(mine.json().items[0]).toMatchObject({ establishmentName: a.org.name, status: 'open' });
    const detail = await a.provider.get(a.base);
    expect(detail.statusCode).toBe(200);
    expect(Object.keys(detail.json()).sort()).toEqual(
      [
        'answers',
        'comments',
        'dueOn',
        'establishmentName',
        'evidence',
        'evidenceMaxBytes',
        'evidenceTypes',
        'grid',
        'id',
        'openedAt',
        'readOnly',
        'shared',
        'sharedWith',
        'sharingAgreed',
        'status',
        'submittedAt',
        'title',
        'visibleQuestionIds',
      ].sort(),
    );
    expect(detail.json().visibleQuestionIds).toEqual(['q1', 'q3', 'q4', 'q5', 'q6']);

    // Provider A on provider B's audit: absent, whatever the verb.
    expect((await a.provider.get(b.base)).statusCode).toBe(404);
    expect((await a.provider.put(`${b.base}/answers/q1`, { value: 'yes' })).statusCode).toBe(404);
    expect((await a.provider.post(`${b.base}/submit`)).statusCode).toBe(404);
    expect((await a.provider.get(`${b.base}/comments`)).statusCode).toBe(404);
    expect((await upload(a.provider, b.base, sampleFiles.pdf, 'questionId=q1')).statusCode).toBe(404);
    // The establishment's own pages: the register, its audits list and one audit.
    for (const url of [
      `/api/orgs/${a.org.id}/suppliers`,
      `/api/orgs/${a.org.id}/suppliers/audits`,
      `/api/orgs/${a.org.id}/suppliers/audits/${a.auditId}`,
    ]) {
      expect([403, 404], url).toContain((await a.provider.get(url)).statusCode);
    }
    // A planned audit of the same provider stays invisible until opened.
    const grid = await makeGrid(t.dbh.db, a.org.id);
    const planned = await a.admin.client.post(`/api/orgs/${a.org.id}/suppliers/audits`, {
      supplierId: a.supplier.id,
      gridId: grid.id,
      dueOn: '2027-06-30',
    });
    expect((await a.provider.get(`/api/portal/audits/${planned.json().id}`)).statusCode).toBe(404);
    // Someone without any provider grant is refused the portal itself.
    expect((await a.admin.client.get('/api/portal/audits')).statusCode).toBe(403);
  });

  it('saves drafts validated per answer type, follows conditions, submits, then refuses every change (409) and keeps what was submitted', async () => {
    const s = await openedAudit(t);
    const put = (q: string, value: unknown) => s.provider.put(`${s.base}/answers/${q}`, { value });
    for (const [q, value] of [
      ['q1', 'maybe'],
      ['q3', 'cloud'],
      ['q4', '12'],
      ['q5', []],
      ['q6', '2026-02-30'],
    ] as const) {
      const res = await put(q, value);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.field).toBe('value');
    }
    expect((await put('zz', 'yes')).statusCode).toBe(404);
    expect((await put('q2', 'hidden so far')).json().error.code).toBe('question_hidden');
    expect((await put('q1', 'no')).json().visibleQuestionIds).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect((await put('q2', 'Rédaction en cours')).statusCode).toBe(200);
    expect((await put('q1', 'yes')).statusCode).toBe(200); // hides q2 again
    for (const [q, value] of [
      ['q3', 'hds'],
      ['q4', 3],
      ['q5', ['sso', 'mfa']],
    ] as const) {
      expect((await put(q, value)).statusCode, q).toBe(200);
    }
    const incomplete = await s.provider.post(`${s.base}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error).toMatchObject({
      code: 'audit_incomplete',
      field: 'answers',
      missing: { answers: ['q6'], evidence: ['q1'] },
    });

    expect((await put('q6', '2026-10-01')).statusCode).toBe(200);
    const ev = await upload(s.provider, s.base, sampleFiles.pdf, 'questionId=q1&filename=pssi.pdf');
    expect(ev.statusCode).toBe(201);
    t.mailer.sent.length = 0;
    const submitted = await s.provider.post(`${s.base}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(t.mailer.sent.map((m) => [m.to, m.subject.startsWith('Audit remis')])).toEqual([[s.admin.email, true]]);
    expect(submitted.json()).toMatchObject({ status: 'submitted', readOnly: true });
    // The answer to the hidden q2 was dropped at submission; the rest is frozen.
    const frozen = submitted.json().answers.map((a: { questionId: string; value: unknown }) => [a.questionId, a.value]);
    expect(frozen).toEqual([
      ['q1', 'yes'],
      ['q3', 'hds'],
      ['q4', 3],
      ['q5', ['mfa', 'sso']],
      ['q6', '2026-10-01'],
    ]);

    for (const res of [
      await put('q4', 7),
      await s.provider.post(`${s.base}/submit`),
      await upload(s.provider, s.base, sampleFiles.png, 'questionId=q3'),
      await s.provider.delete(`${s.base}/evidence/${ev.json().id}`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('audit_submitted');
    }
    const after = await s.provider.get(s.base);
    expect(after.json().answers.map((a: { questionId: string; value: unknown }) => [a.questionId, a.value])).toEqual(frozen);
    expect(after.json().evidence).toHaveLength(1);
    const log = (await auditOf(t, s.auditId)).map((e) => e.action);
    expect(log).toEqual(
      expect.arrayContaining([
        'suppliers.audit.created',
        'suppliers.audit.opened',
        'suppliers.audit.answer_saved',
        'suppliers.audit.submitted',
      ]),
    );
    expect(log.at(-1)).toBe('suppliers.audit.submitted');
  });

  it('accepts evidence by its content only: a renamed executable gets 415, a file over the limit 413, both on `file`', async () => {
    const s = await openedAudit(t);
    const exe = await upload(s.provider, s.base, sampleFiles.exe, 'questionId=q1&filename=rapport.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'file_type_refused', field: 'file' });
    const zip = Buffer.from('PK\u0003\u0004 not really an office file');
    expect((await upload(s.provider, s.base, zip, 'filename=a.docx')).statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]);
    const tooLarge = await upload(s.provider, s.base, big, 'questionId=q1&filename=gros.pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });
    expect((await upload(s.provider, s.base, Buffer.alloc(0), 'questionId=q1')).json().error).toMatchObject({
      code: 'file_empty',
      field: 'file',
    });
    expect((await upload(s.provider, s.base, sampleFiles.pdf, 'questionId=nope')).json().error.field).toBe('questionId');

    const csv = await upload(s.provider, s.base, sampleFiles.csv, 'filename=mesures.exe');
    expect(csv.statusCode).toBe(201);
    expect(csv.json()).toMatchObject({
      mediaType: 'text/csv',
      fileName: 'mesures.exe.csv',
      questionId: null,
      size: sampleFiles.csv.length,
    });
    expect(csv.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const down = await s.provider.get(`${s.base}/evidence/${csv.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('text/csv');
    expect(down.headers['content-disposition']).toContain('attachment');
    expect(down.rawPayload.equals(sampleFiles.csv)).toBe(true);
    // The establishment downloads it too; another provider cannot.
    const fromOrg = await s.admin.client.get(`/api/orgs/${s.org.id}/suppliers/audits/${s.auditId}/evidence/${csv.json().id}`);
    expect(fromOrg.rawPayload.equals(sampleFiles.csv)).toBe(true);
    const other = await openedAudit(t);
    expect((await other.provider.get(`${s.base}/evidence/${csv.json().id}`)).statusCode).toBe(404);
    expect((await other.provider.get(`${other.base}/evidence/${csv.json().id}`)).statusCode).toBe(404);
    // Anonymous uploads are refused before the body is read.
    const anon = await upload(new Client(t), s.base, sampleFiles.pdf, 'questionId=q1');
    expect(anon.statusCode).toBe(401);
  });

  it('answers any JSON value with 200 or a 400 naming `value`, never a 500', async () => {
    const s = await openedAudit(t);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('q1', 'q3', 'q4', 'q5', 'q6'), fc.jsonValue({ maxDepth: 2 }), async (q, value) => {
        const res = await s.provider.put(`${s.base}/answers/${q}`, { value });
        expect([200, 400]).toContain(res.statusCode);
        // A "__proto__" key is refused by the body parser itself, before the route: the field is then the body.
        const parserRefuses = JSON.stringify({ value }).includes('"__proto__"');
        if (res.statusCode === 400) expect(res.json().error.field).toBe(parserRefuses ? 'body' : 'value');
      }),
      { numRuns: 60 },
    );
  });

  it('carries a thread per question between both sides, each side notified by email', async () => {
    const s = await openedAudit(t);
    t.mailer.sent.length = 0;
    const asked = await s.provider.post(`${s.base}/comments`, { questionId: 'q3', body: 'Faut-il compter la sauvegarde externalisée ?' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ side: 'provider', questionId: 'q3' });
    expect(t.mailer.sent.map((m) => m.to)).toEqual([s.admin.email]);
    expect(t.mailer.sent[0]?.text).not.toContain('sauvegarde externalisée');
    const reply = await s.admin.client.post(`/api/orgs/${s.org.id}/suppliers/audits/${s.auditId}/comments`, {
      questionId: 'q3',
      body: 'Oui, comptez-la.',
    });
    expect(reply.statusCode).toBe(201);
    expect(t.mailer.sent.at(-1)?.to).toBe(s.contact.email);
    const thread = await s.provider.get(`${s.base}/comments`);
    expect(thread.json().map((c: { side: string }) => c.side)).toEqual(['provider', 'establishment']);
    expect((await s.provider.post(`${s.base}/comments`, { body: '  ' })).json().error.field).toMatch(/body$/);
  });
});

describe('provider portal with the default evidence limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'rempart-files-')) } });
  });
  afterAll(async () => t.close());

  it('takes files above the JSON body limit (1 MiB) up to EVIDENCE_MAX_BYTES (10 MiB), and stores what was sent', async () => {
    const s = await openedAudit(t);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1_048_576, 0x20)]);
    const res = await upload(s.provider, s.base, big, 'questionId=q1&filename=rapport-hds.pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ size: big.length, mediaType: 'application/pdf', fileName: 'rapport-hds.pdf' });
    const back = await s.provider.get(`${s.base}/evidence/${res.json().id}`);
    expect(back.rawPayload.equals(big)).toBe(true);
    const over = await upload(s.provider, s.base, Buffer.alloc(10 * 1_048_576 + 1, 0x20), 'questionId=q1');
    expect(over.statusCode).toBe(413);
  });
});
