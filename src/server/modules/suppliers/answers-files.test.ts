import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeContact, makeGrid, makeSupplier, testGrid } from '../../../../test/support/suppliers-audits-factory.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { answersFromCsv, answersFromXlsx } from './grid-answers-xlsx.js';

/** An establishment, its provider with one contact signed in, and an audit opened to it. */
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
    title: 'Audit HDS – Éditeur Dupont',
  });
  const auditId: string = created.json().id;
  expect((await admin.client.post(`/api/orgs/${org.id}/suppliers/audits/${auditId}/open`)).statusCode).toBe(200);
  const row = await t.dbh.db.selectFrom('supplier_contacts').select('account_id').where('id', '=', contact.id).executeTakeFirstOrThrow();
  const provider = await clientFor(t, row.account_id!, { mfa: false });
  return { org, admin, auditId, provider, base: `/api/portal/audits/${auditId}` };
}

const send = (c: Client, base: string, body: Buffer | string, query: string) =>
  c.request({
    method: 'POST',
    url: `${base}/answers/import?${query}`,
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    headers: { 'content-type': 'application/octet-stream' },
  });

const csv = (...lines: string[]) => ['question_id;answer;comment', ...lines].join('\r\n');

const storedAnswers = async (c: Client, base: string) =>
  Object.fromEntries(
    ((await c.get(base)).json().answers as Array<{ questionId: string; value: unknown; comment: string }>).map((a) => [
      a.questionId,
      [a.value, a.comment],
    ]),
  );

