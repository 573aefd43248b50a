import { describe, expect, it } from 'vitest';
import { formatOfFile, mimeOf } from './import-file.js';

describe('chronogram files', () => {
  it('knows the format from the extension, whatever its case', () => {
    expect(formatOfFile('chronogramme.CSV')).toBe('csv');
    expect(formatOfFile('exercice 2026.xlsx')).toBe('xlsx');
    expect(formatOfFile('notes.xls')).toBeNull();
    expect(formatOfFile('csv')).toBeNull();
    expect(mimeOf('csv')).toBe('text/csv');
  });
});
