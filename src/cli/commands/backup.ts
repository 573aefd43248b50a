import { basename } from 'node:path';
import type { Command } from 'commander';
import { backupDatabase } from '../backup.js';
import { cliActor, withDatabase } from '../runtime.js';

export function register(program: Command): void {
  program
    .command('backup <file>')
    .description('write a portable backup (gzip JSON lines, SQLite or PostgreSQL) / sauvegarde portable')
    .action(async (file: string) => {
      await withDatabase(
        async ({ dbh, audit, out }) => {
          const r = await backupDatabase(dbh, file);
          await dbh.db.transaction().execute((trx) =>
            audit.record(trx, cliActor, {
              action: 'backup.created',
              entityType: 'database',
              after: { file: basename(file), tables: r.tables, rows: r.rows },
            }),
          );
          out(`Backup written to ${file}: ${r.tables} tables, ${r.rows} rows (${dbh.dialect}).`);
        },
        { migrate: false },
      );
    });
}
