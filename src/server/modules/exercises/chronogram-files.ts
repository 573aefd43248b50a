import type { AppDeps, RequestContext } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import { tableFromCsv, tableFromXlsx, tableToCsv, tableToXlsx } from '../suppliers/grid-sheets.js';
import type { FileIssue } from '../suppliers/grid-table.js';
import type { ChronogramService } from './chronogram-service.js';
import { chronogramRows, type ExerciseScope, exerciseIn, frozenScenario, presentStimulus, stimulusOf } from './exercises-repo.js';
import { assertDraft } from './exercises-rules.js';
import type { ImportReport } from './exercises-schema.js';
import { chronogramToRows, rowsToChronogram } from './scenario-chronogram.js';
import { chronogramColumns } from './scenario-format.js';

export type SheetFormat = 'xlsx' | 'csv';

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const slug = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'chronogramme';

const widths = { objet: 30, contenu: 60, contenu_en: 60, reaction_attendue: 40, reaction_attendue_en: 40, destinataire: 30 };

const localized = (i: FileIssue, locale: Locale): string => {
  const where = [i.line === null ? null : locale === 'en' ? `line ${i.line}` : `ligne ${i.line}`, i.column].filter(Boolean).join(', ');
  const text = locale === 'en' ? i.message.en : i.message.fr;
  if (!where) return text;
  return locale === 'en' ? `${where}: ${text}` : `${where}\u00a0: ${text}`;
};

/** The chronogram as a spreadsheet, the way teams already write it (scenario-chronogram.ts). */
export class ChronogramFiles {
  constructor(
    private readonly deps: AppDeps,
    private readonly chronogram: ChronogramService,
  ) {}

  async export(scope: ExerciseScope, exerciseId: string, format: SheetFormat) {
    const row = await exerciseIn(this.deps.db, scope, exerciseId);
    const scenario = frozenScenario(row);
    const stimuli = (await chronogramRows(this.deps.db, row.id)).map(stimulusOf);
    const rows = chronogramToRows(stimuli, { cells: scenario.cells, personas: scenario.personas });
    const body =
      format === 'csv' ? tableToCsv(chronogramColumns, rows) : await tableToXlsx('chronogramme', chronogramColumns, rows, widths);
    return { fileName: `${slug(row.title)}-chronogramme.${format}`, contentType: contentTypes[format], body };
  }

  /** Checks the whole file; replaces the chronogram only when nothing is wrong and it is not a dry run. */
  async import(
    ctx: RequestContext,
    scope: ExerciseScope,
    exerciseId: string,
    bytes: Uint8Array,
    format: SheetFormat,
    dryRun: boolean,
  ): Promise<ImportReport> {
    const row = await exerciseIn(this.deps.db, scope, exerciseId);
    assertDraft(row);
    const scenario = frozenScenario(row);
    const read = format === 'csv' ? tableFromCsv(bytes) : await tableFromXlsx(bytes);
    const fatal = read.issues.some((i) => i.line === null);
    const parsed = fatal
      ? { stimuli: null, issues: [] }
      : rowsToChronogram(read.table.headers, read.table.rows, { cells: scenario.cells, personas: scenario.personas });
    const issues = [...read.issues, ...parsed.issues];
    const report = (extra: Partial<ImportReport> = {}): ImportReport => ({
      dryRun,
      valid: issues.length === 0 && parsed.stimuli !== null,
      issues: issues.map((i) => ({ line: i.line, column: i.column, code: i.code, message: localized(i, ctx.locale) })),
      stimulusCount: parsed.stimuli?.length ?? 0,
      ...extra,
    });
    const stimuli = parsed.stimuli;
    if (issues.length > 0 || dryRun || !stimuli) return report();
    await this.deps.db.transaction().execute(async (trx) => {
      // Read again inside the transaction: the exercise may have started meanwhile.
      await this.chronogram.replace(trx, ctx, await exerciseIn(trx, scope, exerciseId), stimuli);
    });
    return report({ chronogram: (await chronogramRows(this.deps.db, row.id)).map(presentStimulus) });
  }
}
