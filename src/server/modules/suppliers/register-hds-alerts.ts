import { baseUrl } from '../../config.js';
import { type AppDeps, auditActor, systemContext } from '../../platform/context.js';
import { addDays, daysBetween, todayOf } from './calendar-dates.js';
import { adminEmails, hdsExpiryEmail } from './register-mails.js';

export const HDS_ALERT_JOB = 'suppliers.hds-alerts';

/**
 * Alerts the organization's admins 90 and 30 days before a provider's HDS certificate expires,
 * each alert once (a certificate first recorded 20 days before its expiry gets the 30-day one only).
 * Only the provider's last certificate is watched: once a renewal is recorded the old one is quiet.
 * At most once: the alert is marked, then sent; a refused send takes the mark back for the next run.
 */
export async function sendHdsAlerts(deps: AppDeps): Promise<void> {
  const who = auditActor(systemContext(`job:${HDS_ALERT_JOB}`));
  const today = todayOf(deps.clock.now());
  const in30 = addDays(today, 30);
  const rows = await deps.db
    .selectFrom('supplier_hds_certificates as h')
    .innerJoin('suppliers as s', 's.id', 'h.supplier_id')
    .select([
      'h.id',
      'h.supplier_id',
      'h.certificate_number',
      'h.certifying_body',
      'h.expires_on',
      'h.alert_90_sent_at',
      's.organization_id',
      's.name',
    ])
    .where('s.archived', '=', 0)
    .where('h.expires_on', '<=', addDays(today, 90))
    .where((eb) =>
      eb.or([eb('h.alert_90_sent_at', 'is', null), eb.and([eb('h.alert_30_sent_at', 'is', null), eb('h.expires_on', '<=', in30)])]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('supplier_hds_certificates as later')
            .select('later.id')
            .whereRef('later.supplier_id', '=', 'h.supplier_id')
            .whereRef('later.expires_on', '>', 'h.expires_on'),
        ),
      ),
    )
    .orderBy('h.expires_on')
    .execute();
  if (rows.length === 0) return;
  const admins = await adminEmails(
    deps.db,
    rows.map((r) => r.organization_id),
  );
  const errors: string[] = [];
  for (const r of rows) {
    const threshold = r.expires_on <= in30 ? 30 : 90;
    const column = threshold === 30 ? 'alert_30_sent_at' : 'alert_90_sent_at';
    const at = deps.clock.now().toISOString();
    const marked = await deps.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('supplier_hds_certificates')
        .set(threshold === 30 ? { alert_30_sent_at: at, alert_90_sent_at: r.alert_90_sent_at ?? at } : { alert_90_sent_at: at })
        .where('id', '=', r.id)
        .where(column, 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false; // another run took it
      await deps.audit.record(trx, who, {
        action: 'suppliers.hds.expiry_alerted',
        entityType: 'supplier',
        entityId: r.supplier_id,
        organizationId: r.organization_id,
        after: { certificateId: r.id, expiresOn: r.expires_on, threshold, recipients: admins.get(r.organization_id)?.length ?? 0 },
      });
      return true;
    });
    if (!marked) continue;
    const link = `${baseUrl(deps.config)}/suppliers/${r.supplier_id}`;
    const cert = {
      supplierName: r.name,
      certificateNumber: r.certificate_number,
      certifyingBody: r.certifying_body,
      expiresOn: r.expires_on,
      daysLeft: daysBetween(today, r.expires_on),
    };
    try {
      for (const to of admins.get(r.organization_id) ?? []) await deps.mailer.send(hdsExpiryEmail(to, cert, link));
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('supplier_hds_certificates')
          .set(threshold === 30 ? { alert_30_sent_at: null, alert_90_sent_at: r.alert_90_sent_at } : { alert_90_sent_at: null })
          .where('id', '=', r.id)
          .execute();
        await deps.audit.record(trx, who, {
          action: 'suppliers.hds.expiry_alert_failed',
          entityType: 'supplier',
          entityId: r.supplier_id,
          organizationId: r.organization_id,
          after: { certificateId: r.id, threshold },
        });
      });
    }
  }
  if (errors.length > 0) throw new Error(`HDS alerts: ${errors.length} email(s) failed: ${errors[0]}`);
}
