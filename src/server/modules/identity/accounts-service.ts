import { fromBool01 } from '../../db/dialect.js';
import { type Role, roleScopes, type ScopeKind } from '../../platform/access/roles.js';
import { findActivePersonByEmail, organizationOfAccount, provisionAccount } from '../../platform/auth/accounts.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type AccountSummaryRow, AccountsRepo, type GrantRow, type GrantWithName } from './accounts-repo.js';
import { PeopleRepo } from './people-repo.js';
import type { AccountDto, AccountsQuery, GrantCreatedDto, GrantDto, PlatformGrantInput, ScopedGrantInput } from './schema.js';
import { type Executor, lockKey, normalizeEmail, type Page } from './shared.js';

/** An organization or a territory: the scopes below the platform. */
export type TenantScope = { kind: 'organization' | 'territory'; id: string };

const presentGrant = (g: GrantWithName): GrantDto => ({
  id: g.id,
  role: g.role,
  scopeKind: g.scope_kind,
  scopeId: g.scope_id,
  scopeName: g.scope_name,
  grantedBy: g.granted_by,
  createdAt: g.created_at,
});

const grantSnapshot = (g: GrantRow) => ({ id: g.id, accountId: g.account_id, role: g.role, scopeKind: g.scope_kind, scopeId: g.scope_id });

const roleNotAllowed = (role: Role, scopeKind: ScopeKind) =>
  new Invalid(
    'role_not_allowed',
    {
      fr: `Le rôle ${role} ne peut pas être attribué sur ce périmètre (${scopeKind}).`,
      en: `The role ${role} cannot be granted on this scope (${scopeKind}).`,
    },
    'role',
  );

/** Accounts and their role grants, per organization, per territory and for the whole platform. */
export class AccountsService {
  private readonly repo = new AccountsRepo();
  private readonly people = new PeopleRepo();
  constructor(private readonly deps: AppDeps) {}

  private present(a: AccountSummaryRow, grants: GrantWithName[]): AccountDto {
    const now = this.deps.clock.now().toISOString();
    const locked = a.locked_until !== null && a.locked_until > now;
    return {
      id: a.id,
      email: a.email,
      displayName: a.display_name,
      personId: a.person_id,
      active: fromBool01(a.active),
      totpEnabled: a.totp_enabled_at !== null,
      lastSignInAt: a.last_sign_in_at,
      locked,
      lockedUntil: locked ? a.locked_until : null,
      createdAt: a.created_at,
      grants: grants.filter((g) => g.account_id === a.id).map(presentGrant),
    };
  }

  /** What the audit log keeps of an account: never a secret. */
  private snapshot(a: AccountSummaryRow) {
    return { ...this.present(a, []), failedAttempts: a.failed_attempts, grants: undefined };
  }

