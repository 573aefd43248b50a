import type { Command } from 'commander';
import { createAdmin } from '../admin.js';
import { promptSecret } from '../prompt.js';
import { cliActor, withDatabase } from '../runtime.js';

export function register(program: Command): void {
  program
    .command('create-admin')
    .description('create a platform administrator (TOTP is enrolled at first sign-in) / crée un administrateur')
    .requiredOption('--email <email>', 'email address used to sign in')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (prompted for when absent; 12 characters or more)')
    .action(async (opts: { email: string; name: string; password?: string }) => {
      const password = opts.password ?? (await promptSecret('Password / mot de passe (12+ caractères) : '));
      await withDatabase(async ({ dbh, audit, out }) => {
        const r = await createAdmin(dbh, audit, cliActor, { email: opts.email, name: opts.name, password });
        out(
          `${r.created ? 'Created' : 'Updated'} platform administrator ${opts.email.trim().toLowerCase()} (account ${r.accountId}).` +
            '\nA second factor (TOTP) will be enrolled at first sign-in.',
        );
      });
    });
}
