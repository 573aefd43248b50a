import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleDefinition } from '../../../../test/support/suppliers-grids-factory.js';
import { answersFromCsv, answersFromXlsx, answersToCsv, answersToXlsx } from './grid-answers-xlsx.js';

const grid = sampleDefinition();

/** Edits the answer and comment cells of a workbook the way a provider would in a spreadsheet. */
async function fillIn(
  file: Buffer,
  edits: Record<string, { answer?: ExcelJS.CellValue; comment?: string }>,
  extra: Array<[string, string]> = [],
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as string[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const edit = edits[String(row.getCell(col('question_id')).value)];
    if (edit?.answer !== undefined) row.getCell(col('answer')).value = edit.answer;
    if (edit?.comment !== undefined) row.getCell(col('comment')).value = edit.comment;
  });
  for (const [id, answer] of extra) {
    const row = ws.addRow([]);
    row.getCell(col('question_id')).value = id;
    row.getCell(col('answer')).value = answer;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('answers in a spreadsheet', () => {
  it('writes one line per question with what is expected and the answers so far, and reads them back', async () => {
    const given = [
      { questionId: 'certified', value: 'yes', comment: 'Certificat joint' },
      { questionId: 'activities', value: ['a1', 'a6'] },
      { questionId: 'hours', value: 24 },
    ];
    const file = await answersToXlsx(grid, given);
    const back = await answersFromXlsx(grid, file);
    expect(back.issues).toEqual([]);
    expect(back.answers.map(({ questionId, value, comment }) => ({ questionId, value, comment }))).toEqual([
      { questionId: 'certified', value: 'yes', comment: 'Certificat joint' },
      { questionId: 'activities', value: ['a1', 'a6'], comment: '' },
      { questionId: 'hours', value: 24, comment: '' },
    ]);
  });

  it('accepts what people type (oui, labels, a real date cell, a decimal comma) and stores canonical values', async () => {
    const file = await fillIn(await answersToXlsx(grid), {
      certified: { answer: 'Oui' },
      patching: { answer: 'partiel', comment: 'Serveurs faits, postes en cours' },
      location: { answer: 'Hors EEE' },
      activities: { answer: 'Sites | backup' },
      expiry: { answer: new Date(Date.UTC(2027, 5, 30)) },
      hours: { answer: '1,5' },
    });
    const { answers, issues } = await answersFromXlsx(grid, file);
    expect(issues).toEqual([]);
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({
      certified: 'yes',
      activities: ['a1', 'a6'],
      expiry: '2027-06-30',
      patching: 'partial',
      location: 'outside',
      hours: 1.5,
    });
    expect(answers.find((a) => a.questionId === 'patching')!.comment).toBe('Serveurs faits, postes en cours');
  });

  it('reports unknown questions and invalid values by line and column, and keeps the valid answers', async () => {
    const file = await fillIn(
      await answersToXlsx(grid),
      { certified: { answer: 'peut-être' }, expiry: { answer: '31/02/2027' }, location: { answer: 'eea' } },
      [['ghost', 'yes']],
    );
    const { answers, issues } = await answersFromXlsx(grid, file);
    expect(answers.map((a) => a.questionId)).toEqual(['location']);
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 'answer', 'invalid_yes_no'],
      [4, 'answer', 'invalid_date'],
      [9, 'question_id', 'unknown_question'],
    ]);
    expect(issues[0]!.message.fr).toContain('yes');
  });

  it('says so when the file is not a workbook', async () => {
    const { answers, issues } = await answersFromXlsx(grid, Buffer.from('not a zip'));
    expect(answers).toEqual([]);
    expect(issues).toMatchObject([{ line: null, code: 'unreadable_file' }]);
  });

  it('does the same in CSV, including a semicolon file edited in French Excel', async () => {
    const csv = answersToCsv(grid, [{ questionId: 'contact', value: '=cmd|calc, SOC ; astreinte' }]);
    expect(csv.toString('utf8')).toContain("'=cmd|calc");
    const back = answersFromCsv(grid, csv);
    expect(back.issues).toEqual([]);
    expect(back.answers).toMatchObject([{ questionId: 'contact', value: '=cmd|calc, SOC ; astreinte' }]);

    const typed = 'question_id;answer;comment\r\ncertified;non;\r\nhours;douze;\r\nlocation;EEE;vu\r\n';
    const read = answersFromCsv(grid, Buffer.from(typed, 'latin1'));
    expect(read.answers.map((a) => [a.questionId, a.value])).toEqual([
      ['certified', 'no'],
      ['location', 'eea'],
    ]);
    expect(read.issues.map((i) => [i.line, i.column, i.code])).toEqual([[3, 'answer', 'invalid_number']]);
    expect(answersFromCsv(grid, Buffer.from('id;value\r\nx;y\r\n')).issues.map((i) => i.code)).toEqual([
      'missing_column',
      'missing_column',
    ]);
  });
});
