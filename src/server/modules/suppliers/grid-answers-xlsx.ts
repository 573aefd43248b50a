import { answerColumns, answersToRows, type GivenAnswer, type ReadAnswer, rowsToAnswers } from './grid-answers.js';
import type { GridDefinition } from './grid-definition.js';
import { tableFromCsv, tableFromXlsx, tableToCsv, tableToXlsx } from './grid-sheets.js';
import type { FileIssue } from './grid-table.js';

/**
 * "Answer in a spreadsheet" for the audits part: the grid with the answers so far as an XLSX or
 * CSV file, and the answers read back from it. Pure (no database): the caller stores the answers
 * and shows the issues, each with its line and column. A file that is not a workbook is one issue.
 */
export interface AnswersFromFile {
  answers: ReadAnswer[];
  issues: FileIssue[];
}

const widths = { question_fr: 60, question_en: 50, expected: 36, answer: 30, comment: 40, section: 24 };

export function answersToXlsx(grid: GridDefinition, answers: readonly GivenAnswer[] = []): Promise<Buffer> {
  return tableToXlsx('reponses', answerColumns, answersToRows(grid, answers), widths);
}

export async function answersFromXlsx(grid: GridDefinition, buffer: Uint8Array): Promise<AnswersFromFile> {
  const read = await tableFromXlsx(buffer);
  if (read.issues.length > 0) return { answers: [], issues: read.issues };
  return rowsToAnswers(grid, read.table.headers, read.table.rows);
}

export function answersToCsv(grid: GridDefinition, answers: readonly GivenAnswer[] = []): Buffer {
  return tableToCsv(
    answerColumns,
    answersToRows(grid, answers).map((r) => r.map(String)),
  );
}

export function answersFromCsv(grid: GridDefinition, buffer: Uint8Array): AnswersFromFile {
  const read = tableFromCsv(buffer);
  const parsed = rowsToAnswers(grid, read.table.headers, read.table.rows);
  return { answers: parsed.answers, issues: [...read.issues, ...parsed.issues] };
}
