import { type ExpressionBuilder, sql } from 'kysely';
import { likeEscape, likePattern, searchKey, toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { Action, ActionsQuery, sortKeys } from './schema.js';
import { type ActionStatus, type ActionsTable, actionStatuses, type SourceKind } from './tables.js';

type Eb = ExpressionBuilder<Database, 'actions'>;
export type ActionRow = ActionsTable;

/** Sources whose own workflow decides the action's status (the source stays the master). */
export const statusOwningSources: readonly SourceKind[] = ['supplier_finding'];

const openStatuses: ActionStatus[] = ['todo', 'in_progress'];

export const searchTextOf = (r: Pick<ActionRow, 'title' | 'description' | 'owner_name' | 'source_label'>): string =>
  searchKey(r.title, r.owner_name, r.source_label, r.description.slice(0, 2000));

/** Display names of owner accounts, for the list and the export. */
export async function ownerNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids.filter((v): v is string => v !== null))];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'display_name', 'email'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.display_name || r.email);
  }
  return out;
}

export function presentAction(r: ActionRow, today: string, owners: Map<string, string> = new Map()): Action {
  return {
    id: r.id,
    organizationId: r.organization_id,
    title: r.title,
    description: r.description,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    sourceLabel: r.source_label,
    sourceLink: r.source_link,
    statusOwnedBySource: statusOwningSources.includes(r.source_kind),
    ownerAccountId: r.owner_account_id,
    ownerName: r.owner_name,
    ownerLabel: (r.owner_account_id ? owners.get(r.owner_account_id) : undefined) ?? r.owner_name,
    dueOn: r.due_on,
    priority: r.priority,
    status: r.status,
    overdue: isOverdue(r, today),
    doneAt: r.done_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const isOverdue = (r: Pick<ActionRow, 'status' | 'due_on'>, today: string): boolean =>
  openStatuses.includes(r.status) && r.due_on !== null && r.due_on < today;

const overdueWhere = (eb: Eb, today: string) =>
  eb.and([eb('actions.status', 'in', openStatuses), eb('actions.due_on', 'is not', null), eb('actions.due_on', '<', today)]);

/** Critical first when sorting by priority descending: the text values do not sort by themselves. */
const priorityRank = (eb: Eb) =>
  eb
    .case()
    .when('actions.priority', '=', 'critical')
    .then(4)
    .when('actions.priority', '=', 'high')
    .then(3)
    .when('actions.priority', '=', 'medium')
    .then(2)
    .else(1)
    .end();

const statusRank = (eb: Eb) =>
  eb
    .case()
    .when('actions.status', '=', 'todo')
    .then(1)
    .when('actions.status', '=', 'in_progress')
    .then(2)
    .when('actions.status', '=', 'done')
    .then(3)
    .else(4)
    .end();

function filtered(db: Db, orgId: string, q: Omit<ActionsQuery, 'sort' | 'page' | 'pageSize'>, today: string) {
  return db
    .selectFrom('actions')
    .where('actions.organization_id', '=', orgId)
    .where((eb) => {
      const parts = [];
      if (q.status === 'open') parts.push(eb('actions.status', 'in', openStatuses));
      else if (q.status) parts.push(eb('actions.status', '=', q.status));
      if (q.priority) parts.push(eb('actions.priority', '=', q.priority));
      if (q.source) parts.push(eb('actions.source_kind', '=', q.source));
      if (q.owner === 'none') parts.push(eb('actions.owner_account_id', 'is', null));
      else if (q.owner) parts.push(eb('actions.owner_account_id', '=', q.owner));
      if (q.overdue === 'true') parts.push(overdueWhere(eb, today));
      if (q.overdue === 'false') parts.push(eb.not(overdueWhere(eb, today)));
      for (const word of (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
        const pattern = sql<string>`${likePattern(word)} escape ${likeEscape}`;
        parts.push(eb('actions.search_text', 'like', pattern));
      }
      return eb.and(parts);
    });
}

/** A page of the organization's actions; `page: null` gives them all (CSV export, capped by the caller). */
export async function listActions(db: Db, orgId: string, q: ActionsQuery, today: string, limit?: number) {
  const base = filtered(db, orgId, q, today);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  let rows = base.selectAll('actions');
  const dir = q.sort.startsWith('-') ? 'desc' : 'asc';
  const key = q.sort.replace(/^-/, '') as (typeof sortKeys)[number];
  if (key === 'priority') rows = rows.orderBy(priorityRank, dir);
  else if (key === 'status') rows = rows.orderBy(statusRank, dir);
  else if (key === 'due_on') {
    // Actions without a due date come last whichever the direction, on both databases.
    rows = rows.orderBy((eb) => eb.case().when('actions.due_on', 'is', null).then(1).else(0).end()).orderBy('actions.due_on', dir);
  } else rows = rows.orderBy(`actions.${key}`, dir);
  rows = rows.orderBy('actions.id', dir);
  const take = limit ?? q.pageSize;
  const offset = limit === undefined ? (q.page - 1) * q.pageSize : 0;
  const found = await rows.limit(take).offset(offset).execute();
  return { rows: found, total: toCount(total?.n) };
}

export async function actionById(db: Db, orgId: string, actionId: string): Promise<ActionRow | undefined> {
  return db.selectFrom('actions').selectAll().where('organization_id', '=', orgId).where('id', '=', actionId).executeTakeFirst();
}

export const emptyByStatus = (): Record<ActionStatus, number> => ({ todo: 0, in_progress: 0, done: 0, cancelled: 0 });

/** Counts per status and overdue for organizations (one grouped query, for the roll-up and the progress). */
export async function countsByOrg(db: Db, orgIds: string[], today: string) {
  const out = new Map<string, { byStatus: Record<ActionStatus, number>; overdue: number; total: number }>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectFrom('actions')
    .select((eb) => [
      'organization_id',
      'status',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when(overdueWhere(eb, today)).then(1).else(0).end()).as('late'),
    ])
    .where('organization_id', 'in', orgIds)
    .groupBy(['organization_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.organization_id) ?? { byStatus: emptyByStatus(), overdue: 0, total: 0 };
    if (actionStatuses.includes(r.status)) c.byStatus[r.status] += toCount(r.n);
    c.total += toCount(r.n);
    c.overdue += toCount(r.late);
    out.set(r.organization_id, c);
  }
  return out;
}

/** Per source: how many actions and how many done; and those done since `since`. */
export async function sourceFigures(db: Db, orgId: string, since: string) {
  const bySource = await db
    .selectFrom('actions')
    .select((eb) => [
      'source_kind',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
    ])
    .where('organization_id', '=', orgId)
    .groupBy('source_kind')
    .orderBy('source_kind')
    .execute();
  const recent = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', orgId)
    .where('status', '=', 'done')
    .where('done_at', '>=', since)
    .executeTakeFirst();
  return {
    bySource: bySource.map((r) => ({ source: r.source_kind, total: toCount(r.n), done: toCount(r.done) })),
    doneSince: toCount(recent?.n),
  };
}
