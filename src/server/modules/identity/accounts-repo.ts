import { type Selectable, sql } from 'kysely';
import { likeEscape, likePattern, toCount } from '../../db/dialect.js';
import type { Role, ScopeKind } from '../../platform/access/roles.js';
import type { AccountsTable, RoleGrantsTable } from '../../platform/auth/tables.js';
import type { Executor } from './shared.js';

export type AccountRow = Selectable<AccountsTable>;
export type GrantRow = Selectable<RoleGrantsTable>;
export type GrantWithName = GrantRow & { scope_name: string | null };

const accountColumns = [
  'accounts.id',
  'accounts.email',
  'accounts.display_name',
  'accounts.person_id',
  'accounts.active',
  'accounts.totp_enabled_at',
  'accounts.last_sign_in_at',
  'accounts.locked_until',
  'accounts.failed_attempts',
  'accounts.created_at',
] as const;
export type AccountSummaryRow = Pick<
  AccountRow,
  | 'id'
  | 'email'
  | 'display_name'
  | 'person_id'
  | 'active'
  | 'totp_enabled_at'
  | 'last_sign_in_at'
  | 'locked_until'
  | 'failed_attempts'
  | 'created_at'
>;

/** Accounts (who can sign in) and their role grants; secrets are never selected here. */
export class AccountsRepo {
  /** Accounts holding at least one grant on the scope (or every account when scope is null). */
  async page(
    db: Executor,
    scope: { kind: ScopeKind; id: string } | null,
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: AccountSummaryRow[]; total: number }> {
    let base = db.selectFrom('accounts');
    if (scope) {
      base = base.where('accounts.id', 'in', (eb) =>
        eb
          .selectFrom('role_grants')
          .select('role_grants.account_id')
          .where('role_grants.scope_kind', '=', scope.kind)
          .where('role_grants.scope_id', '=', scope.id),
      );
    }
    // Accounts have no search column: emails are ASCII and lower-case, names are matched lower-cased.
    if (q) {
      const pattern = likePattern(q);
      base = base.where(
        sql<boolean>`(accounts.email like ${pattern} escape ${likeEscape} or rempart_fold(accounts.display_name) like ${pattern} escape ${likeEscape})`,
      );
    }
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .select(accountColumns)
      .orderBy('accounts.email')
      .orderBy('accounts.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { rows, total: toCount(total?.n) };
  }

  async get(db: Executor, id: string): Promise<AccountSummaryRow | undefined> {
    return db.selectFrom('accounts').select(accountColumns).where('accounts.id', '=', id).executeTakeFirst();
  }

  async byEmail(db: Executor, email: string): Promise<AccountSummaryRow | undefined> {
    return db.selectFrom('accounts').select(accountColumns).where('accounts.email', '=', email).executeTakeFirst();
  }

  /** Grants of these accounts (optionally on one scope), with the scope's name. */
  async grantsOf(db: Executor, accountIds: string[], scope?: { kind: ScopeKind; id: string }): Promise<GrantWithName[]> {
    if (accountIds.length === 0) return [];
    let q = db
      .selectFrom('role_grants')
      .leftJoin('organizations', (j) =>
        j.onRef('organizations.id', '=', 'role_grants.scope_id').on('role_grants.scope_kind', '=', 'organization'),
      )
      .leftJoin('territories', (j) => j.onRef('territories.id', '=', 'role_grants.scope_id').on('role_grants.scope_kind', '=', 'territory'))
      .selectAll('role_grants')
      .select(['organizations.name as org_name', 'territories.name as territory_name'])
      .where('role_grants.account_id', 'in', accountIds);
    if (scope) q = q.where('role_grants.scope_kind', '=', scope.kind).where('role_grants.scope_id', '=', scope.id);
    const rows = await q.orderBy('role_grants.created_at').orderBy('role_grants.id').execute();
    return rows.map(({ org_name, territory_name, ...g }) => ({ ...g, scope_name: org_name ?? territory_name ?? null }));
  }

  async grant(db: Executor, grantId: string): Promise<GrantRow | undefined> {
    return db.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
  }

  async findGrant(db: Executor, accountId: string, role: Role, scopeKind: ScopeKind, scopeId: string): Promise<GrantRow | undefined> {
    return db
      .selectFrom('role_grants')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('role', '=', role)
      .where('scope_kind', '=', scopeKind)
      .where('scope_id', '=', scopeId)
      .executeTakeFirst();
  }

  async insertGrant(db: Executor, row: GrantRow): Promise<void> {
    await db.insertInto('role_grants').values(row).execute();
  }

  async deleteGrant(db: Executor, grantId: string): Promise<void> {
    await db.deleteFrom('role_grants').where('id', '=', grantId).execute();
  }

  /** Holders of `role` on a scope whose account is active, other than `exceptGrantId`. */
  async otherActiveHolders(db: Executor, role: Role, scopeKind: ScopeKind, scopeId: string, exceptGrantId: string): Promise<number> {
    const r = await db
      .selectFrom('role_grants')
      .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role_grants.role', '=', role)
      .where('role_grants.scope_kind', '=', scopeKind)
      .where('role_grants.scope_id', '=', scopeId)
      .where('role_grants.id', '!=', exceptGrantId)
      .where('accounts.active', '=', 1)
      .executeTakeFirst();
    return toCount(r?.n);
  }

  async updateAccount(
    db: Executor,
    id: string,
    patch: Partial<Omit<AccountRow, 'id' | 'created_at' | 'totp_last_step'>> & { totp_last_step?: number | null },
  ): Promise<void> {
    await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
  }

  async revokeSessions(db: Executor, accountId: string): Promise<void> {
    await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  }

  async deleteRecoveryCodes(db: Executor, accountId: string): Promise<void> {
    await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  }
}
