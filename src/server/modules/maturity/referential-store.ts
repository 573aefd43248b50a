import { existsSync } from 'node:fs';
import { PostgresAdapter, sql } from 'kysely';
import { fromJson, toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { NotFound } from '../../platform/errors.js';
import type { Executor } from '../identity/shared.js';
import type { Referential } from './referential.js';
import { loadReferential, REFERENTIAL_FILE } from './referential-check.js';

export interface StoredReferential {
  /** Row id: `${referential id}@${version}`. */
  versionId: string;
  ref: Referential;
}

export interface ReferentialSyncResult {
  version: number | null;
  inserted: boolean;
  /** The file changed without a version bump: the stored row wins (diagnostics rely on it). */
  drift: boolean;
}

export const versionIdOf = (ref: Pick<Referential, 'id' | 'version'>): string => `${ref.id}@${ref.version}`;

/**
 * Stores the referential of this release at start-up, as the suppliers' grid catalogue does, but a
 * version row is written once and never rewritten: diagnostics point at it as their frozen copy.
 * Editing the file without bumping `version` is reported as drift and changes nothing (the content
 * test makes that a failing build first). Processes starting together on PostgreSQL take turns.
 */
export async function syncReferential(db: Db, now: string, file: string = REFERENTIAL_FILE): Promise<ReferentialSyncResult> {
  if (!existsSync(file)) return { version: null, inserted: false, drift: false };
  const ref = loadReferential(file);
  const content = toJson(ref);
  return db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(hashtext('rempart:maturity-referential'))`.execute(trx);
    const id = versionIdOf(ref);
    const found = await trx.selectFrom('maturity_referentials').select('content').where('id', '=', id).executeTakeFirst();
    if (found) return { version: ref.version, inserted: false, drift: found.content !== content };
    await trx
      .insertInto('maturity_referentials')
      .values({
        id,
        referential_id: ref.id,
        version: ref.version,
        title_fr: ref.title.fr,
        title_en: ref.title.en,
        content,
        last_reviewed: ref.lastReviewed,
        created_at: now,
      })
      .execute();
    return { version: ref.version, inserted: true, drift: false };
  });
}

/** Version rows never change, so a process keeps what it parsed once. */
const parsed = new Map<string, Referential>();

export class ReferentialStore {
  /** The newest stored version: what a new diagnostic is made with. */
  async current(db: Executor): Promise<StoredReferential> {
    const row = await db
      .selectFrom('maturity_referentials')
      .select(['id', 'content'])
      .orderBy('version', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!row) throw new NotFound('referential');
    return { versionId: row.id, ref: this.parse(row.id, row.content) };
  }

  async byVersionId(db: Executor, versionId: string): Promise<Referential> {
    const cached = parsed.get(versionId);
    if (cached) return cached;
    const row = await db.selectFrom('maturity_referentials').select(['id', 'content']).where('id', '=', versionId).executeTakeFirst();
    if (!row) throw new NotFound('referential');
    return this.parse(row.id, row.content);
  }

  private parse(id: string, content: string): Referential {
    const cached = parsed.get(id);
    if (cached) return cached;
    const ref = fromJson<Referential>(content, null as unknown as Referential);
    parsed.set(id, ref);
    return ref;
  }
}
