import type { ImportRowError } from '../types.js';

const cell = (v: string | number): string => {
  const s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The row errors as a CSV the admin can open in a spreadsheet next to the HR file: semicolons and
 * a UTF-8 BOM, which is what French Excel expects.
 */
export function errorsCsv(
  errors: readonly ImportRowError[],
  header: [string, string, string],
  fieldLabel: (field: string) => string,
): Blob {
  const lines = [header.map(cell).join(';'), ...errors.map((e) => [e.line, fieldLabel(e.field), e.reason].map(cell).join(';'))];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
