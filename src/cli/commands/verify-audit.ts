import type { Command } from 'commander';
import type { DbHandle } from '../../server/db/index.js';
import { verifyAuditChain } from '../../server/platform/audit-log/audit-log.js';
import { withDatabase } from '../runtime.js';

/** Prints the verdict; returns the exit code (0 intact, 1 broken). */
export async function runVerifyAudit(dbh: DbHandle, out: (line: string) => void): Promise<number> {
  const r = await verifyAuditChain(dbh.db);
  if (r.ok) {
    out(`OK: ${r.checked} audit log entries, chain intact / journal d'audit intact.`);
    return 0;
  }
  const b = r.brokenAt;
  out(`BROKEN at seq ${b?.seq} (id ${b?.id}): ${b?.reason}. ${r.checked} entries before it are intact / chaîne rompue.`);
  return 1;
}

export function register(program: Command): void {
  program
    .command('verify-audit')
    .description('check the hash chain of the audit log; exit 1 at the first broken link / vérifie le journal')
    .action(async () => {
      await withDatabase(async ({ dbh, out }) => {
        process.exitCode = await runVerifyAudit(dbh, out);
      });
    });
}
