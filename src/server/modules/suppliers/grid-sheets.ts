import type ExcelJS from 'exceljs';
import { excelJs } from '../../platform/lazy-libs.js';
import { decodeBytes, detectDelimiter, parseCsv } from '../identity/import/csv.js';
import { CSV_BOM, csvLine } from '../identity/people-csv.js';
import { type FileIssue, fileIssue, type TableRow } from './grid-table.js';

/**
 * Files as tables of text cells, the same for CSV and XLSX so one reader serves both formats:
 * the first line holds the column names, each later line is a row keyed by them. CSV is written
 * as the rest of Rempart writes it (UTF-8 with BOM, ";" for French Excel, formula-looking cells
 * prefixed with an apostrophe) and read as exported by any spreadsheet.
 */
export interface Table {
  headers: string[];
  rows: TableRow[];
}

export interface ReadTable {
  table: Table;
  issues: FileIssue[];
}

export function tableToCsv(headers: readonly string[], rows: string[][]): Buffer {
  return Buffer.from(CSV_BOM + [headers, ...rows].map((r) => csvLine([...r])).join(''), 'utf8');
}

/** Undoes the apostrophe our own export puts before a cell a spreadsheet would take for a formula. */
const unguard = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const keyed = (headers: string[], cells: string[]): Partial<Record<string, string>> =>
  Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));

export function tableFromCsv(bytes: Uint8Array): ReadTable {
  const { text } = decodeBytes(bytes);
  const parsed = parseCsv(text, detectDelimiter(text));
  const headers = parsed.headers.map((h) => h.trim());
  const issues = parsed.problems.map((p) =>
    fileIssue(p.line, null, 'malformed_line', `Ligne illisible : ${p.detail}`, `Unreadable line: ${p.detail}`),
  );
  const rows = parsed.records.map((r) => ({ line: r.line, cells: keyed(headers, r.cells.map(unguard)) }));
  return { table: { headers, rows }, issues };
}

/** One sheet, header in bold and frozen, long text wrapped. */
export async function tableToXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: Array<Array<string | number>>,
  widths: Partial<Record<string, number>> = {},
): Promise<Buffer> {
  const wb = new (await excelJs()).Workbook();
  wb.creator = 'Rempart';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, key: h, width: widths[h] ?? Math.max(12, h.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The text a cell shows, whatever exceljs made of it (dates as YYYY-MM-DD, rich text joined). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first sheet of a workbook; a file that is not one is a single issue, never a 500. */
export async function tableFromXlsx(bytes: Uint8Array): Promise<ReadTable> {
  const wb = new (await excelJs()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return {
      table: { headers: [], rows: [] },
      issues: [
        fileIssue(
          null,
          null,
          'unreadable_file',
          'Ce fichier n’est pas un classeur XLSX lisible.',
          'This file is not a readable XLSX workbook.',
        ),
      ],
    };
  }
  const ws = wb.worksheets[0];
  if (!ws)
    return {
      table: { headers: [], rows: [] },
      issues: [fileIssue(null, null, 'empty_file', 'Le classeur ne contient aucune feuille.', 'The workbook has no sheet.')],
    };
  const width = ws.columnCount;
  const textsOf = (rowNumber: number) =>
    Array.from({ length: width }, (_, i) => cellText(ws.getRow(rowNumber).getCell(i + 1).value).trim());
  const headers = textsOf(1);
  const rows: TableRow[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const cells = textsOf(n);
    if (cells.every((c) => c === '')) continue;
    rows.push({ line: n, cells: keyed(headers, cells) });
  }
  return { table: { headers, rows }, issues: [] };
}
