import type { Transaction } from 'kysely';
import { toJson } from '../server/db/dialect.js';
import type { DbHandle } from '../server/db/index.js';
import type { Database } from '../server/db/schema.js';
import { ActionsFeed } from '../server/modules/actions/feed.js';
import { type Answers, type DiagnosticVersion, questionsIn, visibleQuestions } from '../server/modules/maturity/answers.js';
import { recommend } from '../server/modules/maturity/recommend.js';
import type { Question, Referential } from '../server/modules/maturity/referential.js';
import { ReferentialStore, syncReferential } from '../server/modules/maturity/referential-store.js';
import { score } from '../server/modules/maturity/scoring.js';
import { seedStarterLibrary } from '../server/modules/territory/library-starter.js';
import { AuditLog } from '../server/platform/audit-log/audit-log.js';
import { FixedClock } from '../server/platform/clock.js';
import { newId } from '../server/platform/ids.js';
import { demoSystemActor, seededRandom } from './demo.js';

const DAY = 86_400_000;

// Where each demo member stands (0..1): the lead CHU ahead, the EHPAD and the GP practice without a
// diagnostic yet, so the coordinator's journeys (JOURNEYS.md 4 and 5) have something to find.
const levelByKind: Record<string, number | null> = {
  chu: 0.75,
  ch: 0.55,
  private_clinic: 0.45,
  psychiatric_hospital: 0.5,
  ehpad: null,
  lab: 0.6,
  pharmacy: 0.4,
  gp_practice: null,
  nurses_practice: 0.35,
};
const practices = new Set(['gp_practice', 'pharmacy', 'lab', 'nurses_practice']);

/**
 * The territories' side of the demo: two completed diagnostics per member (eight months apart, so
 * trends show), actions from the lead's first recommendations, a mentor of the lead CHU paired with
 * the clinic, and the starter library in each territory. Deterministic; a second run adds nothing.
 */
