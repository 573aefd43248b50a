import type { AppDeps, RequestContext } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import { type Table, tableFromCsv, tableFromXlsx, tableToCsv, tableToXlsx } from './grid-sheets.js';
import { type FileIssue, fileIssue, gridColumns, gridToRows, rowsToGrid } from './grid-table.js';
import { type GridDto, gridTitleSchema } from './grids-schema.js';
import { definitionOf, GridService, presentGrid } from './grids-service.js';

export type SheetFormat = 'xlsx' | 'csv';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface ImportReport {
  dryRun: boolean;
  valid: boolean;
  issues: Array<{ line: number | null; column: string | null; code: string; message: string }>;
  sectionCount: number;
  questionCount: number;
  grid?: GridDto;
}

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A file name any system accepts: the title's letters and digits, accents dropped. */
const slug = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'grille';

const widths = { text_fr: 60, text_en: 60, options: 40, help_fr: 30, help_en: 30, section_title_fr: 24, section_title_en: 24 };

/** Export to and import from a spreadsheet, one line per question (grid-table.ts). */
export class GridFiles {
  private readonly grids: GridService;
  constructor(private readonly deps: AppDeps) {
    this.grids = new GridService(deps);
  }

  async export(organizationId: string, id: string, format: SheetFormat): Promise<ExportedFile> {
    const row = await this.grids.load(this.deps.db, organizationId, id);
    const rows = gridToRows({ fr: row.title_fr, en: row.title_en }, definitionOf(row));
    const body = format === 'csv' ? tableToCsv(gridColumns, rows) : await tableToXlsx('grille', gridColumns, rows, widths);
    return { fileName: `${slug(row.title_fr)}-v${row.version}.${format}`, contentType: contentTypes[format], body };
  }

  /** Checks the whole file; creates the grid (origin `import`) only when nothing is wrong and it is not a dry run. */
  async import(
    ctx: RequestContext,
    organizationId: string,
    bytes: Uint8Array,
    format: SheetFormat,
    dryRun: boolean,
  ): Promise<ImportReport> {
    const read = format === 'csv' ? tableFromCsv(bytes) : await tableFromXlsx(bytes);
    const { issues, title, definition } = parseTable(read.table, read.issues);
    const counts = {
      sectionCount: definition?.sections.length ?? 0,
      questionCount: definition?.sections.reduce((n, s) => n + s.questions.length, 0) ?? 0,
    };
    const report = (extra: Partial<ImportReport> = {}): ImportReport => ({
      dryRun,
      valid: issues.length === 0,
      issues: issues.map((i) => ({ line: i.line, column: i.column, code: i.code, message: localized(i, ctx.locale) })),
      ...counts,
      ...extra,
    });
    if (issues.length > 0 || dryRun || !title || !definition) return report();
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.grids.insert(trx, ctx, organizationId, { title, definition }, { origin: 'import' }));
    return report({ grid: presentGrid(await this.grids.load(this.deps.db, organizationId, id), ctx.locale) });
  }
}

const localized = (i: FileIssue, locale: Locale): string => {
  const where = [i.line === null ? null : locale === 'en' ? `line ${i.line}` : `ligne ${i.line}`, i.column].filter(Boolean).join(', ');
  const text = locale === 'en' ? i.message.en : i.message.fr;
  if (!where) return text;
  return locale === 'en' ? `${where}: ${text}` : `${where}\u00a0: ${text}`;
};

function parseTable(table: Table, readIssues: FileIssue[]) {
  if (readIssues.some((i) => i.line === null)) return { issues: readIssues, title: null, definition: null };
  const parsed = rowsToGrid(table.headers, table.rows);
  const issues = [...readIssues, ...parsed.issues];
  let title = parsed.title;
  if (title && !issues.some((i) => i.code === 'missing_title')) {
    const checked = gridTitleSchema.safeParse(title);
    if (!checked.success) {
      const lang = checked.error.issues[0]?.path[0] === 'en' ? 'en' : 'fr';
      issues.push(
        fileIssue(
          table.rows[0]?.line ?? 2,
          `grid_title_${lang}`,
          'invalid_title',
          'Titre trop long (200 caractères au plus, une ligne).',
          'Title too long (200 characters at most, one line).',
        ),
      );
      title = null;
    } else title = checked.data;
  }
  return { issues, title, definition: parsed.definition };
}
