import type { Command } from 'commander';
import { baseUrl } from '../../server/config.js';
import { demoSignIns, seedDemo } from '../demo.js';
import { cliActor, withDatabase } from '../runtime.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('seed the demo territory (GHT, CPTS, ~3,000 people, demo accounts) / crée la démo')
    .option('--force', 'seed even when the database already holds organizations')
    .action(async (opts: { force?: boolean }) => {
      await withDatabase(async ({ config, dbh, out }) => {
        const any = await dbh.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
        if (any && !opts.force) {
          out('The database already holds organizations: the demo was not seeded (use --force to add it anyway).');
          process.exitCode = 1;
          return;
        }
        const started = Date.now();
        const s = await seedDemo(dbh, cliActor);
        out(
          `Demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${s.organizations} organizations, ${s.territories} territories, ${s.people} people, ${s.accounts} accounts.`,
        );
        for (const line of await demoSignIns(dbh, baseUrl(config))) out(line);
      });
    });
}