export async function seedDemoTerritory(dbh: DbHandle, nowDate: Date): Promise<{ diagnostics: number }> {
  const now = nowDate.toISOString();
  await syncReferential(dbh.db, now);
  if (await dbh.db.selectFrom('maturity_diagnostics').select('id').limit(1).executeTakeFirst()) return { diagnostics: 0 };
  const { versionId, ref } = await new ReferentialStore().current(dbh.db);
  const members = await dbh.db
    .selectFrom('territory_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['o.id', 'o.kind', 'm.is_lead', 't.id as territory_id', 't.kind as territory_kind'])
    .orderBy('o.name')
    .execute();
  const audit = new AuditLog(dbh.dialect, new FixedClock(nowDate));
  const feed = new ActionsFeed({ audit, clock: new FixedClock(nowDate) });
  const rnd = seededRandom(20261129);
  let diagnostics = 0;
  await dbh.db.transaction().execute(async (trx) => {
    const done = new Set<string>();
    for (const m of members) {
      const level = levelByKind[m.kind];
      if (level === undefined || level === null || done.has(m.id)) continue;
      done.add(m.id);
      const variant: DiagnosticVersion = practices.has(m.kind) ? 'short' : 'full';
      for (const [monthsAgo, lvl] of [
        [8, level - 0.15],
        [1, level],
      ] as const) {
        const at = new Date(nowDate.getTime() - monthsAgo * 30 * DAY).toISOString();
        const answers = answersAt(ref, variant, lvl, rnd);
        const report = score(ref, answers, variant);
        const id = newId();
        await trx
          .insertInto('maturity_diagnostics')
          .values({
            id,
            organization_id: m.id,
            referential_version_id: versionId,
            variant,
            status: 'completed',
            answers: toJson(answers),
            provenance: toJson({}),
            scores: toJson(report),
            overall: report.overall,
            started_by: null,
            created_at: at,
            updated_at: at,
            completed_at: at,
          })
          .execute();
        diagnostics++;
        // The lead's latest diagnostic already fed its action plan: its first three priorities.
        if (monthsAgo === 1 && m.is_lead === 1 && m.territory_kind === 'ght') {
          for (const rec of recommend(ref, answers, variant).slice(0, 3)) {
            await feed.upsertFromSource(
              trx,
              {
                organizationId: m.id,
                sourceKind: 'diagnostic',
                sourceId: `${id}:${rec.id}`,
                title: rec.title.fr,
                description: [rec.why.fr, ...rec.how.map((step, i) => `${i + 1}. ${step.fr}`)].join('\n'),
                sourceLabel: `Diagnostic de maturité du ${at.slice(0, 10)}`,
                sourceLink: `/maturity/diagnostics/${id}`,
                dueOn: new Date(nowDate.getTime() + 60 * DAY).toISOString().slice(0, 10),
                priority: rec.priorityLevel === 1 ? 'critical' : 'high',
              },
              demoSystemActor,
            );
          }
        }
      }
    }
    await pairMentor(trx, members, nowDate);
  });
  const deps = { db: dbh.db, dbh, audit, clock: new FixedClock(nowDate) };
  for (const t of new Set(members.map((m) => m.territory_id))) await seedStarterLibrary(deps, t, { languages: ['fr', 'en'] });
  return { diagnostics };
}

/** Answers that score about `level`: each asked question gets the option closest to it (nested ones included). */
function answersAt(ref: Referential, variant: DiagnosticVersion, level: number, rnd: () => number): Answers {
  const answers: Answers = {};
  for (const q of questionsIn(ref, variant)) {
    if (!visibleQuestions(ref, answers, variant).has(q.id)) continue;
    const target = Math.min(1, Math.max(0, level + (rnd() - 0.5) * 0.5));
    answers[q.id] = pick(q, target);
  }
  return answers;
}

function pick(q: Question, target: number): string | string[] {
  const closest = [...q.options].sort((a, b) => Math.abs(a.score - target) - Math.abs(b.score - target))[0]!;
  if (q.type === 'single') return closest.id;
  // Multiple choice: the best options until their scores reach the target, or "none" when it is low.
  const chosen: string[] = [];
  let sum = 0;
  for (const o of [...q.options].filter((o) => o.score > 0).sort((a, b) => b.score - a.score)) {
    if (sum >= target) break;
    chosen.push(o.id);
    sum += o.score;
  }
  return chosen.length > 0 ? chosen : [q.options.find((o) => o.score === 0)?.id ?? closest.id];
}

/** The lead CHU's security officer mentors the clinic of the GHT, with two goals and a first session. */
async function pairMentor(
  trx: Transaction<Database>,
  members: Array<{ id: string; kind: string; is_lead: number; territory_id: string; territory_kind: string }>,
  nowDate: Date,
): Promise<void> {
  const lead = members.find((m) => m.territory_kind === 'ght' && m.is_lead === 1);
  const clinic = members.find((m) => m.territory_kind === 'ght' && m.kind === 'private_clinic');
  if (!lead || !clinic) return;
  const coordinator = await trx
    .selectFrom('role_grants')
    .select('account_id')
    .where('role', '=', 'territory_coordinator')
    .where('scope_id', '=', lead.territory_id)
    .executeTakeFirst();
  if (!coordinator) return;
  const at = nowDate.toISOString();
  const started = new Date(nowDate.getTime() - 45 * DAY);
  const mentorId = newId();
  await trx
    .insertInto('mentors')
    .values({
      id: mentorId,
      territory_id: lead.territory_id,
      account_id: coordinator.account_id,
      organization_id: lead.id,
      capacity: 3,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const pairingId = newId();
  await trx
    .insertInto('mentoring_pairings')
    .values({
      id: pairingId,
      territory_id: lead.territory_id,
      mentor_id: mentorId,
      organization_id: clinic.id,
      started_at: started.toISOString(),
      ended_at: null,
      end_note: null,
      created_by: coordinator.account_id,
      updated_at: at,
    })
    .execute();
  const goals = [
    ['Sauvegardes : une copie hors ligne et un test de restauration avant l’été', 'in_progress'],
    ['Double authentification sur la messagerie de la direction', 'planned'],
  ] as const;
  for (const [text, status] of goals) {
    await trx
      .insertInto('mentoring_goals')
      .values({ id: newId(), pairing_id: pairingId, organization_id: clinic.id, text, status, created_at: at, updated_at: at })
      .execute();
  }
  await trx
    .insertInto('mentoring_sessions')
    .values({
      id: newId(),
      pairing_id: pairingId,
      organization_id: clinic.id,
      held_on: new Date(started.getTime() + 7 * DAY).toISOString().slice(0, 10),
      duration_minutes: 60,
      notes: 'Tour des sauvegardes avec le prestataire informatique : la copie externe reste branchée en permanence.',
      next_steps: 'Acheter deux disques, instaurer la rotation hebdomadaire, planifier un test de restauration.',
      created_by: coordinator.account_id,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