describe('answers in a spreadsheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { EVIDENCE_MAX_BYTES: '20000' } });
  });
  afterAll(async () => t.close());

  it('gives the provider and the lead the grid with the answers so far; a participant before agreement the grid alone', async () => {
    const s = await openedAudit(t);
    expect((await s.provider.put(`${s.base}/answers/q1`, { value: 'yes', comment: 'PSSI v3' })).statusCode).toBe(200);
    const asCsv = await s.provider.get(`${s.base}/answers.csv`);
    expect(asCsv.statusCode).toBe(200);
    expect(asCsv.headers['content-type']).toContain('text/csv');
    expect(asCsv.headers['content-disposition']).toBe('attachment; filename="reponses-audit-hds-editeur-dupont.csv"');
    expect(answersFromCsv(testGrid, asCsv.rawPayload).answers).toMatchObject([{ questionId: 'q1', value: 'yes', comment: 'PSSI v3' }]);
    const asXlsx = await s.provider.get(`${s.base}/answers.xlsx`);
    expect(asXlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await answersFromXlsx(testGrid, asXlsx.rawPayload)).answers.map((a) => a.questionId)).toEqual(['q1']);

    const lead = await s.admin.client.get(`/api/orgs/${s.org.id}/suppliers/audits/${s.auditId}/answers.xlsx`);
    expect(lead.statusCode).toBe(200);
    expect((await answersFromXlsx(testGrid, lead.rawPayload)).answers.map((a) => a.value)).toEqual(['yes']);

    const other = await makeOrg(t.dbh.db);
    const otherAdmin = await orgAdmin(t, other.id);
    const otherUrl = `/api/orgs/${other.id}/suppliers/audits/${s.auditId}/answers.csv`;
    expect((await otherAdmin.client.get(otherUrl)).statusCode).toBe(404);
    await t.dbh.db
      .insertInto('supplier_audit_participants')
      .values({ audit_id: s.auditId, organization_id: other.id, contract_id: null, joined_at: new Date().toISOString() })
      .execute();
    const participant = await otherAdmin.client.get(otherUrl);
    expect(participant.statusCode).toBe(200);
    expect(participant.body).toContain('q6');
    expect(answersFromCsv(testGrid, participant.rawPayload).answers).toEqual([]);

    const b = await openedAudit(t);
    expect((await s.provider.get(`${b.base}/answers.xlsx`)).statusCode).toBe(404);
    expect((await send(s.provider, b.base, csv('q1;oui;'), 'format=csv')).statusCode).toBe(404);
    expect((await s.admin.client.get(`${s.base}/answers.csv`)).statusCode).toBe(403);
  });

  it('imports after a dry run, keeps what blank cells do not mention, audits once and leaves unchanged lines alone', async () => {
    const s = await openedAudit(t);
    expect((await s.provider.put(`${s.base}/answers/q4`, { value: 3, comment: 'Deux internes, un prestataire' })).statusCode).toBe(200);
    // q2 is asked only when q1 is "no": the file's own q1 makes it asked.
    const file = csv('q1;non;Rédaction en cours', 'q2;PSSI prévue en 2027;', 'q3;Hébergeur HDS;', 'q4;;', 'q5;sso | MFA;');
    const dry = await send(s.provider, s.base, file, 'format=csv&dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, valid: true, saved: 4, unchanged: 0, issues: [] });
    expect(Object.keys(await storedAnswers(s.provider, s.base))).toEqual(['q4']);

    const done = await send(s.provider, s.base, file, 'format=csv');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ dryRun: false, valid: true, saved: 4, unchanged: 0, issues: [] });
    expect(await storedAnswers(s.provider, s.base)).toEqual({
      q1: ['no', 'Rédaction en cours'],
      q2: ['PSSI prévue en 2027', ''],
      q3: ['hds', ''],
      q4: [3, 'Deux internes, un prestataire'],
      q5: [['mfa', 'sso'], ''],
    });
    const imported = (await auditOf(t, s.auditId)).filter((e) => e.action === 'suppliers.audit.answers_imported');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.after).toMatchObject({ format: 'csv', saved: 4, unchanged: 0 });
    expect((imported[0]!.after!.answers as unknown[]).length).toBe(4);
    expect(imported[0]!.before).toEqual({ answers: [] });

    // The export imports back as is: nothing to write, nothing logged.
    const exported = (await s.provider.get(`${s.base}/answers.xlsx`)).rawPayload;
    const again = await send(s.provider, s.base, exported, 'format=xlsx');
    expect(again.json()).toMatchObject({ saved: 0, unchanged: 5, issues: [] });
    expect((await auditOf(t, s.auditId)).filter((e) => e.action === 'suppliers.audit.answers_imported')).toHaveLength(1);

    // A changed answer hides q2: still fine, its stored answer stays until submission drops it.
    const change = await send(s.provider, s.base, csv('q1;oui;'), 'format=csv');
    expect(change.json()).toMatchObject({ saved: 1, unchanged: 0 });
    expect((await storedAnswers(s.provider, s.base)).q1).toEqual(['yes', 'Rédaction en cours']);
    const log = (await auditOf(t, s.auditId)).filter((e) => e.action === 'suppliers.audit.answers_imported');
    expect(log[1]!.before).toEqual({ answers: [{ questionId: 'q1', value: 'no', comment: 'Rédaction en cours' }] });
  });

  it('refuses the whole file when a line is wrong, with the codes of a single save, the line, the column and the question', async () => {
    const s = await openedAudit(t);
    const single = await s.provider.put(`${s.base}/answers/q1`, { value: 'maybe' });
    const file = csv('q3;Sur site;', 'q1;peut-être;', 'q2;Pas encore;', 'qz;oui;', 'q6;30/02/2026;', 'q4;;Commentaire seul');
    const dry = await send(s.provider, s.base, file, 'format=csv&dryRun=true');
    expect(dry.statusCode).toBe(200);
    const issues = [
      { line: 3, column: 'answer', questionId: 'q1', code: single.json().error.code },
      { line: 4, column: 'question_id', questionId: 'q2', code: 'question_hidden' },
      { line: 5, column: 'question_id', code: 'unknown_question' },
      { line: 6, column: 'answer', questionId: 'q6', code: 'invalid_date' },
      { line: 7, column: 'answer', questionId: 'q4', code: 'missing_answer' },
    ];
    expect(single.json().error.code).toBe('invalid_yes_no');
    expect(dry.json()).toMatchObject({ valid: false, saved: 0, issues });
    expect(dry.json().issues[2].questionId).toBeUndefined();

    const refused = await send(s.provider, s.base, file, 'format=csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'answers_file_invalid', field: 'file' });
    expect(refused.json().error.message).toMatch(/^ligne 3, answer/);
    expect(refused.json().issues).toMatchObject(issues);
    // q3 was valid, yet nothing is saved.
    expect(await storedAnswers(s.provider, s.base)).toEqual({});
    expect((await auditOf(t, s.auditId)).map((e) => e.action)).not.toContain('suppliers.audit.answers_imported');

    const english = await s.provider.request({
      method: 'POST',
      url: `${s.base}/answers/import?format=xlsx`,
      payload: Buffer.from(file),
      headers: { 'content-type': 'text/csv' },
      cookies: { rempart_locale: 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().issues).toEqual([
      { line: null, column: null, code: 'unreadable_file', message: 'This file is not a readable XLSX workbook.' },
    ]);
    expect((await send(s.provider, s.base, '', 'format=csv')).json().error).toMatchObject({ code: 'empty_file', field: 'file' });
    expect((await send(s.provider, s.base, file, 'format=pdf')).statusCode).toBe(400);
  });

  it('reads a workbook filled in Excel (words, labels, date cells)', async () => {
    const s = await openedAudit(t);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await s.provider.get(`${s.base}/answers.xlsx`)).rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const fill: Record<string, ExcelJS.CellValue> = { q1: 'Oui', q3: 'Sur site', q6: new Date(Date.UTC(2026, 9, 1)), q4: 12 };
    ws.eachRow((row, n) => {
      const answer = fill[String(row.getCell(col('question_id')).value)];
      if (n > 1 && answer !== undefined) row.getCell(col('answer')).value = answer;
    });
    const res = await send(s.provider, s.base, Buffer.from(await wb.xlsx.writeBuffer()), 'format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().saved).toBe(4);
    expect(await storedAnswers(s.provider, s.base)).toEqual({
      q1: ['yes', ''],
      q3: ['onprem', ''],
      q4: [12, ''],
      q6: ['2026-10-01', ''],
    });
  });

  it('takes files only while the audit is open and up to the size limit', async () => {
    const s = await openedAudit(t);
    const big = await send(s.provider, s.base, Buffer.alloc(20_001, 0x41), 'format=csv');
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'file_too_large', field: 'file' });

    await t.dbh.db.updateTable('supplier_audits').set({ status: 'submitted' }).where('id', '=', s.auditId).execute();
    for (const q of ['format=csv', 'format=csv&dryRun=true']) {
      const res = await send(s.provider, s.base, csv('q1;oui;'), q);
      expect(res.statusCode, q).toBe(409);
      expect(res.json().error.code).toBe('audit_submitted');
    }
    // The download stays: the provider keeps a copy of what it handed over.
    expect((await s.provider.get(`${s.base}/answers.csv`)).statusCode).toBe(200);

    const c = await openedAudit(t);
    expect((await c.admin.client.post(`/api/orgs/${c.org.id}/suppliers/audits/${c.auditId}/cancel`)).statusCode).toBe(200);
    expect((await send(c.provider, c.base, csv('q1;oui;'), 'format=csv')).json().error.code).toBe('audit_not_open');
    expect(await storedAnswers(c.provider, c.base)).toEqual({});
  });

  it('answers any bytes or cells with a report or a 4xx, never a 5xx, and loses nothing stored', async () => {
    const s = await openedAudit(t);
    expect((await s.provider.put(`${s.base}/answers/q4`, { value: 7 })).statusCode).toBe(200);
    const cell = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('q1', 'q2', 'q4', 'oui', '=1+1', '"', ';', '', '31/12/2026'));
    const lines = fc.array(fc.tuple(cell, cell, cell), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(lines, fc.uint8Array({ maxLength: 96 }), fc.constantFrom('csv', 'xlsx'), async (rows, bytes, format) => {
        for (const body of [csv(...rows.map((r) => r.join(';'))), Buffer.from(bytes)]) {
          const res = await send(s.provider, s.base, body, `format=${format}&dryRun=true`);
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode !== 200) expect(res.json().error.message.length).toBeGreaterThan(0);
          const real = await send(s.provider, s.base, Buffer.from(bytes), `format=${format}`);
          expect(real.statusCode, real.body).toBeLessThan(500);
        }
      }),
      { numRuns: 30 },
    );
    expect((await storedAnswers(s.provider, s.base)).q4).toEqual([7, '']);
  });
});
