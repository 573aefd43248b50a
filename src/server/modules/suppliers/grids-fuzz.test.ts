import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { sampleDefinition } from '../../../../test/support/suppliers-grids-factory.js';
import { orgAdmin, type Signed } from '../identity/test-kit.js';
import { answersFromCsv } from './grid-answers-xlsx.js';
import { tableToCsv } from './grid-sheets.js';
import { gridColumns } from './grid-table.js';

// Bad input anywhere in the grid API gets a 4xx (or a report), never a 500.
describe('supplier grids: arbitrary input', () => {
  let t: TestApp;
  let admin: Signed;
  let base: string;
  beforeAll(async () => {
    t = await makeTestApp();
    const org = await makeOrg(t.dbh.db);
    admin = await orgAdmin(t, org.id);
    base = `/api/orgs/${org.id}/suppliers/grids`;
  });
  afterAll(async () => t.close());

  const expectHandled = (status: number, body: string, ok: number[]) => {
    expect(status, body).not.toBe(500);
    if (!ok.includes(status)) {
      expect(status, body).toBeGreaterThanOrEqual(400);
      expect(status, body).toBeLessThan(500);
      expect(JSON.parse(body).error.message.length).toBeGreaterThan(0);
    }
  };

  const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('yes', 'no', 'a1', 'certified', 'single', 'multiple', '\u0000'));
  const question = fc.record(
    {
      id: word,
      text: fc.record({ fr: word, en: word }),
      type: fc.oneof(word, fc.constantFrom('yes_no', 'single', 'multiple', 'text')),
      weight: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.string()),
      evidence: fc.constantFrom('none', 'optional', 'required', 'maybe'),
      options: fc.array(fc.record({ id: word, label: fc.record({ fr: word, en: word }) }), { maxLength: 3 }),
      showIf: fc.record({ questionId: word, anyOf: fc.array(word, { maxLength: 2 }) }),
    },
    { requiredKeys: ['id', 'text', 'type', 'weight', 'evidence'] },
  );
  const definition = fc.oneof(
    fc.jsonValue(),
    fc.record({
      sections: fc.array(
        fc.record({ id: word, title: fc.record({ fr: word, en: word }), questions: fc.array(question, { maxLength: 4 }) }),
        { maxLength: 3 },
      ),
    }),
  );

  it('create: any definition is stored or refused with a field', async () => {
    await fc.assert(
      fc.asyncProperty(definition, word, async (def, title) => {
        const res = await admin.client.post(base, { title: { fr: title, en: 'Grid' }, definition: def });
        expectHandled(res.statusCode, res.body, [201]);
        if (res.statusCode === 400) expect(JSON.parse(res.body).error.field).toMatch(/^body/);
      }),
      { numRuns: 80 },
    );
  });

  it('import: any CSV cells or bytes are reported, never a 500', async () => {
    const cells = fc.array(
      fc.array(fc.oneof(word, fc.constantFrom('3', 'yes_no', 'a | A | A\nb | B | B', '=1+1', '"', ';')), { minLength: 17, maxLength: 17 }),
      {
        maxLength: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(cells, fc.uint8Array({ maxLength: 64 }), fc.constantFrom('csv', 'xlsx'), async (rows, bytes, format) => {
        for (const body of [tableToCsv(gridColumns, rows), Buffer.from(bytes)]) {
          const res = await admin.client.request({
            method: 'POST',
            url: `${base}/import?format=${format}&dryRun=true`,
            payload: body,
            headers: { 'content-type': 'application/octet-stream' },
          });
          expectHandled(res.statusCode, res.body, [200]);
        }
      }),
      { numRuns: 40 },
    );
    expect((await admin.client.get(`${base}?origin=import`)).json().total).toBe(0);
  });

  it('answers from any CSV are read or reported, never thrown', () => {
    const grid = sampleDefinition();
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 64 }), (text, bytes) => {
        for (const file of [Buffer.from(`question_id;answer;comment\r\n${text}`), Buffer.from(bytes)]) {
          const read = answersFromCsv(grid, file);
          for (const i of read.issues) expect(i.message.fr.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
