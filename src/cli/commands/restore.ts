import type { Command } from 'commander';
import { restoreDatabase } from '../backup.js';
import { cliActor, withDatabase } from '../runtime.js';

export function register(program: Command): void {
  program
    .command('restore <file>')
    .description('restore a backup into an empty database (--force replaces the content) / restaure une sauvegarde')
    .option('--force', 'empty a database that already holds data, then restore')
    .action(async (file: string, opts: { force?: boolean }) => {
      await withDatabase(
        async ({ dbh, out }) => {
          const r = await restoreDatabase(dbh, file, cliActor, opts.force ? { force: true } : {});
          out(`Restored ${r.rows} rows in ${r.tables} tables from a ${r.from.dialect} backup of ${r.from.createdAt} into ${dbh.dialect}.`);
          if (r.verify.ok) out(`Audit log verified: ${r.verify.checked} entries, chain intact.`);
          else {
            out(`WARNING: the audit chain is broken at seq ${r.verify.brokenAt?.seq} (${r.verify.brokenAt?.reason}).`);
            process.exitCode = 1;
          }
        },
        { migrate: false },
      );
    });
}