  /** Accounts with a role on the scope (null: every account), each with its grants there (or all). */
  async list(scope: TenantScope | null, query: AccountsQuery): Promise<Page<AccountDto>> {
    const db = this.deps.db;
    const { rows, total } = await this.repo.page(db, scope, query.q, query.page, query.pageSize);
    const grants = await this.repo.grantsOf(
      db,
      rows.map((r) => r.id),
      scope ?? undefined,
    );
    return { items: rows.map((r) => this.present(r, grants)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Grants a role on an organization or a territory to a person of the directory or to an email,
   * opening the account when needed. Only roles meant for that scope are accepted, so an
   * organization admin can never hand out platform or territory roles.
   */
  async grantOnScope(ctx: RequestContext, scope: TenantScope, input: ScopedGrantInput): Promise<GrantCreatedDto> {
    if (!roleScopes[input.role].includes(scope.kind)) throw roleNotAllowed(input.role, scope.kind);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    return this.deps.db.transaction().execute(async (trx) => {
      const person = await this.resolvePerson(trx, scope, input.personId, email);
      const holderEmail = person?.email ?? email;
      if (!holderEmail) throw new NotFound('person');
      const displayName = person ? `${person.first_name} ${person.last_name}`.trim() : holderEmail;
      return this.addGrant(trx, ctx, {
        email: holderEmail,
        displayName,
        personId: person?.id ?? null,
        role: input.role,
        scopeKind: scope.kind,
        scopeId: scope.id,
      });
    });
  }

  /** The directory entry named by id, or the one with this email in the organization. */
  private async resolvePerson(trx: Executor, scope: TenantScope, personId: string | undefined, email: string | undefined) {
    if (personId !== undefined) {
      const person =
        scope.kind === 'organization'
          ? await this.people.get(trx, scope.id, personId)
          : await trx
              .selectFrom('people')
              .innerJoin('territory_members', 'territory_members.organization_id', 'people.organization_id')
              .selectAll('people')
              .where('territory_members.territory_id', '=', scope.id)
              .where('people.id', '=', personId)
              .executeTakeFirst();
      if (!person) throw new NotFound('person');
      if (person.active !== 1) {
        throw new Conflict(
          'person_inactive',
          { fr: "Cette personne est désactivée dans l'annuaire.", en: 'This person is deactivated in the directory.' },
          'personId',
        );
      }
      return person;
    }
    if (email !== undefined && scope.kind === 'organization') {
      const person = await this.people.byEmail(trx, scope.id, email);
      return person?.active === 1 ? person : undefined;
    }
    return undefined;
  }

  private async addGrant(
    trx: Executor,
    ctx: RequestContext,
    g: { email: string; displayName: string; personId: string | null; role: Role; scopeKind: ScopeKind; scopeId: string },
  ): Promise<GrantCreatedDto> {
    const existing = await this.repo.byEmail(trx, g.email);
    const accountId = await provisionAccount(trx, {
      email: g.email,
      displayName: g.displayName,
      personId: g.personId,
      ...(ctx.actor ? { locale: ctx.actor.locale } : {}),
    });
    const who = auditActor(ctx);
    const scopeRefs =
      g.scopeKind === 'organization' ? { organizationId: g.scopeId } : g.scopeKind === 'territory' ? { territoryId: g.scopeId } : {};
    if (!existing) {
      const created = await this.repo.get(trx, accountId);
      await this.deps.audit.record(trx, who, {
        action: 'account.created',
        entityType: 'account',
        entityId: accountId,
        ...scopeRefs,
        ...(created ? { after: this.snapshot(created) } : {}),
      });
    }
    if (await this.repo.findGrant(trx, accountId, g.role, g.scopeKind, g.scopeId)) {
      throw new Conflict(
        'already_granted',
        { fr: 'Ce compte a déjà ce rôle sur ce périmètre.', en: 'This account already holds this role on this scope.' },
        'role',
      );
    }
    const row: GrantRow = {
      id: newId(),
      account_id: accountId,
      role: g.role,
      scope_kind: g.scopeKind,
      scope_id: g.scopeId,
      granted_by: ctx.actor?.accountId ?? null,
      created_at: this.deps.clock.now().toISOString(),
    };
    await this.repo.insertGrant(trx, row);
    await this.deps.audit.record(trx, who, {
      action: 'grant.created',
      entityType: 'role_grant',
      entityId: row.id,
      ...scopeRefs,
      after: grantSnapshot(row),
    });
    return {
      id: row.id,
      accountId,
      role: row.role,
      scopeKind: row.scope_kind,
      scopeId: row.scope_id,
      createdAt: row.created_at,
      accountCreated: !existing,
    };
  }

  /** Removes a grant of the scope; `scope` null means any grant (platform admins). */
  async revoke(ctx: RequestContext, scope: TenantScope | null, grantId: string): Promise<void> {
    const { dialect } = this.deps.dbh;
    await this.deps.db.transaction().execute(async (trx) => {
      const grant = await this.repo.grant(trx, grantId);
      if (!grant || (scope && (grant.scope_kind !== scope.kind || grant.scope_id !== scope.id))) throw new NotFound('grant');
      await lockKey(trx, dialect, `grants:${grant.role}:${grant.scope_kind}:${grant.scope_id}`);
      if (
        grant.role === 'org_admin' &&
        (await this.repo.otherActiveHolders(trx, 'org_admin', 'organization', grant.scope_id, grant.id)) === 0
      ) {
        throw new Conflict(
          'last_admin',
          {
            fr: "C'est le dernier administrateur de l'établissement : nommez-en un autre avant de retirer celui-ci.",
            en: "This is the organization's last admin: name another one before removing this one.",
          },
          'grantId',
        );
      }
      if (grant.role === 'platform_admin' && (await this.repo.otherActiveHolders(trx, 'platform_admin', 'platform', '', grant.id)) === 0) {
        throw new Conflict(
          'last_platform_admin',
          {
            fr: "C'est le dernier administrateur de la plateforme : nommez-en un autre avant.",
            en: 'This is the last platform admin: name another one first.',
          },
          'grantId',
        );
      }
      await this.repo.deleteGrant(trx, grant.id);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'grant.revoked',
        entityType: 'role_grant',
        entityId: grant.id,
        ...(grant.scope_kind === 'organization' ? { organizationId: grant.scope_id } : {}),
        ...(grant.scope_kind === 'territory' ? { territoryId: grant.scope_id } : {}),
        before: grantSnapshot(grant),
      });
    });
  }

  /** Platform admins grant any role on the scope it is meant for, to an account or an email. */
  async grantOnPlatform(ctx: RequestContext, input: PlatformGrantInput): Promise<GrantCreatedDto> {
    if (!roleScopes[input.role].includes(input.scopeKind)) throw roleNotAllowed(input.role, input.scopeKind);
    const scopeId = input.scopeKind === 'platform' ? '' : input.scopeId.trim();
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    return this.deps.db.transaction().execute(async (trx) => {
      if (input.scopeKind === 'organization' || input.scopeKind === 'territory') {
        const table = input.scopeKind === 'organization' ? 'organizations' : 'territories';
        const found = scopeId && (await trx.selectFrom(table).select('id').where('id', '=', scopeId).executeTakeFirst());
        if (!found) throw new NotFound(input.scopeKind);
      }
      if (input.accountId !== undefined) {
        const account = await this.repo.get(trx, input.accountId);
        if (!account) throw new NotFound('account');
        return this.addGrant(trx, ctx, {
          email: account.email,
          displayName: account.display_name,
          personId: null,
          role: input.role,
          scopeKind: input.scopeKind,
          scopeId,
        });
      }
      const holderEmail = email ?? '';
      const person = await findActivePersonByEmail(trx, holderEmail);
      return this.addGrant(trx, ctx, {
        email: holderEmail,
        displayName: person ? `${person.first_name} ${person.last_name}`.trim() : holderEmail,
        personId: person?.id ?? null,
        role: input.role,
        scopeKind: input.scopeKind,
        scopeId,
      });
    });
  }

  async getAccount(accountId: string): Promise<AccountDto> {
    const row = await this.repo.get(this.deps.db, accountId);
    if (!row) throw new NotFound('account');
    return this.present(row, await this.repo.grantsOf(this.deps.db, [row.id]));
  }

  /** Lifts a lockout after repeated failures. */
  async unlock(ctx: RequestContext, accountId: string): Promise<AccountDto> {
    await this.changeAccount(ctx, accountId, 'account.unlocked', async (trx) => {
      await this.repo.updateAccount(trx, accountId, { failed_attempts: 0, last_failed_at: null, locked_until: null });
    });
    return this.getAccount(accountId);
  }

  /** Forgets the second factor (lost phone): the holder enrols again at the next sign-in. */
  async resetTotp(ctx: RequestContext, accountId: string): Promise<AccountDto> {
    await this.changeAccount(ctx, accountId, 'account.totp_reset', async (trx) => {
      await this.repo.updateAccount(trx, accountId, {
        totp_secret_enc: null,
        totp_pending_enc: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      await this.repo.deleteRecoveryCodes(trx, accountId);
      await this.repo.revokeSessions(trx, accountId);
    });
    return this.getAccount(accountId);
  }

  /** Deactivates (sessions end at once) or reactivates an account; nobody deactivates themselves. */
  async setActive(ctx: RequestContext, accountId: string, active: boolean): Promise<AccountDto> {
    if (!active && ctx.actor?.accountId === accountId) {
      throw new Conflict(
        'self',
        { fr: 'Vous ne pouvez pas désactiver votre propre compte.', en: 'You cannot deactivate your own account.' },
        'active',
      );
    }
    await this.changeAccount(ctx, accountId, active ? 'account.reactivated' : 'account.deactivated', async (trx) => {
      await this.repo.updateAccount(trx, accountId, { active: active ? 1 : 0 });
      if (!active) await this.repo.revokeSessions(trx, accountId);
    });
    return this.getAccount(accountId);
  }

  private async changeAccount(
    ctx: RequestContext,
    accountId: string,
    action: string,
    change: (trx: Executor) => Promise<void>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.repo.get(trx, accountId);
      if (!before) throw new NotFound('account');
      await change(trx);
      await this.repo.updateAccount(trx, accountId, { updated_at: this.deps.clock.now().toISOString() });
      const after = await this.repo.get(trx, accountId);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action,
        entityType: 'account',
        entityId: accountId,
        organizationId: await organizationOfAccount(trx, accountId),
        before: this.snapshot(before),
        ...(after ? { after: this.snapshot(after) } : {}),
      });
    });
  }
}
