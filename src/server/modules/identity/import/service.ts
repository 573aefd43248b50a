/**
 * Staff directory import: upload a file, map its columns, preview (dry run), apply. The same
 * use cases serve the HTTP API and `rempart import-people`.
 */
import type { Kysely } from 'kysely';
import { fromJson, toJson } from '../../../db/dialect.js';
import type { DbHandle } from '../../../db/index.js';
import type { Database } from '../../../db/schema.js';
import type { AuditLog } from '../../../platform/audit-log/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import { auditActor, type RequestContext } from '../../../platform/context.js';
import { Invalid, NotFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { type DecodedFile, type Delimiter, decodeBytes, detectDelimiter, type ParsedCsv, parseCsv } from './csv.js';
import { type ImportField, importFields, type Mapping, requiredFields, suggestMapping } from './fields.js';
import { rowReason } from './messages.js';
import { buildPlan, type ImportPlan } from './plan.js';
import * as repo from './repo.js';
import type { ImportItem, StoredSummary, Summary, UploadResponse } from './schema.js';
import type { ImportMode } from './tables.js';

export interface ImportDeps {
  dbh: DbHandle;
  audit: AuditLog;
  clock: Clock;
}

/** A file read and parsed, before or without storing it. */
export interface AnalysedFile {
  encoding: DecodedFile['encoding'];
  delimiter: Delimiter;
  text: string;
  parsed: ParsedCsv;
  suggestedMapping: Mapping;
}

/** How long each step of an apply took (milliseconds), for the benchmark and the logs. */
export interface Phases {
  parseMs: number;
  planMs: number;
  writeMs: number;
  totalMs: number;
}

export interface ApplyResult {
  summary: Summary;
  phases: Phases;
}

const MAX_LISTED_ERRORS = 1000;
const SAMPLE_ROWS = 5;

export class DirectoryImportService {
  constructor(private readonly deps: ImportDeps) {}

  private get db(): Kysely<Database> {
    return this.deps.dbh.db;
  }

  /** Decodes, detects the delimiter and parses; refuses what is not a CSV text (400). */
  analyse(bytes: Uint8Array): AnalysedFile {
    if (bytes.length === 0) throw new Invalid('empty_file', { fr: 'Le fichier est vide.', en: 'The file is empty.' }, 'file');
    const decoded = decodeBytes(bytes);
    // PostgreSQL text cannot hold NUL, and no CSV export contains it: a binary file (xlsx, pdf).
    if (decoded.text.includes('\u0000')) {
      throw new Invalid(
        'not_csv',
        {
          fr: "Ce fichier n'est pas un CSV texte (un classeur Excel ? enregistrez-le au format CSV).",
          en: 'This file is not a CSV text file (an Excel workbook? save it as CSV).',
        },
        'file',
      );
    }
    const delimiter = detectDelimiter(decoded.text.replace(/^\uFEFF/, ''));
    const parsed = parseCsv(decoded.text, delimiter);
    if (parsed.headers.length === 0) {
      throw new Invalid('empty_file', { fr: "Le fichier n'a pas de ligne d'en-tête.", en: 'The file has no header line.' }, 'file');
    }
    return { encoding: decoded.encoding, delimiter, text: decoded.text, parsed, suggestedMapping: suggestMapping(parsed.headers) };
  }

  /** Stores an uploaded file and answers what the mapping step needs. */
  async upload(organizationId: string, ctx: RequestContext, file: { filename: string; bytes: Uint8Array }): Promise<UploadResponse> {
    const a = this.analyse(file.bytes);
    const id = newId();
    const filename = cleanFilename(file.filename);
    // One audit entry for the upload: the file itself holds personal data and stays in
    // people_imports, so the entry records what was received, not its content.
    await this.db.transaction().execute(async (trx) => {
      await repo.insertImport(trx, {
        id,
        organization_id: organizationId,
        filename,
        size: file.bytes.length,
        encoding: a.encoding,
        delimiter: a.delimiter,
        content: a.text,
        headers: toJson(a.parsed.headers),
        row_count: a.parsed.records.length,
        status: 'uploaded',
        mode: null,
        mapping: null,
        summary: null,
        created_by: ctx.actor?.accountId ?? null,
        created_at: this.deps.clock.now().toISOString(),
        applied_at: null,
      });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'import.uploaded',
        entityType: 'people_import',
        entityId: id,
        organizationId,
        after: { filename, size: file.bytes.length, encoding: a.encoding, delimiter: a.delimiter, rowCount: a.parsed.records.length },
      });
    });
    return {
      id,
      filename,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headers: a.parsed.headers,
      suggestedMapping: a.suggestedMapping,
      rowCount: a.parsed.records.length,
      sample: a.parsed.records.slice(0, SAMPLE_ROWS).map((r) => Object.fromEntries(a.parsed.headers.map((h, i) => [h, r.cells[i] ?? '']))),
    };
  }

  /** What applying would do, without writing anything. */
  async dryRun(
    organizationId: string,
    importId: string,
    body: { mapping: Record<string, string | null | undefined>; mode: ImportMode },
    ctx: RequestContext,
  ) {
    const stored = await this.load(organizationId, importId);
    const parsed = parseCsv(stored.content, stored.delimiter as Delimiter);
    const mapping = validateMapping(body.mapping, parsed.headers);
    const existing = await repo.loadPeople(this.db, organizationId);
    const plan = buildPlan({ parsed, mapping, mode: body.mode, existing, now: this.deps.clock.now().toISOString(), newId });
    return present(plan, ctx);
  }

  /** Applies a stored upload: one transaction, wrong rows skipped and reported. */
  async apply(
    organizationId: string,
    importId: string,
    body: { mapping: Record<string, string | null | undefined>; mode: ImportMode },
    ctx: RequestContext,
  ): Promise<ApplyResult> {
    const started = performance.now();
    const stored = await this.load(organizationId, importId);
    const parsed = parseCsv(stored.content, stored.delimiter as Delimiter);
    const parseMs = performance.now() - started;
    const mapping = validateMapping(body.mapping, parsed.headers);
    const result = await this.applyParsed(organizationId, importId, parsed, mapping, body.mode, ctx);
    result.phases.parseMs = parseMs;
    result.phases.totalMs = performance.now() - started;
    return result;
  }

  /**
   * The apply itself, on an already parsed file (the CLI calls it directly). Everything happens
   * in one transaction: the existing people of the organization are loaded into a map by email,
   * the plan is computed, the rows are written in bulk, and the import and its audit entry are
   * recorded, so a crash leaves the directory as it was.
   */
  async applyParsed(
    organizationId: string,
    importId: string,
    parsed: ParsedCsv,
    mapping: Mapping,
    mode: ImportMode,
    ctx: RequestContext,
  ): Promise<ApplyResult> {
    const started = performance.now();
    const phases: Phases = { parseMs: 0, planMs: 0, writeMs: 0, totalMs: 0 };
    const summary = await this.db.transaction().execute(async (trx) => {
      const now = this.deps.clock.now().toISOString();
      const existing = await repo.loadPeople(trx, organizationId);
      const plan = buildPlan({ parsed, mapping, mode, existing, now, newId });
      const planned = performance.now();
      phases.planMs = planned - started;
      await repo.writePeople(this.deps.dbh, trx, organizationId, plan, now);
      phases.writeMs = performance.now() - planned;
      const stored: StoredSummary = {
        rowCount: parsed.records.length,
        toCreate: plan.creates.length,
        toUpdate: plan.updates.length,
        unchanged: plan.unchanged,
        toDeactivate: plan.deactivations.length,
        errorCount: plan.errors.length,
      };
      await repo.markApplied(trx, organizationId, importId, { mode, mapping: toJson(mapping), summary: toJson(stored), applied_at: now });
      // One audit entry for the whole apply with its counts, not one per person: a 100,000-row
      // import would otherwise add 100,000 hash-chained entries (each reading the previous
      // hash) and drown the log; the import row keeps the file, so every change can be traced.
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'import.applied',
        entityType: 'people_import',
        entityId: importId,
        organizationId,
        after: { mode, ...stored },
      });
      return present(plan, ctx);
    });
    phases.totalMs = performance.now() - started;
    return { summary, phases };
  }

  /** The plan of an already parsed file (the CLI's dry run, which stores nothing). */
  async planParsed(organizationId: string, parsed: ParsedCsv, mapping: Mapping, mode: ImportMode, ctx: RequestContext): Promise<Summary> {
    const existing = await repo.loadPeople(this.db, organizationId);
    return present(buildPlan({ parsed, mapping, mode, existing, now: this.deps.clock.now().toISOString(), newId }), ctx);
  }

  async list(
    organizationId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: ImportItem[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.listImports(this.db, organizationId, page, pageSize);
    return {
      items: rows.map((r) => ({
        id: r.id,
        filename: r.filename,
        size: Number(r.size),
        encoding: r.encoding,
        delimiter: r.delimiter,
        rowCount: Number(r.row_count),
        status: r.status,
        mode: r.mode,
        mapping: fromJson<Mapping | null>(r.mapping, null),
        summary: fromJson<StoredSummary | null>(r.summary, null),
        createdBy: r.created_by_email,
        createdAt: r.created_at,
        appliedAt: r.applied_at,
      })),
      total,
      page,
      pageSize,
    };
  }

  private async load(organizationId: string, importId: string) {
    const stored = await repo.findImport(this.db, organizationId, importId);
    if (!stored) throw new NotFound('import');
    return stored;
  }
}

