import { baseUrl } from '../../config.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import { type DeclarationStep, declarationSteps, dueAt, reminderLeadMs, stepLabels } from './incidents-declaration.js';

export const INCIDENT_DEADLINES_JOB = 'exercises.incident-deadlines';

/** Older detections have passed every deadline (a month and a bit): the job does not look at them. */
const HORIZON_MS = 35 * 24 * 3_600_000;

/** The step whose reminder is due now, if any: within its lead time, not sent, not reminded yet, not past. */
export function stepToRemind(
  detectedAt: string,
  sent: Record<DeclarationStep, string | null>,
  reminded: Partial<Record<DeclarationStep, string>>,
  now: Date,
): DeclarationStep[] {
  return declarationSteps.filter((step) => {
    if (sent[step] || reminded[step]) return false;
    const left = dueAt(step, new Date(detectedAt)).getTime() - now.getTime();
    return left >= 0 && left <= reminderLeadMs[step];
  });
}

/**
 * Emails the crisis cell (everyone placed in the incident) before each declaration deadline;
 * returns how many emails went. Nothing is sent to the ARS or CERT Santé: people are reminded to.
 */
export async function sendIncidentReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .selectFrom('exercise_incidents as i')
    .innerJoin('exercises as e', 'e.id', 'i.exercise_id')
    .select([
      'i.exercise_id',
      'i.organization_id',
      'i.detected_at',
      'i.early_warning_at',
      'i.notification_at',
      'i.final_report_at',
      'i.reminded_json',
      'e.title',
    ])
    .where('i.detected_at', '>=', new Date(now.getTime() - HORIZON_MS).toISOString())
    .where('e.status', '!=', 'closed')
    .execute();
  let sent = 0;
  for (const r of rows) {
    const reminded = fromJson<Partial<Record<DeclarationStep, string>>>(r.reminded_json, {});
    const steps = stepToRemind(
      r.detected_at,
      { early_warning: r.early_warning_at, notification: r.notification_at, final_report: r.final_report_at },
      reminded,
      now,
    );
    if (!steps.length) continue;
    const people = await deps.db
      .selectFrom('exercise_participants as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select('a.email')
      .distinct()
      .where('p.exercise_id', '=', r.exercise_id)
      .where('a.active', '=', 1)
      .execute();
    const link = `${baseUrl(deps.config)}/exercises/incidents/${r.exercise_id}`;
    for (const step of steps) {
      for (const p of people) {
        await deps.mailer.send(deadlineEmail(p.email, r.title, step, dueAt(step, new Date(r.detected_at)), link));
        sent += 1;
      }
      reminded[step] = now.toISOString();
    }
    // Stamped after sending: a failed run tries again next time.
    await deps.db
      .updateTable('exercise_incidents')
      .set({ reminded_json: toJson(reminded) })
      .where('exercise_id', '=', r.exercise_id)
      .execute();
  }
  return sent;
}

const paris = (d: Date, locale: string) =>
  d.toLocaleString(locale, { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** French then English in one message, like the other modules' emails. */
export function deadlineEmail(to: string, title: string, step: DeclarationStep, due: Date, link: string): MailMessage {
  const label = stepLabels[step];
  return {
    to,
    subject: `Échéance de déclaration : ${label.fr} – ${title} / Declaration deadline: ${label.en}`,
    text: [
      'Bonjour,',
      `Incident « ${title} » : l’étape « ${label.fr} » de la déclaration est attendue avant le ${paris(due, 'fr-FR')} (heure de Paris).`,
      'Préparez son contenu dans l’aide à la déclaration, envoyez-le à l’ARS et à CERT Santé, puis notez-le comme envoyé.',
      link,
      '',
      'Hello,',
      `Incident "${title}": the "${label.en}" step of the declaration is due before ${paris(due, 'en-GB')} (Paris time).`,
      'Prepare it in the declaration helper, send it to the ARS and CERT Santé, then mark it as sent.',
      link,
    ].join('\n'),
  };
}
