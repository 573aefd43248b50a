import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { type AnswersImportReport, formatOf, issuePlace, outcomeOf, sortedIssues, spreadsheetApi } from './spreadsheet-logic.js';

const words = {
  line: (n: number) => `Ligne ${n}`,
  wholeFile: 'Fichier entier',
  column: (c: string) => `colonne ${c}`,
  question: (id: string) => `question ${id}`,
};

const report = (over: Partial<AnswersImportReport>): AnswersImportReport => ({
  dryRun: true,
  valid: true,
  saved: 0,
  unchanged: 0,
  issues: [],
  ...over,
});

describe('answers spreadsheet logic', () => {
  it('says where an issue is: line, column and question when known, else the whole file', () => {
    expect(issuePlace({ line: 3, column: 'answer', questionId: 'q1', code: 'invalid_yes_no', message: '…' }, words)).toBe(
      'Ligne 3, colonne answer, question q1',
    );
    expect(issuePlace({ line: 5, column: 'question_id', code: 'unknown_question', message: '…' }, words)).toBe(
      'Ligne 5, colonne question_id',
    );
    expect(issuePlace({ line: null, column: null, code: 'unreadable_file', message: '…' }, words)).toBe('Fichier entier');
  });

  it('lists issues from the top of the file down, whole-file issues first', () => {
    const issues = [
      { line: 7, column: 'answer', code: 'a', message: '' },
      { line: null, column: null, code: 'b', message: '' },
      { line: 2, column: 'answer', code: 'c', message: '' },
    ];
    expect(sortedIssues(issues).map((i) => i.code)).toEqual(['b', 'c', 'a']);
    expect(issues.map((i) => i.code)).toEqual(['a', 'b', 'c']);
  });

  it('turns a dry run into the next step', () => {
    expect(outcomeOf(report({ valid: false, issues: [{ line: 2, column: 'answer', code: 'x', message: '' }] }))).toEqual({
      kind: 'issues',
      count: 1,
    });
    expect(outcomeOf(report({ unchanged: 4 }))).toEqual({ kind: 'nothing' });
    expect(outcomeOf(report({ saved: 3, unchanged: 2 }))).toEqual({ kind: 'ready', saved: 3, unchanged: 2 });
  });

  it('picks the format from the file name and builds encoded paths', () => {
    expect(formatOf('Réponses.CSV')).toBe('csv');
    expect(formatOf('reponses.xlsx')).toBe('xlsx');
    expect(formatOf('sans-extension')).toBe('xlsx');
    expect(spreadsheetApi.portalImport('a/b', 'csv', true)).toBe('/api/portal/audits/a%2Fb/answers/import?format=csv&dryRun=true');
    expect(spreadsheetApi.orgFile('o1', 'a1', 'xlsx')).toBe('/api/orgs/o1/suppliers/audits/a1/answers.xlsx');
    expect(spreadsheetApi.portalFile('a1', 'csv')).toBe('/api/portal/audits/a1/answers.csv');
  });

  it('has the same texts in French and English', () => {
    expect(Object.keys(en.spreadsheet).sort()).toEqual(Object.keys(fr.spreadsheet).sort());
    for (const v of Object.values(fr.spreadsheet)) expect(String(v).trim().length).toBeGreaterThan(0);
  });
});