/**
 * Checks a mapping against our fields and the file's headers: an unknown target or a header
 * that is not in the file is a 400 naming `mapping.<field>`; email and last name are required.
 */
export function validateMapping(raw: Record<string, string | null | undefined>, headers: string[]): Mapping {
  const mapping: Mapping = {};
  const known = new Set<string>(importFields);
  for (const [field, header] of Object.entries(raw)) {
    if (!known.has(field)) {
      throw new Invalid(
        'unknown_field',
        {
          fr: `Champ inconnu « ${field} » (attendus : ${importFields.join(', ')}).`,
          en: `Unknown field "${field}" (expected: ${importFields.join(', ')}).`,
        },
        `mapping.${field}`,
      );
    }
    if (header === null || header === undefined || header === '') continue;
    if (!headers.includes(header)) {
      throw new Invalid(
        'unknown_header',
        { fr: `La colonne « ${header} » n'existe pas dans le fichier.`, en: `Column "${header}" is not in the file.` },
        `mapping.${field}`,
      );
    }
    mapping[field as ImportField] = header;
  }
  for (const field of requiredFields) {
    if (mapping[field] === undefined) {
      throw new Invalid(
        'mapping_required',
        { fr: `Choisissez la colonne du champ obligatoire « ${field} ».`, en: `Choose the column of the required field "${field}".` },
        `mapping.${field}`,
      );
    }
  }
  return mapping;
}

function present(plan: ImportPlan, ctx: RequestContext): Summary {
  return {
    toCreate: plan.creates.length,
    toUpdate: plan.updates.length,
    unchanged: plan.unchanged,
    toDeactivate: plan.deactivations.length,
    errors: plan.errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({
      line: e.line,
      field: e.field,
      code: e.code,
      reason: rowReason(e.code, e.detail, ctx.locale),
    })),
    errorCount: plan.errors.length,
  };
}

function cleanFilename(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip.
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'import.csv';
}
