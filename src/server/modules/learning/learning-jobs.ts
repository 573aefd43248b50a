import { baseUrl } from '../../config.js';
import { type AppDeps, auditActor, systemContext } from '../../platform/context.js';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { addDays, enrolmentSweep } from './enrolment.js';
import { groupBy, type Nudge, nudgeAll, sendAll } from './learning-delivery.js';
import { escalationEmail, flashAlertEmail, moduleTitles, type OverdueItem, reminderEmail } from './learning-mails.js';

export const LEARNING_JOBS = {
  enrolment: 'learning.enrolment',
  reminders: 'learning.reminders',
  escalation: 'learning.escalation',
  flashMail: 'learning.flash-mail',
} as const;

/** Reminders go out once a module is due within this many days (or late). */
const REMINDER_DAYS = 3;
const BATCH = 500;

const fullName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`.trim();

export function registerLearningJobs(scheduler: Scheduler, deps: AppDeps): void {
  scheduler.register(LEARNING_JOBS.enrolment, () => enrolmentSweep(deps, auditActor(systemContext(`job:${LEARNING_JOBS.enrolment}`))));
  scheduler.register(LEARNING_JOBS.reminders, () => sendReminders(deps));
  scheduler.register(LEARNING_JOBS.escalation, () => sendEscalations(deps));
  scheduler.register(LEARNING_JOBS.flashMail, () => sendFlashAlerts(deps));
}

/** Once per assignment, when it is due within three days or late: one email per learner. */
export async function sendReminders(deps: AppDeps): Promise<void> {
  const link = `${baseUrl(deps.config)}/learning`;
  const reminder: Nudge = {
    label: 'reminders',
    column: 'reminder_sent_at',
    action: 'learning.reminder_sent',
    who: auditActor(systemContext(`job:${LEARNING_JOBS.reminders}`)),
  };
  for (;;) {
    const now = deps.clock.now();
    const rows = await deps.db
      .selectFrom('learning_assignments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('learning_modules as m', 'm.id', 'a.module_id')
      .select([
        'a.id',
        'a.person_id',
        'a.organization_id',
        'a.module_id',
        'a.due_at',
        'p.email',
        'p.first_name',
        'p.last_name',
        'm.duration_minutes',
      ])
      .where('a.status', 'in', ['assigned', 'in_progress'])
      .where('a.reminder_sent_at', 'is', null)
      .where('a.due_at', 'is not', null)
      .where('a.due_at', '<=', addDays(now, REMINDER_DAYS))
      .where('p.active', '=', 1)
      // A flash alert has its own email; the reminder is for lessons.
      .where('m.kind', '=', 'lesson')
      .orderBy('a.person_id')
      .orderBy('a.due_at')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    const names = await moduleTitles(
      deps.db,
      rows.map((r) => r.module_id),
    );
    const people = groupBy(rows, (r) => r.person_id).map(([personId, list]) => ({
      ids: list.map((r) => r.id),
      entityId: personId,
      organizationId: list[0]!.organization_id,
      list,
    }));
    await nudgeAll(deps, reminder, people, ({ list }, marked) =>
      reminderEmail({
        to: list[0]!.email,
        displayName: fullName(list[0]!),
        link,
        modules: list
          .filter((r) => marked.has(r.id))
          .map((r) => ({
            titleFr: names.get(r.module_id)!.fr,
            titleEn: names.get(r.module_id)!.en,
            durationMinutes: r.duration_minutes,
            dueAt: r.due_at!,
          })),
      }),
    );
    if (rows.length < BATCH) return;
  }
}

/** Once per overdue assignment: one email per manager of the service (same organization and service). */
export async function sendEscalations(deps: AppDeps): Promise<void> {
  const link = `${baseUrl(deps.config)}/learning`;
  const escalation: Nudge = {
    label: 'escalation',
    column: 'escalated_at',
    action: 'learning.escalated',
    who: auditActor(systemContext(`job:${LEARNING_JOBS.escalation}`)),
  };
  for (;;) {
    const rows = await deps.db
      .selectFrom('learning_assignments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('learning_modules as m', 'm.id', 'a.module_id')
      .innerJoin('people as mgr', (j) =>
        j
          .onRef('mgr.organization_id', '=', 'p.organization_id')
          .onRef('mgr.service', '=', 'p.service')
          .onRef('mgr.id', '<>', 'p.id')
          .on('mgr.is_manager', '=', 1)
          .on('mgr.active', '=', 1),
      )
      .select([
        'a.id',
        'a.organization_id',
        'a.module_id',
        'a.due_at',
        'p.first_name',
        'p.last_name',
        'mgr.id as manager_id',
        'mgr.email as manager_email',
        'mgr.first_name as manager_first_name',
        'mgr.last_name as manager_last_name',
      ])
      .where('a.status', 'in', ['assigned', 'in_progress'])
      .where('a.escalated_at', 'is', null)
      .where('a.due_at', '<', deps.clock.now().toISOString())
      .where('p.active', '=', 1)
      .where('m.kind', '=', 'lesson')
      .orderBy('mgr.id')
      .orderBy('a.due_at')
      .orderBy('a.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    const names = await moduleTitles(
      deps.db,
      rows.map((r) => r.module_id),
    );
    const managers = groupBy(rows, (r) => r.manager_id).map(([managerId, list]) => ({
      ids: list.map((r) => r.id),
      entityId: managerId,
      organizationId: list[0]!.organization_id,
      list,
    }));
    await nudgeAll(deps, escalation, managers, ({ list }, marked) => {
      const m = list[0]!;
      const items: OverdueItem[] = list
        .filter((r) => marked.has(r.id))
        .map((r) => ({
          personName: fullName(r),
          titleFr: names.get(r.module_id)!.fr,
          titleEn: names.get(r.module_id)!.en,
          dueAt: r.due_at!,
        }));
      return escalationEmail({ to: m.manager_email, managerName: `${m.manager_first_name} ${m.manager_last_name}`.trim(), items, link });
    });
    if (rows.length < BATCH) return;
  }
}

/** Each flash alert receipt's email, once; a failure is noted on the receipt and retried next run. */
export async function sendFlashAlerts(deps: AppDeps): Promise<void> {
  const link = `${baseUrl(deps.config)}/learning`;
  const who = auditActor(systemContext(`job:${LEARNING_JOBS.flashMail}`));
  for (;;) {
    const rows = await deps.db
      .selectFrom('learning_flash_receipts as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .innerJoin('learning_flash_alerts as f', 'f.id', 'r.alert_id')
      .select(['r.alert_id', 'r.person_id', 'r.organization_id', 'p.email', 'p.first_name', 'p.last_name', 'f.module_id'])
      .where('r.emailed_at', 'is', null)
      .where('p.active', '=', 1)
      .orderBy('r.alert_id')
      .orderBy('r.person_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    // The alert's own words: its language (French first should someone add a translation).
    const texts = await deps.db
      .selectFrom('learning_module_texts')
      .select(['module_id', 'language', 'title', 'summary'])
      .where('module_id', 'in', [...new Set(rows.map((r) => r.module_id))])
      .orderBy('language', 'desc')
      .execute();
    const textOf = (moduleId: string) => {
      const t = texts.find((x) => x.module_id === moduleId);
      return { title: t?.title ?? '', summary: t?.summary ?? '' };
    };
    await sendAll(
      deps,
      'flash alerts',
      rows,
      (r) => flashAlertEmail({ to: r.email, displayName: fullName(r), ...textOf(r.module_id), link }),
      async (trx, r) => {
        const at = deps.clock.now().toISOString();
        await trx
          .updateTable('learning_flash_receipts')
          .set({ emailed_at: at, email_error: null })
          .where('alert_id', '=', r.alert_id)
          .where('person_id', '=', r.person_id)
          .execute();
        await deps.audit.record(trx, who, {
          action: 'learning.flash_alert_emailed',
          entityType: 'learning_flash_alert',
          entityId: r.alert_id,
          organizationId: r.organization_id,
          after: { personId: r.person_id },
        });
      },
      async (r, error) => {
        await deps.db
          .updateTable('learning_flash_receipts')
          .set({ email_error: error.slice(0, 500) })
          .where('alert_id', '=', r.alert_id)
          .where('person_id', '=', r.person_id)
          .execute();
      },
    );
    if (rows.length < BATCH) return;
  }
}
