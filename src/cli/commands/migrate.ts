import type { Command } from 'commander';
import { migrateToLatest } from '../../server/db/migrate.js';
import { cliActor, withDatabase } from '../runtime.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations / applique les migrations')
    .action(async () => {
      await withDatabase(
        async ({ dbh, audit, out }) => {
          const applied = await migrateToLatest(dbh.db);
          if (applied.length === 0) {
            out(`Database is up to date (${dbh.dialect}).`);
            return;
          }
          await dbh.db
            .transaction()
            .execute((trx) => audit.record(trx, cliActor, { action: 'database.migrated', entityType: 'database', after: { applied } }));
          for (const m of applied) out(`applied ${m}`);
          out(`${applied.length} migration(s) applied (${dbh.dialect}).`);
        },
        { migrate: false },
      );
    });
}
