import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migrations are files named YYYY-MM-DDThhmm_description.ts; they are frozen once merged. */
export class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}_.+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
      .sort();
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
      out[file.replace(/\.(ts|js)$/, '')] = mod;
    }
    return out;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against Kysely<any> on purpose.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
