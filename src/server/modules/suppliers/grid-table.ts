import type { Message } from '../../platform/errors.js';
import { gridIssues } from './grid-check.js';
import { answerTypes, type GridDefinition, type GridQuestion, gridDefinitionSchema } from './grid-definition.js';

/**
 * A grid as a table, one line per question, for those who still edit grids in a spreadsheet: the
 * same columns in CSV and XLSX, so a file exported from one imports back into the other. Pure:
 * the codecs (grid-sheets.ts) turn files into rows; this turns rows into a grid, or into issues
 * naming the line and the column.
 */
export const gridColumns = [
  'grid_title_fr',
  'grid_title_en',
  'section_id',
  'section_title_fr',
  'section_title_en',
  'question_id',
  'reference',
  'type',
  'text_fr',
  'text_en',
  'help_fr',
  'help_en',
  'weight',
  'evidence',
  'options',
  'show_if_question',
  'show_if_values',
] as const;
export type GridColumn = (typeof gridColumns)[number];

export interface TableRow {
  /** Line in the file (the header is line 1). */
  line: number;
  cells: Partial<Record<string, string>>;
}

export interface FileIssue {
  line: number | null;
  column: string | null;
  code: string;
  message: Message;
}

export const fileIssue = (line: number | null, column: string | null, code: string, fr: string, en: string): FileIssue => ({
  line,
  column,
  code,
  message: { fr, en },
});

/** One option per line of the cell: `id | label fr | label en | score` (score optional). */
const optionsCell = (q: GridQuestion): string =>
  (q.options ?? []).map((o) => [o.id, o.label.fr, o.label.en, ...(o.score === undefined ? [] : [String(o.score)])].join(' | ')).join('\n');

export function gridToRows(title: { fr: string; en: string }, grid: GridDefinition): string[][] {
  const rows: string[][] = [];
  for (const s of grid.sections)
    for (const q of s.questions) {
      const first = rows.length === 0;
      const cells: Record<GridColumn, string> = {
        grid_title_fr: first ? title.fr : '',
        grid_title_en: first ? title.en : '',
        section_id: s.id,
        section_title_fr: s.title.fr,
        section_title_en: s.title.en,
        question_id: q.id,
        reference: q.reference ?? '',
        type: q.type,
        text_fr: q.text.fr,
        text_en: q.text.en,
        help_fr: q.help?.fr ?? '',
        help_en: q.help?.en ?? '',
        weight: String(q.weight),
        evidence: q.evidence,
        options: optionsCell(q),
        show_if_question: q.showIf?.questionId ?? '',
        show_if_values: q.showIf?.anyOf.join(' | ') ?? '',
      };
      rows.push(gridColumns.map((c) => cells[c]));
    }
  return rows;
}

export interface ParsedGrid {
  title: { fr: string; en: string } | null;
  definition: GridDefinition | null;
  issues: FileIssue[];
}

const splitList = (v: string): string[] =>
  v
    .split(/[|\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads one question's cells; what cannot be read is an issue, the rest is left to the schema. */
function readQuestion(row: TableRow, issues: FileIssue[]): Record<string, unknown> {
  const cell = (c: GridColumn) => (row.cells[c] ?? '').trim();
  const q: Record<string, unknown> = { id: cell('question_id'), type: cell('type'), text: { fr: cell('text_fr'), en: cell('text_en') } };
  if (cell('reference')) q.reference = cell('reference');
  if (cell('help_fr') || cell('help_en')) q.help = { fr: cell('help_fr'), en: cell('help_en') };
  if (!(answerTypes as readonly string[]).includes(cell('type')))
    issues.push(
      fileIssue(
        row.line,
        'type',
        'invalid_type',
        `Type inconnu « ${cell('type')} » (possibles : ${answerTypes.join(', ')}).`,
        `Unknown type "${cell('type')}" (possible: ${answerTypes.join(', ')}).`,
      ),
    );
  const weight = cell('weight');
  if (/^[0-5]$/.test(weight)) q.weight = Number(weight);
  else
    issues.push(
      fileIssue(
        row.line,
        'weight',
        'invalid_weight',
        'Poids attendu : un entier de 0 à 5.',
        'Weight expected: a whole number from 0 to 5.',
      ),
    );
  q.evidence = cell('evidence') || 'none';
  if (cell('options'))
    q.options = cell('options')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [id = '', fr = '', en = '', score] = l.split('|').map((p) => p.trim());
        const option: Record<string, unknown> = { id, label: { fr, en } };
        if (score !== undefined && score !== '') option.score = Number(score.replace(',', '.'));
        return option;
      });
  if (cell('show_if_question')) q.showIf = { questionId: cell('show_if_question'), anyOf: splitList(cell('show_if_values')) };
  return q;
}

