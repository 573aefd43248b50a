import type { Db } from '../../db/index.js';
import type { AuditActor, AuditLog } from '../../platform/audit-log/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { searchTextOf } from './repo.js';
import type { ActionStatus, ActionsTable, Priority, SourceKind } from './tables.js';

export interface SourcedAction {
  organizationId: string;
  sourceKind: Exclude<SourceKind, 'manual'>;
  sourceId: string;
  title: string;
  description?: string;
  sourceLabel?: string;
  /** A web path in the app, e.g. /suppliers/audits/:id/review. */
  sourceLink?: string | null;
  dueOn?: string | null;
  priority?: Priority;
  /** Given by sources that own the status (a finding); absent, an existing action keeps its own. */
  status?: ActionStatus;
}

/**
 * How other modules put work in an organization's action plan: one action per source, created on
 * first call and brought up to date on the next ones, inside the caller's transaction so the
 * source and its action never disagree. The owner, notes and evidence set in the plan are kept.
 */
export class ActionsFeed {
  constructor(private readonly deps: { audit: AuditLog; clock: Clock }) {}

  async upsertFromSource(trx: Db, input: SourcedAction, who: AuditActor): Promise<string> {
    const at = this.deps.clock.now().toISOString();
    const existing = await trx
      .selectFrom('actions')
      .selectAll()
      .where('organization_id', '=', input.organizationId)
      .where('source_kind', '=', input.sourceKind)
      .where('source_id', '=', input.sourceId)
      .executeTakeFirst();
    if (!existing) {
      const status = input.status ?? 'todo';
      const row: ActionsTable = {
        id: newId(),
        organization_id: input.organizationId,
        title: input.title,
        description: input.description ?? '',
        source_kind: input.sourceKind,
        source_id: input.sourceId,
        source_label: input.sourceLabel ?? '',
        source_link: input.sourceLink ?? null,
        owner_account_id: null,
        owner_name: '',
        due_on: input.dueOn ?? null,
        priority: input.priority ?? 'medium',
        status,
        done_at: status === 'done' ? at : null,
        created_at: at,
        updated_at: at,
        reminded_at: null,
        search_text: '',
      };
      row.search_text = searchTextOf(row);
      await trx.insertInto('actions').values(row).execute();
      await this.record(trx, who, 'actions.action.created', row.id, row.organization_id, null, snapshot(row));
      return row.id;
    }
    const next: ActionsTable = {
      ...existing,
      title: input.title,
      description: input.description ?? existing.description,
      source_label: input.sourceLabel ?? existing.source_label,
      source_link: input.sourceLink !== undefined ? input.sourceLink : existing.source_link,
      due_on: input.dueOn !== undefined ? input.dueOn : existing.due_on,
      priority: input.priority ?? existing.priority,
      status: input.status ?? existing.status,
    };
    next.done_at = next.status === 'done' ? (existing.status === 'done' ? existing.done_at : at) : null;
    if (next.due_on !== existing.due_on) next.reminded_at = null;
    next.search_text = searchTextOf(next);
    const before = snapshot(existing);
    const after = snapshot(next);
    if (JSON.stringify(before) === JSON.stringify(after)) return existing.id;
    next.updated_at = at;
    await trx
      .updateTable('actions')
      .set({
        title: next.title,
        description: next.description,
        source_label: next.source_label,
        source_link: next.source_link,
        due_on: next.due_on,
        priority: next.priority,
        status: next.status,
        done_at: next.done_at,
        reminded_at: next.reminded_at,
        search_text: next.search_text,
        updated_at: at,
      })
      .where('id', '=', existing.id)
      .execute();
    await this.record(trx, who, 'actions.action.synced', existing.id, existing.organization_id, before, after);
    return existing.id;
  }

  private record(trx: Db, who: AuditActor, action: string, id: string, orgId: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, who, { action, entityType: 'action', entityId: id, organizationId: orgId, before, after });
  }
}

/** What the audit log keeps of an action (its search copy and stamps are derived). */
export const snapshot = (r: ActionsTable) => ({
  title: r.title,
  description: r.description,
  sourceKind: r.source_kind,
  sourceId: r.source_id,
  sourceLabel: r.source_label,
  sourceLink: r.source_link,
  ownerAccountId: r.owner_account_id,
  ownerName: r.owner_name,
  dueOn: r.due_on,
  priority: r.priority,
  status: r.status,
});
