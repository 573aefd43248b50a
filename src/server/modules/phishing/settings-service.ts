import type { Selectable } from 'kysely';
import { fromBool01, toBool01 } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import type { SettingsDto, SettingsInput } from './library-settings-schema.js';
import { readImapPollState } from './reporting/imap-state.js';
import type { PhishingSettingsTable } from './tables.js';

type SettingsRow = Selectable<PhishingSettingsTable>;

/** Defaults of an organization that never saved its settings (the same as the table's). */
const defaults = { anonymous_default: 0, retention_days: 365, transparency_note: '' } as const;

/**
 * Phishing settings of an organization: privacy defaults for new campaigns, the note on the staff
 * transparency page, the mailbox polled for reports (its password sealed, never answered).
 */
export class SettingsService {
  constructor(private readonly deps: AppDeps) {}

  async get(organizationId: string): Promise<SettingsDto> {
    const row = await this.deps.db
      .selectFrom('phishing_settings')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    const settings = this.present(row);
    if (!settings.imap) return settings;
    // The poller's own bookkeeping, so the admin sees a wrong password without reading logs.
    const { lastPolledAt, lastSuccessAt, lastError } = await readImapPollState(this.deps.db, organizationId);
    return { ...settings, imap: { ...settings.imap, status: { lastPolledAt, lastSuccessAt, lastError } } };
  }

  async update(ctx: RequestContext, organizationId: string, input: SettingsInput): Promise<SettingsDto> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('phishing_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
      const imap = input.imap;
      // A new password replaces the sealed one; none keeps it while the mailbox stays; no mailbox clears it.
      const sealed = imap === null ? null : imap.password ? this.deps.secrets.seal(imap.password) : (before?.imap_password_sealed ?? null);
      // A different mailbox starts reading from its first message.
      const sameMailbox =
        before && imap && before.imap_host === imap.host && before.imap_username === imap.username && before.imap_folder === imap.folder;
      const values = {
        anonymous_default: toBool01(input.anonymousDefault),
        retention_days: input.retentionDays,
        transparency_note: input.transparencyNote,
        imap_host: imap?.host ?? null,
        imap_port: imap?.port ?? null,
        imap_tls: toBool01(imap?.tls ?? true),
        imap_username: imap?.username ?? null,
        imap_password_sealed: sealed,
        imap_folder: imap?.folder ?? 'INBOX',
        imap_last_uid: sameMailbox ? before.imap_last_uid : 0,
        updated_at: now,
      };
      if (before) await trx.updateTable('phishing_settings').set(values).where('organization_id', '=', organizationId).execute();
      else
        await trx
          .insertInto('phishing_settings')
          .values({ organization_id: organizationId, ...values })
          .execute();
      const after = { ...(before ?? {}), organization_id: organizationId, ...values };
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.settings.update',
        entityType: 'phishing_settings',
        entityId: organizationId,
        organizationId,
        before: before ? this.present(before) : null,
        after: { ...this.present(after), imapPasswordChanged: sealed !== (before?.imap_password_sealed ?? null) },
      });
    });
    return this.get(organizationId);
  }

  private present(row: SettingsRow | undefined): SettingsDto {
    const r = row ?? { ...defaults, imap_host: null, updated_at: null };
    return {
      anonymousDefault: fromBool01(r.anonymous_default),
      retentionDays: r.retention_days,
      transparencyNote: r.transparency_note,
      reportAddress: this.deps.config.REPORT_ADDRESS,
      imap:
        row && row.imap_host !== null
          ? {
              host: row.imap_host,
              port: row.imap_port ?? 993,
              tls: fromBool01(row.imap_tls),
              username: row.imap_username ?? '',
              hasPassword: row.imap_password_sealed !== null,
              folder: row.imap_folder,
              status: { lastPolledAt: null, lastSuccessAt: null, lastError: null },
            }
          : null,
      updatedAt: r.updated_at,
    };
  }
}
