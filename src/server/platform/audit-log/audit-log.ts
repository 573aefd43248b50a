import { sql, type Transaction } from 'kysely';
import { toJson } from '../../db/dialect.js';
import type { Db, DialectName } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { newId, sha256Hex } from '../ids.js';
import type { AuditLogTable } from './tables.js';

/** Who did it and from where; built from the request (or the CLI) by `contextOf`. */
export interface AuditActor {
  accountId: string | null;
  label: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string; // e.g. 'person.created', 'import.applied', 'auth.signed_in'
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  territoryId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

type Executor = Db | Transaction<Database>;

/** The fields the hash covers, in a fixed order. */
export function rowHash(prevHash: string, r: Omit<AuditLogTable, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
    r.seq,
    r.id,
    r.at,
    r.actor_account_id,
    r.actor_label,
    r.ip,
    r.action,
    r.entity_type,
    r.entity_id,
    r.organization_id,
    r.territory_id,
    r.before_json,
    r.after_json,
  ]);
  return sha256Hex(`${prevHash}\n${canonical}`);
}

/**
 * Append-only, hash-chained log of every change. `record` must run inside the transaction that
 * makes the change, so the change and its trace commit together.
 */
export class AuditLog {
  constructor(
    private readonly dialect: DialectName,
    private readonly clock: Clock,
  ) {}

  async record(trx: Executor, who: AuditActor, entry: AuditEntry): Promise<void> {
    // One writer at a time extends the chain; SQLite transactions are already serialised.
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(727272)`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const row: Omit<AuditLogTable, 'hash' | 'prev_hash'> = {
      seq: (last ? Number(last.seq) : 0) + 1,
      id: newId(),
      at: this.clock.now().toISOString(),
      actor_account_id: who.accountId,
      actor_label: who.label,
      ip: who.ip,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      organization_id: entry.organizationId ?? null,
      territory_id: entry.territoryId ?? null,
      before_json: entry.before === undefined ? null : toJson(entry.before),
      after_json: entry.after === undefined ? null : toJson(entry.after),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await trx
      .insertInto('audit_log')
      .values({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) })
      .execute();
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first broken link, if any. */
  brokenAt?: { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };
}

/** Walks the chain in order; reports the first row whose link or content does not match. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: { seq, id: r.id, reason: 'sequence_gap' } };
      if (r.prev_hash !== prevHash) return { ok: false, checked, brokenAt: { seq, id: r.id, reason: 'prev_hash_mismatch' } };
      const { hash, prev_hash: _p, ...rest } = r;
      if (rowHash(prevHash, { ...rest, seq }) !== hash) return { ok: false, checked, brokenAt: { seq, id: r.id, reason: 'hash_mismatch' } };
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
