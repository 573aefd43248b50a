import { fromJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Locale } from '../errors.js';
import { type VerifyResult, verifyAuditChain } from './audit-log.js';
import { CSV_BOM, csvLine } from './csv.js';
import { AuditLogRepo, type AuditQuery } from './repo.js';
import type { AuditEntryView, AuditFilters } from './schema.js';
import type { AuditLogTable } from './tables.js';

const DAY_MS = 86_400_000;
const isBareDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Bare dates are whole UTC days: `from` starts at 00:00, `to` includes the whole day. */
export function toQuery(f: AuditFilters): AuditQuery {
  return {
    organizationId: f.organizationId,
    actionPrefix: f.action,
    entityType: f.entityType,
    actorPart: f.actor,
    fromIso: f.from === undefined ? undefined : new Date(isBareDate(f.from) ? `${f.from}T00:00:00Z` : f.from).toISOString(),
    toIsoExclusive:
      f.to === undefined
        ? undefined
        : isBareDate(f.to)
          ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS).toISOString()
          : new Date(new Date(f.to).getTime() + 1).toISOString(),
  };
}

export function present(r: AuditLogTable): AuditEntryView {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorAccountId: r.actor_account_id,
    actorLabel: r.actor_label,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    organizationId: r.organization_id,
    territoryId: r.territory_id,
    before: fromJson<unknown>(r.before_json, null),
    after: fromJson<unknown>(r.after_json, null),
  };
}

const headers: Record<Locale, string[]> = {
  fr: [
    'n°',
    'date (UTC)',
    'auteur',
    'adresse IP',
    'action',
    "type d'objet",
    'identifiant objet',
    'organisation',
    'territoire',
    'avant',
    'après',
  ],
  en: ['seq', 'date (UTC)', 'actor', 'IP address', 'action', 'entity type', 'entity id', 'organization', 'territory', 'before', 'after'],
};

/** The audit log viewer: filtered pages, CSV export and chain verification. */
export class AuditLogViewer {
  private readonly repo: AuditLogRepo;
  constructor(private readonly db: Db) {
    this.repo = new AuditLogRepo(db);
  }

  async page(filters: AuditFilters, page: number, pageSize: number) {
    const q = toQuery(filters);
    const [total, rows] = await Promise.all([this.repo.count(q), this.repo.list(q, pageSize, { offset: (page - 1) * pageSize })]);
    return { items: rows.map(present), total, page, pageSize };
  }

  /** The whole filtered log as CSV lines, newest first, read in batches (no size cap). */
  async *csv(filters: AuditFilters, locale: Locale, batch = 2000): AsyncGenerator<string> {
    const q = toQuery(filters);
    yield CSV_BOM + csvLine(headers[locale]);
    let beforeSeq: number | undefined;
    for (;;) {
      const rows = await this.repo.list(q, batch, beforeSeq === undefined ? {} : { beforeSeq });
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) {
        chunk += csvLine([
          Number(r.seq),
          r.at,
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
      }
      yield chunk;
      beforeSeq = Number(rows[rows.length - 1]?.seq);
      if (rows.length < batch) return;
    }
  }

  verify(): Promise<VerifyResult> {
    return verifyAuditChain(this.db);
  }
}
