import { generate } from 'otplib';
import type { Db } from '../../src/server/db/index.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import type { Clock } from '../../src/server/platform/clock.js';

export const GOOD_PASSWORD = 'cheval agrafe batterie correcte';

export async function setPassword(db: Db, accountId: string, plain = GOOD_PASSWORD): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: await hashPassword(plain) })
    .where('id', '=', accountId)
    .execute();
}

/** The code an authenticator app would show at the clock's time. */
export const totpAt = (secret: string, clock: Clock): Promise<string> =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

export async function auditActions(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select(['action', 'seq']).where('entity_id', '=', accountId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

export async function auditText(db: Db, accountId: string): Promise<string> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'before_json', 'after_json', 'actor_label'])
    .where((eb) => eb.or([eb('entity_id', '=', accountId), eb('actor_account_id', '=', accountId)]))
    .execute();
  return JSON.stringify(rows);
}
