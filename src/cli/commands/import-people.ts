/**
 * `rempart import-people <file> --org <id or exact name> [--full] [--dry-run] [--map ...] [--strict]`
 * Imports a staff directory CSV through the same service as the web import (docs/import.md).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DbHandle } from '../../server/db/index.js';
import { type ImportField, importFields, type Mapping } from '../../server/modules/identity/import/fields.js';
import { findOrganization } from '../../server/modules/identity/import/repo.js';
import type { Summary } from '../../server/modules/identity/import/schema.js';
import { DirectoryImportService, validateMapping } from '../../server/modules/identity/import/service.js';
import type { AuditLog } from '../../server/platform/audit-log/audit-log.js';
import { systemClock } from '../../server/platform/clock.js';
import { type RequestContext, systemContext } from '../../server/platform/context.js';
import { Invalid } from '../../server/platform/errors.js';
import { describeError, withDatabase } from '../runtime.js';

export interface ImportPeopleOptions {
  org: string;
  full?: boolean;
  dryRun?: boolean;
  map?: string;
  strict?: boolean;
  lang?: 'fr' | 'en';
  /** How many row errors to print. */
  showErrors?: number;
}

/** `--map email=Courriel,lastName=Nom` -> { email: 'Courriel', lastName: 'Nom' }. */
export function parseMapOption(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new Invalid(
        'map_syntax',
        { fr: `--map : « ${part} » doit être champ=Colonne.`, en: `--map: "${part}" must be field=Column.` },
        'map',
      );
    }
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Runs the import and prints its summary; answers the process exit code. */
export async function importPeople(
  deps: { dbh: DbHandle; audit: AuditLog; out: (line: string) => void },
  file: string,
  opts: ImportPeopleOptions,
): Promise<number> {
  const { out } = deps;
  const en = opts.lang === 'en';
  const ctx: RequestContext = { ...systemContext('cli'), locale: en ? 'en' : 'fr' };
  const service = new DirectoryImportService({ dbh: deps.dbh, audit: deps.audit, clock: systemClock });
  const org = await findOrganization(deps.dbh.db, opts.org);
  if (!org)
    throw new Invalid('org_not_found', { fr: `Organisation introuvable : ${opts.org}`, en: `Organization not found: ${opts.org}` }, 'org');
  const bytes = readFileSync(file);
  const analysed = service.analyse(bytes);
  const mapping: Mapping = validateMapping(
    { ...analysed.suggestedMapping, ...(opts.map ? parseMapOption(opts.map) : {}) },
    analysed.parsed.headers,
  );
  const mode = opts.full ? 'full' : 'partial';

  out(
    en
      ? `File ${basename(file)}: ${analysed.encoding}, delimiter ${JSON.stringify(analysed.delimiter)}, ${analysed.parsed.records.length} rows -> ${org.name}`
      : `Fichier ${basename(file)} : ${analysed.encoding}, séparateur ${JSON.stringify(analysed.delimiter)}, ${analysed.parsed.records.length} lignes -> ${org.name}`,
  );
  out(
    `${en ? 'Mapping:' : 'Correspondance :'} ${importFields.flatMap((f: ImportField) => (mapping[f] ? [`${f}=${mapping[f]}`] : [])).join(', ')}`,
  );

  let summary: Summary;
  if (opts.dryRun) {
    summary = await service.planParsed(org.id, analysed.parsed, mapping, mode, ctx);
    out(en ? `Dry run (${mode}), nothing written:` : `Simulation (${mode}), rien n'est écrit :`);
  } else {
    const stored = await service.upload(org.id, ctx, { filename: basename(file), bytes });
    const result = await service.applyParsed(org.id, stored.id, analysed.parsed, mapping, mode, ctx);
    summary = result.summary;
    out(
      en
        ? `Applied (${mode}) in ${(result.phases.totalMs / 1000).toFixed(1)} s:`
        : `Import appliqué (${mode}) en ${(result.phases.totalMs / 1000).toFixed(1)} s :`,
    );
  }
  out(
    en
      ? `  created ${summary.toCreate}, updated ${summary.toUpdate}, unchanged ${summary.unchanged}, deactivated ${summary.toDeactivate}, errors ${summary.errorCount}`
      : `  créées ${summary.toCreate}, mises à jour ${summary.toUpdate}, inchangées ${summary.unchanged}, désactivées ${summary.toDeactivate}, erreurs ${summary.errorCount}`,
  );
  const shown = summary.errors.slice(0, opts.showErrors ?? 20);
  for (const e of shown) out(`  ${en ? 'line' : 'ligne'} ${e.line}${e.field ? ` (${e.field})` : ''}${en ? ':' : ' :'} ${e.reason}`);
  if (summary.errorCount > shown.length) out(`  ... ${summary.errorCount - shown.length} ${en ? 'more' : 'de plus'}`);
  return summary.errorCount > 0 && opts.strict ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('import-people')
    .description("Importe l'annuaire du personnel depuis un CSV / Import the staff directory from a CSV file")
    .argument('<file>', 'CSV file (UTF-8 or Windows-1252, comma, semicolon or tab)')
    .requiredOption('--org <org>', 'organization id or exact name')
    .option('--full', 'full import: deactivate people absent from the file (never deletes)')
    .option('--dry-run', 'show what would change without writing')
    .option('--map <pairs>', 'column mapping overrides, e.g. email=Courriel,lastName=Nom')
    .option('--strict', 'exit with code 1 when some rows have errors')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (file: string, opts: ImportPeopleOptions) => {
      try {
        const code = await withDatabase((env) => importPeople({ dbh: env.dbh, audit: env.audit, out: env.out }, file, opts));
        process.exitCode = code;
      } catch (err) {
        console.error(describeError(err));
        process.exitCode = 1;
      }
    });
}
