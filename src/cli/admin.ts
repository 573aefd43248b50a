import type { DbHandle } from '../server/db/index.js';
import type { AuditActor, AuditLog } from '../server/platform/audit-log/audit-log.js';
import { normalizeEmail, provisionAccount } from '../server/platform/auth/accounts.js';
import { checkPasswordPolicy, hashPassword } from '../server/platform/auth/password.js';
import { Invalid } from '../server/platform/errors.js';
import { newId } from '../server/platform/ids.js';

export interface CreateAdminInput {
  email: string;
  name: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates (or updates) a platform administrator: sets the password and grants platform_admin.
 * The second factor is enrolled at first sign-in, as for every admin role.
 */
export async function createAdmin(
  dbh: DbHandle,
  audit: AuditLog,
  actor: AuditActor,
  input: CreateAdminInput,
): Promise<{ accountId: string; created: boolean }> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email))
    throw new Invalid('email_invalid', { fr: 'Adresse de courriel invalide.', en: 'Invalid email address.' }, 'email');
  const name = input.name.trim();
  if (!name) throw new Invalid('name_required', { fr: 'Le nom est obligatoire.', en: 'The name is required.' }, 'name');
  checkPasswordPolicy(input.password, { email, name });
  const hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  return dbh.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('accounts').select(['id', 'display_name']).where('email', '=', email).executeTakeFirst();
    const accountId = await provisionAccount(trx, { email, displayName: name, personId: null });
    await trx
      .updateTable('accounts')
      .set({ password_hash: hash, password_changed_at: now, failed_attempts: 0, locked_until: null, active: 1, updated_at: now })
      .where('id', '=', accountId)
      .execute();
    if (!before) {
      await audit.record(trx, actor, {
        action: 'account.created',
        entityType: 'account',
        entityId: accountId,
        after: { email, displayName: name },
      });
    } else {
      await audit.record(trx, actor, { action: 'account.password_set', entityType: 'account', entityId: accountId, after: { email } });
    }
    const granted = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('account_id', '=', accountId)
      .where('role', '=', 'platform_admin')
      .where('scope_kind', '=', 'platform')
      .executeTakeFirst();
    if (!granted) {
      const grantId = newId();
      await trx
        .insertInto('role_grants')
        .values({
          id: grantId,
          account_id: accountId,
          role: 'platform_admin',
          scope_kind: 'platform',
          scope_id: '',
          granted_by: null,
          created_at: now,
        })
        .execute();
      await audit.record(trx, actor, {
        action: 'grant.created',
        entityType: 'role_grant',
        entityId: grantId,
        after: { accountId, email, role: 'platform_admin', scopeKind: 'platform' },
      });
    }
    return { accountId, created: !before };
  });
}
