import type { AppDeps } from '../../../platform/context.js';
import { auditActor, systemContext } from '../../../platform/context.js';
import type { Locale } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { ReportSource } from '../tables.js';
import { tokenHash } from '../tokens.js';
import { trackInTransaction } from '../tracking/event-store.js';
import type { ScannerRules } from '../tracking/scanner.js';
import { parseReported } from './parse.js';
import { wellSpottedMail } from './texts.js';

/** Reports above this size are refused (the SMTP receiver announces the same limit). */
export const REPORT_MAX_BYTES = 10 * 1024 * 1024;

type IntakeDeps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'audit'>;

export type IntakeResult =
  | { kind: 'simulation'; recipientId: string; firstTime: boolean }
  | { kind: 'triage'; reportId: string; organizationId: string | null }
  | { kind: 'rejected'; reason: 'too_large' };

/**
 * A forwarded email is the act of a person, not of a link scanner: the tracking rules that
 * flag automated clicks do not apply, so the report goes through with rules that flag nothing.
 */
const PERSON_RULES: ScannerRules = { agents: [], agentVerdicts: new Map(), ranges: [], minSeconds: 0 };

async function reporterOf(deps: IntakeDeps, email: string | null) {
  if (!email) return null;
  const person = await deps.db
    .selectFrom('people')
    .select(['id', 'organization_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .orderBy('active', 'desc')
    .executeTakeFirst();
  const account = await deps.db
    .selectFrom('accounts')
    .select('locale')
    .where((eb) => eb.or([eb(eb.fn('lower', ['email']), '=', email), ...(person ? [eb('person_id', '=', person.id)] : [])]))
    .executeTakeFirst();
  const locale: Locale = account?.locale === 'en' ? 'en' : 'fr';
  return { personId: person?.id ?? null, organizationId: person?.organization_id ?? null, locale };
}

/** Reads one reported email: a report of one of our exercises, or a suspicious message to triage. */
export async function processReportedMessage(
  deps: IntakeDeps,
  raw: Buffer,
  source: Extract<ReportSource, 'smtp' | 'imap'>,
): Promise<IntakeResult> {
  if (raw.length > REPORT_MAX_BYTES) return { kind: 'rejected', reason: 'too_large' };
  const msg = await parseReported(raw);
  const who = auditActor(systemContext(`report:${source}`));
  const now = deps.clock.now();
  const at = now.toISOString();

  const known = msg.tokens.length
    ? await deps.db
        .selectFrom('phishing_recipients')
        .select(['id', 'token_hash', 'organization_id'])
        .where('token_hash', 'in', msg.tokens.map(tokenHash))
        .executeTakeFirst()
    : undefined;

  if (known) {
    const firstTime = await deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('phishing_recipients').select('reported_at').where('id', '=', known.id).executeTakeFirstOrThrow();
      const input = {
        tokenHash: known.token_hash,
        kind: 'report' as const,
        method: 'POST',
        userAgent: `email report (${source})`,
        address: null,
        storedAddress: null,
        at: now,
      };
      const outcome = await trackInTransaction(trx, input, PERSON_RULES, at);
      const first = outcome.recorded && before.reported_at === null;
      // Anonymous campaigns keep no link to a person: the audit names the recipient row only.
      await deps.audit.record(trx, who, {
        action: 'phishing.report.receive',
        entityType: 'phishing_recipient',
        entityId: known.id,
        organizationId: known.organization_id,
        after: { source, verdict: 'simulation', firstTime: first },
      });
      return first;
    });
    if (firstTime && msg.reporterEmail) {
      const reporter = await reporterOf(deps, msg.reporterEmail);
      await deps.mailer.send(wellSpottedMail(msg.reporterEmail, reporter?.locale ?? 'fr'));
    }
    return { kind: 'simulation', recipientId: known.id, firstTime };
  }

  const reporter = await reporterOf(deps, msg.reporterEmail);
  const id = newId();
  const organizationId = reporter?.organizationId ?? null;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('phishing_reports')
      .values({
        id,
        organization_id: organizationId,
        source,
        reporter_email: msg.reporterEmail,
        reporter_person_id: reporter?.personId ?? null,
        recipient_id: null,
        subject: msg.subject,
        from_address: msg.fromAddress,
        excerpt: msg.excerpt,
        urls: JSON.stringify(msg.urls),
        raw_size: raw.length,
        verdict: 'pending',
        note: null,
        decided_by: null,
        decided_at: null,
        feedback_sent_at: null,
        received_at: at,
      })
      .execute();
    await deps.audit.record(trx, who, {
      action: 'phishing.report.receive',
      entityType: 'phishing_report',
      entityId: id,
      organizationId,
      after: { source, verdict: 'pending', subject: msg.subject, fromAddress: msg.fromAddress },
    });
  });
  return { kind: 'triage', reportId: id, organizationId };
}