/** Which column of the file a field path of the definition comes from. */
function columnOf(rest: string[]): GridColumn {
  const [head, sub] = rest;
  switch (head) {
    case 'id':
      return 'question_id';
    case 'text':
      return sub === 'en' ? 'text_en' : 'text_fr';
    case 'help':
      return sub === 'en' ? 'help_en' : 'help_fr';
    case 'showIf':
      return sub === 'anyOf' ? 'show_if_values' : 'show_if_question';
    case 'reference':
    case 'type':
    case 'weight':
    case 'evidence':
    case 'options':
      return head;
    default:
      return 'question_id';
  }
}

/** Rows (in file order) into a grid; every issue names a line and a column. */
export function rowsToGrid(headers: string[], rows: TableRow[]): ParsedGrid {
  const issues: FileIssue[] = [];
  for (const c of ['section_id', 'question_id', 'type', 'text_fr', 'text_en', 'weight'] as const)
    if (!headers.includes(c)) issues.push(fileIssue(1, c, 'missing_column', `Colonne « ${c} » absente.`, `Column "${c}" is missing.`));
  const filled = rows.filter((r) => Object.values(r.cells).some((v) => (v ?? '').trim() !== ''));
  if (filled.length === 0) issues.push(fileIssue(null, null, 'empty_file', 'Aucune question dans le fichier.', 'No question in the file.'));
  if (issues.length > 0) return { title: null, definition: null, issues };

  const first = filled[0]!;
  const title = { fr: (first.cells.grid_title_fr ?? '').trim(), en: (first.cells.grid_title_en ?? '').trim() };
  for (const lang of ['fr', 'en'] as const)
    if (!title[lang])
      issues.push(
        fileIssue(
          first.line,
          `grid_title_${lang}`,
          'missing_title',
          'Titre de la grille manquant (première ligne).',
          'Grid title missing (first line).',
        ),
      );

  const sections: Array<{ id: string; title: { fr: string; en: string }; questions: Record<string, unknown>[]; lines: number[] }> = [];
  const closed = new Set<string>();
  for (const row of filled) {
    const sectionId = (row.cells.section_id ?? '').trim();
    let section = sections.at(-1);
    if (!section || section.id !== sectionId) {
      if (section) closed.add(section.id);
      if (closed.has(sectionId))
        issues.push(
          fileIssue(
            row.line,
            'section_id',
            'section_split',
            `Les lignes de la rubrique « ${sectionId} » doivent se suivre.`,
            `The lines of section "${sectionId}" must follow each other.`,
          ),
        );
      section = {
        id: sectionId,
        title: { fr: (row.cells.section_title_fr ?? '').trim(), en: (row.cells.section_title_en ?? '').trim() },
        questions: [],
        lines: [],
      };
      sections.push(section);
    }
    section.questions.push(readQuestion(row, issues));
    section.lines.push(row.line);
  }
  const raw = { sections: sections.map(({ id, title: t, questions }) => ({ id, title: t, questions })) };
  const located = (path: PropertyKey[]): { line: number; column: string } => {
    const s = sections[Number(path[1])] ?? sections[0]!;
    if (path[2] !== 'questions')
      return { line: s.lines[0]!, column: path[2] === 'title' ? `section_title_${path[3] === 'en' ? 'en' : 'fr'}` : 'section_id' };
    return { line: s.lines[Number(path[3])] ?? s.lines[0]!, column: columnOf(path.slice(4).map(String)) };
  };
  const parsed = gridDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const at = located(i.path);
      if (issues.some((x) => x.line === at.line && x.column === at.column)) continue;
      issues.push(fileIssue(at.line, at.column, 'invalid_value', `Valeur invalide : ${i.message}.`, `Invalid value: ${i.message}.`));
    }
    return { title, definition: null, issues };
  }
  for (const i of gridIssues(parsed.data, 'definition')) {
    const at = located(i.field.split('.').slice(1));
    issues.push({ ...at, code: i.code, message: i.message });
  }
  return { title, definition: issues.length === 0 ? parsed.data : null, issues };
}
