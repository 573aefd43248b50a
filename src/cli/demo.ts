import type { DbHandle } from '../server/db/index.js';

/** Seeds the demo territory when the database has no organization yet. */
export async function seedDemoIfEmpty(dbh: DbHandle, log: (line: string) => void): Promise<boolean> {
  const any = await dbh.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log('Demo seed: not written yet');
  return false;
}
