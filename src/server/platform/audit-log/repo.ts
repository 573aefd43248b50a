import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import { likeEscape, toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { AuditLogTable } from './tables.js';

/** Filters already normalised by the service: times are ISO-8601 UTC bounds, `to` exclusive. */
export interface AuditQuery {
  organizationId?: string | undefined;
  actionPrefix?: string | undefined;
  entityType?: string | undefined;
  actorPart?: string | undefined;
  fromIso?: string | undefined;
  toIsoExclusive?: string | undefined;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type AuditSelect = SelectQueryBuilder<Database, 'audit_log', object>;

function applyFilters<Q extends AuditSelect>(q: Q, f: AuditQuery): Q {
  let out = q as AuditSelect;
  if (f.organizationId !== undefined) out = out.where('organization_id', '=', f.organizationId);
  if (f.actionPrefix !== undefined) out = out.where(sql<boolean>`action like ${`${escapeLike(f.actionPrefix)}%`} escape ${likeEscape}`);
  if (f.entityType !== undefined) out = out.where('entity_type', '=', f.entityType);
  if (f.actorPart !== undefined) {
    out = out.where(sql<boolean>`lower(actor_label) like ${`%${escapeLike(f.actorPart.toLowerCase())}%`} escape ${likeEscape}`);
  }
  if (f.fromIso !== undefined) out = out.where('at', '>=', f.fromIso);
  if (f.toIsoExclusive !== undefined) out = out.where('at', '<', f.toIsoExclusive);
  return out as Q;
}

/** Read side of the audit log. The organization filter is the tenant scope for org viewers. */
export class AuditLogRepo {
  constructor(private readonly db: Db) {}

  async count(f: AuditQuery): Promise<number> {
    const row = await applyFilters(this.db.selectFrom('audit_log'), f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return toCount(row?.n);
  }

  /** Newest first. `beforeSeq` pages through large exports without OFFSET scans. */
  list(f: AuditQuery, limit: number, opts: { offset?: number; beforeSeq?: number } = {}): Promise<AuditLogTable[]> {
    let q = applyFilters(this.db.selectFrom('audit_log'), f);
    if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
    return q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(limit)
      .offset(opts.offset ?? 0)
      .execute();
  }
}
