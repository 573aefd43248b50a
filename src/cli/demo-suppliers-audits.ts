import type { Transaction } from 'kysely';
import { searchKey, toJson } from '../server/db/dialect.js';
import type { Database } from '../server/db/schema.js';
import { addDays } from '../server/modules/suppliers/calendar-dates.js';
import type { GridDefinition } from '../server/modules/suppliers/grid-definition.js';
import { visibleQuestions } from '../server/modules/suppliers/grid-logic.js';
import { findAccountByEmail, provisionAccount } from '../server/platform/auth/accounts.js';
import { newId } from '../server/platform/ids.js';
import { type DemoProvider, demoAnswer, openAuditAnswers, reviewedAudit } from './demo-suppliers-data.js';

type Trx = Transaction<Database>;

interface AuditScene {
  leadId: string;
  provider: DemoProvider;
  audit: NonNullable<DemoProvider['audit']>;
  grid: { id: string; version: number; title_fr: string; title_en: string; definition: string };
  supplierId: string;
  contractId: string;
  status: 'open' | 'closed';
  today: string;
  now: string;
}

/**
 * One audit of the demo (demo-suppliers.ts), as the life cycle would have left it: open with the
 * contact's first answers and a question in the thread, or closed with every answer rated, its
 * findings fixed through an agreed plan, and its costs.
 */
export async function seedDemoAudit(trx: Trx, scene: AuditScene): Promise<void> {
  const { leadId, provider: p, grid, supplierId, contractId, status, today, now } = scene;
  const at = { supplierId, contractId };
  const accounts = await portalContacts(trx, at.supplierId, p.name, now);
  const definition = JSON.parse(grid.definition) as GridDefinition;
  const auditId = newId();
  const day = (offset: number) => addDays(today, offset);
  const instant = (offset: number, hour = 9) => new Date(Date.parse(`${day(offset)}T00:00:00Z`) + hour * 3_600_000).toISOString();
  const closed = status === 'closed';
  await trx
    .insertInto('supplier_audits')
    .values({
      id: auditId,
      supplier_id: at.supplierId,
      organization_id: leadId,
      contract_id: at.contractId,
      kind: 'scheduled',
      trigger_reason: null,
      status,
      title: `${grid.title_fr} — ${p.name} ${closed ? day(-150).slice(0, 4) : day(0).slice(0, 4)}`,
      due_on: closed ? day(-120) : day(20),
      notice_sent_at: closed ? instant(-170) : instant(-12),
      grid_id: grid.id,
      grid_version: grid.version,
      grid_snapshot: toJson({ titleFr: grid.title_fr, titleEn: grid.title_en, definition }),
      shared: 0,
      provider_agreed_shared_at: null,
      opened_at: closed ? instant(-170) : instant(-12),
      submitted_at: closed ? instant(-140, 16) : null,
      reviewed_at: closed ? instant(-135) : null,
      closed_at: closed ? instant(-60, 15) : null,
      payer: scene.audit.payer,
      auditor_account_id: null,
      created_at: closed ? instant(-175) : instant(-40),
      updated_at: closed ? instant(-60, 15) : instant(-2),
    })
    .execute();
  const answers = closed ? reviewedAudit.answers : openAuditAnswers.answers;
  const given = new Map<string, unknown>();
  // Questions in the grid's order, each answered once the answers before it make it asked.
  for (const q of visibleQuestions(definition, Object.fromEntries(Object.entries(answers)))) {
    if (!closed && !(q.id in answers)) continue;
    given.set(q.id, answers[q.id] ?? demoAnswer(q));
  }
  let n = 0;
  for (const [questionId, value] of given) {
    const rating = closed ? (reviewedAudit.ratings[questionId] ?? 'compliant') : null;
    await trx
      .insertInto('supplier_audit_answers')
      .values({
        audit_id: auditId,
        question_id: questionId,
        value: toJson(value),
        comment: (closed ? reviewedAudit.comments : openAuditAnswers.comments)[questionId] ?? '',
        answered_by: accounts[0] ?? null,
        answered_at: closed ? instant(-150 + (n % 8), 10) : instant(-5 + (n % 4), 11),
        rating,
        rating_note: closed ? (reviewedAudit.ratingNotes[questionId] ?? '') : '',
        rated_by: null,
        rated_at: rating ? instant(-134) : null,
      })
      .execute();
    n++;
  }
  if (!closed) {
    const c = openAuditAnswers.question;
    await trx
      .insertInto('supplier_audit_comments')
      .values({
        id: newId(),
        audit_id: auditId,
        question_id: c.questionId,
        author_account_id: accounts[0] ?? null,
        side: 'provider',
        body: c.body,
        created_at: instant(-3, 14),
      })
      .execute();
    return;
  }
  for (const f of reviewedAudit.findings) {
    const findingId = newId();
    await trx
      .insertInto('supplier_findings')
      .values({
        id: findingId,
        audit_id: auditId,
        organization_id: leadId,
        question_id: f.questionId,
        title: f.title,
        description: f.description,
        severity: f.severity,
        root_cause: f.rootCause,
        status: 'closed',
        due_on: addDays(day(-135), scene.audit.fixDeadlineDays),
        closed_at: instant(-60, 15),
        created_at: instant(-134),
        updated_at: instant(-60, 15),
      })
      .execute();
    await trx
      .insertInto('supplier_remediation_steps')
      .values(
        f.steps.map(([description, dueOffset, doneOffset]) => ({
          id: newId(),
          finding_id: findingId,
          description,
          due_on: day(dueOffset),
          status: 'done' as const,
          done_at: instant(doneOffset, 11),
          created_at: instant(-128),
        })),
      )
      .execute();
  }
  await trx
    .insertInto('supplier_audit_costs')
    .values(
      reviewedAudit.costs.map(([label, amountCents, offset]) => ({
        id: newId(),
        audit_id: auditId,
        label,
        amount_cents: amountCents,
        incurred_on: day(offset),
        created_at: instant(offset, 17),
      })),
    )
    .execute();
}

/**
 * What opening an audit does for the provider's side (portal-accounts.ts), without its audit-log
 * entries (the demo writes none beyond its own): the provider's organization, the demo's one of
 * that name when it exists, and for each contact an account holding provider_contact there.
 */
async function portalContacts(trx: Trx, supplierId: string, name: string, now: string): Promise<string[]> {
  const known = await trx
    .selectFrom('organizations')
    .select('id')
    .where('kind', '=', 'provider')
    .where('name', '=', name)
    .executeTakeFirst();
  const orgId = known?.id ?? newId();
  if (!known)
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name,
        short_name: null,
        kind: 'provider',
        siret: null,
        city: null,
        search_text: searchKey(name),
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await trx.updateTable('suppliers').set({ provider_organization_id: orgId }).where('id', '=', supplierId).execute();
  const accounts: string[] = [];
  for (const c of await trx.selectFrom('supplier_contacts').selectAll().where('supplier_id', '=', supplierId).orderBy('name').execute()) {
    const accountId =
      (await findAccountByEmail(trx, c.email))?.id ??
      (await provisionAccount(trx, { email: c.email, displayName: c.name, personId: null }));
    await trx.updateTable('supplier_contacts').set({ account_id: accountId }).where('id', '=', c.id).execute();
    await trx
      .insertInto('role_grants')
      .values({
        id: newId(),
        account_id: accountId,
        role: 'provider_contact',
        scope_kind: 'organization',
        scope_id: orgId,
        granted_by: null,
        created_at: now,
      })
      .execute();
    accounts.push(accountId);
  }
  return accounts;
}
