import { baseUrl } from '../../config.js';
import type { AppDeps } from '../../platform/context.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import { addDays, dayOfInstant, todayOf } from '../suppliers/calendar-dates.js';
import { formatDay } from '../suppliers/register-mails.js';

export const ACTION_REMINDERS_JOB = 'actions.reminders';

/** Days before the due date of the first reminder. */
export const EARLY_REMINDER_DAYS = 7;

type Stage = 'soon' | 'due';

/**
 * The reminder an action needs today, if any: one 7 days before its due date and one on it. An
 * action already late when it was written down (or the job stopped for a week) gets at most the
 * due-date one, and never for a date more than a week gone: nobody is nagged about the past.
 * `remindedOn`: the day of the last reminder; a moved due date or owner clears it.
 */
export function reminderStage(dueOn: string, today: string, remindedOn: string | null): Stage | null {
  const early = addDays(dueOn, -EARLY_REMINDER_DAYS);
  if (dueOn <= today) {
    if (dueOn < addDays(today, -EARLY_REMINDER_DAYS)) return null;
    return remindedOn !== null && remindedOn >= dueOn ? null : 'due';
  }
  if (early <= today) return remindedOn !== null && remindedOn >= early ? null : 'soon';
  return null;
}

/** Emails owners (accounts) of open actions falling due; returns how many were sent. */
export async function sendActionReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const today = todayOf(now);
  const rows = await deps.db
    .selectFrom('actions')
    .innerJoin('accounts', 'accounts.id', 'actions.owner_account_id')
    .select(['actions.id', 'actions.title', 'actions.due_on', 'actions.reminded_at', 'accounts.email'])
    .where('actions.status', 'in', ['todo', 'in_progress'])
    .where('actions.due_on', '>=', addDays(today, -EARLY_REMINDER_DAYS))
    .where('actions.due_on', '<=', addDays(today, EARLY_REMINDER_DAYS))
    .where('accounts.active', '=', 1)
    .orderBy('actions.due_on')
    .execute();
  const link = (id: string) => `${baseUrl(deps.config)}/actions/${id}`;
  let sent = 0;
  const errors: string[] = [];
  for (const r of rows) {
    if (r.due_on === null) continue;
    const stage = reminderStage(r.due_on, today, r.reminded_at ? dayOfInstant(r.reminded_at) : null);
    if (!stage) continue;
    try {
      await deps.mailer.send(actionReminderEmail(r.email, stage, r.title, r.due_on, link(r.id)));
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    // Stamped after sending: a failed email is tried again on the next run.
    await deps.db.updateTable('actions').set({ reminded_at: now.toISOString() }).where('id', '=', r.id).execute();
    sent += 1;
  }
  if (errors.length > 0) throw new Error(`action reminders: ${errors.length} failed: ${errors[0]}`);
  return sent;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** French then English in one message, like the other modules' emails. */
export function actionReminderEmail(to: string, stage: Stage, title: string, dueOn: string, link: string): MailMessage {
  const subject =
    stage === 'due'
      ? `Action à échéance aujourd’hui\u00a0: ${title} / Action due today: ${title}`
      : `Action à échéance le ${formatDay(dueOn, 'fr')}\u00a0: ${title} / Action due on ${formatDay(dueOn, 'en')}: ${title}`;
  const fr = [
    'Bonjour,',
    stage === 'due'
      ? `L’action « ${title} » dont vous êtes responsable arrive à échéance aujourd’hui (${formatDay(dueOn, 'fr')}).`
      : `L’action « ${title} » dont vous êtes responsable arrive à échéance le ${formatDay(dueOn, 'fr')}, dans ${EARLY_REMINDER_DAYS} jours.`,
    'Mettez à jour son statut dans le plan d’action, ou ajoutez une note si l’échéance doit bouger.',
  ];
  const en = [
    'Hello,',
    stage === 'due'
      ? `The action “${title}” you own is due today (${formatDay(dueOn, 'en')}).`
      : `The action “${title}” you own is due on ${formatDay(dueOn, 'en')}, in ${EARLY_REMINDER_DAYS} days.`,
    'Update its status in the action plan, or add a note if the due date has to move.',
  ];
  const text = [...fr, '', link, '', '---', '', ...en, '', link, ''].join('\n');
  const p = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const a = `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  const html = `<!doctype html><html lang="fr"><body>\n${p(fr)}\n${a}\n<hr>\n<div lang="en">\n${p(en)}\n${a}\n</div></body></html>`;
  return { to, subject, text, html };
}
