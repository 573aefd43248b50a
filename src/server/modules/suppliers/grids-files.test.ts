import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeGrid } from '../../../../test/support/suppliers-grids-factory.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { tableToCsv } from './grid-sheets.js';
import { gridColumns } from './grid-table.js';

describe('supplier grids as spreadsheets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  async function tenant() {
    const org = await makeOrg(t.dbh.db);
    return { orgId: org.id, admin: await orgAdmin(t, org.id), base: `/api/orgs/${org.id}/suppliers/grids` };
  }
  const upload = (client: Awaited<ReturnType<typeof tenant>>['admin']['client'], url: string, body: Buffer) =>
    client.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/octet-stream' } });

  it('exports a catalogue grid to XLSX and CSV and imports both back as the same grid', async () => {
    const { orgId, admin, base } = await tenant();
    const source = (await admin.client.get(`${base}/hds-provider`)).json();
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await admin.client.get(`${base}/hds-provider/export.${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="hebergeur-de-donnees-de-sante-hds-verifications-v1.${format}"`,
      );
      const dry = await upload(admin.client, `${base}/import?format=${format}&dryRun=true`, file.rawPayload);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ dryRun: true, valid: true, issues: [], sectionCount: 5, questionCount: 19 });
      expect(dry.json().grid).toBeUndefined();

      const done = await upload(admin.client, `${base}/import?format=${format}`, file.rawPayload);
      expect(done.statusCode).toBe(201);
      const grid = done.json().grid;
      expect(grid).toMatchObject({ origin: 'import', version: 1, readOnly: false, titles: source.titles });
      expect(grid.definition).toEqual(source.definition);
      expect((await auditOf(t, grid.id)).map((a) => [a.action, a.organizationId])).toEqual([['suppliers.grid.import', orgId]]);
    }
  });

  it('reports every problem of a file by line and column, and writes nothing', async () => {
    const { admin, base } = await tenant();
    const row = (cells: Partial<Record<(typeof gridColumns)[number], string>>) => gridColumns.map((c) => cells[c] ?? '');
    const q = { section_id: 's1', section_title_fr: 'Rubrique', section_title_en: 'Section', evidence: 'none' };
    const csv = tableToCsv(gridColumns, [
      row({
        ...q,
        grid_title_fr: 'Grille',
        grid_title_en: 'Grid',
        question_id: 'q1',
        type: 'yes_no',
        text_fr: 'Un ?',
        text_en: 'One?',
        weight: '3',
      }),
      row({ ...q, question_id: 'q2', type: 'maybe', text_fr: 'Deux ?', text_en: 'Two?', weight: '9' }),
      row({ ...q, question_id: 'q3', type: 'single', text_fr: 'Trois ?', text_en: 'Three?', weight: '1', options: 'a | A | A' }),
      row({
        ...q,
        question_id: 'q4',
        type: 'text',
        text_fr: 'Quatre ?',
        text_en: 'Four?',
        weight: '1',
        show_if_question: 'q1',
        show_if_values: 'perhaps',
      }),
      row({ ...q, question_id: 'q1', type: 'text', text_fr: 'Cinq ?', text_en: '', weight: '1' }),
    ]);
    const dry = await upload(admin.client, `${base}/import?format=csv&dryRun=true`, csv);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().valid).toBe(false);
    const found = dry.json().issues.map((i: { line: number; column: string; code: string }) => [i.line, i.column, i.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, 'type', 'invalid_type'],
        [3, 'weight', 'invalid_weight'],
        [6, 'text_en', 'invalid_value'],
      ]),
    );
    // Those the table reader cannot see come from the grid checks, located the same way.
    const fixed = tableToCsv(gridColumns, [
      row({
        ...q,
        grid_title_fr: 'Grille',
        grid_title_en: 'Grid',
        question_id: 'q1',
        type: 'yes_no',
        text_fr: 'Un ?',
        text_en: 'One?',
        weight: '3',
      }),
      row({ ...q, question_id: 'q3', type: 'single', text_fr: 'Trois ?', text_en: 'Three?', weight: '1', options: 'a | A | A' }),
      row({
        ...q,
        question_id: 'q4',
        type: 'text',
        text_fr: 'Quatre ?',
        text_en: 'Four?',
        weight: '1',
        show_if_question: 'q1',
        show_if_values: 'perhaps',
      }),
      row({ ...q, question_id: 'q1', type: 'text', text_fr: 'Cinq ?', text_en: 'Five?', weight: '1' }),
    ]);
    const real = await upload(admin.client, `${base}/import?format=csv`, fixed);
    expect(real.statusCode).toBe(400);
    expect(real.json().error).toMatchObject({ code: 'invalid_file', field: 'body' });
    expect(real.json().issues.map((i: { line: number; column: string; code: string }) => [i.line, i.column, i.code])).toEqual([
      [3, 'options', 'options_required'],
      [4, 'show_if_values', 'condition_unknown_value'],
      [5, 'question_id', 'duplicate_question_id'],
    ]);
    expect(real.json().issues[0].message).toBe('ligne 3, options\u00a0: Une question à choix demande au moins deux choix.');
    expect((await admin.client.get(`${base}?origin=import`)).json().total).toBe(0);
  });

  it('answers 400 for an empty body, a file that is not a workbook, or an unknown format; 404 for another’s grid', async () => {
    const { admin, base } = await tenant();
    const empty = await upload(admin.client, `${base}/import?format=csv`, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('empty_file');
    const junk = await upload(admin.client, `${base}/import?format=xlsx&dryRun=true`, Buffer.from('hello'));
    expect(junk.json()).toMatchObject({ valid: false, issues: [{ line: null, code: 'unreadable_file' }] });
    const format = await upload(admin.client, `${base}/import?format=ods`, Buffer.from('x'));
    expect(format.json().error.field).toBe('querystring.format');
    const other = await makeGrid(t.dbh.db, (await makeOrg(t.dbh.db)).id);
    expect((await admin.client.get(`${base}/${other.id}/export.csv`)).statusCode).toBe(404);
  });
});
