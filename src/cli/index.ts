import { Command } from 'commander';
import { register as backup } from './commands/backup.js';
import { register as createAdmin } from './commands/create-admin.js';
import { register as demo } from './commands/demo.js';
import { register as importPeople } from './commands/import-people.js';
import { register as init } from './commands/init.js';
import { register as migrate } from './commands/migrate.js';
import { register as restore } from './commands/restore.js';
import { register as verifyAudit } from './commands/verify-audit.js';
import { describeError, loadDotEnv } from './runtime.js';

/** The `rempart` command. Each file of commands/ registers its own sub-command. */
export function buildProgram(): Command {
  const program = new Command('rempart')
    .description('Rempart: cyber resilience for the health care chain / résilience cyber de la chaîne de soins')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of [init, migrate, createAdmin, importPeople, demo, verifyAudit, backup, restore]) register(program);
  return program;
}

loadDotEnv();
buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`rempart: ${describeError(err)}`);
    process.exitCode = 1;
  });
