import type { Transaction } from 'kysely';
import { fromJson } from '../server/db/dialect.js';
import type { DbHandle } from '../server/db/index.js';
import type { Database } from '../server/db/schema.js';
import { DEFAULT_ONBOARDING, DEFAULT_REFRESHER, syncCatalogue } from '../server/modules/learning/catalogue-sync.js';
import { countMastery, recountAfterAssignments } from '../server/modules/learning/counters.js';
import { addDays, enrolRule } from '../server/modules/learning/enrolment.js';
import type { LearningAssignmentsTable, LearningRulesTable } from '../server/modules/learning/tables.js';
import { newId, randomToken } from '../server/platform/ids.js';

/** Organizations of the demo whose staff already follow the onboarding path (by short name). */
const TRAINED = ['CHU Rivemont', 'CH Bréval', 'Clinique Val Fleuri'];
/** The demo learner keeps their modules to do, so the learner journey has something to show. */
const UNTOUCHED_EMAILS = ['lucas.hamel@chu-rivemont.demo'];
const DAY = 86_400_000;

/**
 * Ninety days of invented learning history for the demo: the onboarding path assigned by a rule
 * in three establishments, most of it done with scores that improve between attempts, topic
 * mastery, daily trends, a yearly refresher rule for nurses, and the CHU's patient page.
 * Deterministic (seeded), so two fresh demos show the same figures.
 */
export async function seedDemoLearning(
  dbh: DbHandle,
  contentDir: string,
  rnd: () => number,
  nowDate: Date,
): Promise<{ assignments: number; publicSlug: string | null }> {
  const now = nowDate.toISOString();
  await syncCatalogue(dbh.db, contentDir, now);
  const curriculum = await dbh.db.selectFrom('learning_curricula').selectAll().where('id', '=', DEFAULT_ONBOARDING).executeTakeFirst();
  if (!curriculum) return { assignments: 0, publicSlug: null };
  const moduleIds = fromJson<string[]>(curriculum.module_ids, []);
  const modules = await dbh.db
    .selectFrom('learning_modules')
    .select(['id', 'role_families', 'topic'])
    .where('id', 'in', moduleIds)
    .execute();
  const orgs = await dbh.db.selectFrom('organizations').select(['id', 'short_name']).where('short_name', 'in', TRAINED).execute();
  let total = 0;
  let publicSlug: string | null = null;
  await dbh.db.transaction().execute(async (trx) => {
    for (const org of orgs) {
      const people = await trx
        .selectFrom('people')
        .select(['id', 'email', 'role_family'])
        .where('organization_id', '=', org.id)
        .where('active', '=', 1)
        .execute();
      const ruleAt = new Date(nowDate.getTime() - 90 * DAY);
      const rule: LearningRulesTable = {
        id: newId(),
        organization_id: org.id,
        territory_id: null,
        curriculum_id: DEFAULT_ONBOARDING,
        role_families: '[]',
        services: '[]',
        sites: '[]',
        organization_ids: '[]',
        due_days: 30,
        active: 1,
        created_by: null,
        created_at: ruleAt.toISOString(),
        updated_at: ruleAt.toISOString(),
      };
      await trx.insertInto('learning_rules').values(rule).execute();
      const rows: LearningAssignmentsTable[] = [];
      const mastery = new Map<string, { personId: string; topic: string; score: number; answers: number; correct: number }>();
      for (const p of people) {
        const untouched = UNTOUCHED_EMAILS.includes(p.email);
        for (const m of modules) {
          const families = fromJson<string[]>(m.role_families, []);
          if (families.length > 0 && !families.includes(p.role_family)) continue;
          const assignedAt = new Date(ruleAt.getTime() + Math.floor(rnd() * 20) * DAY);
          const dueAt = new Date(assignedAt.getTime() + 30 * DAY);
          const roll = untouched ? 1 : rnd();
          const row: LearningAssignmentsTable = {
            id: newId(),
            organization_id: org.id,
            person_id: p.id,
            module_id: m.id,
            curriculum_id: DEFAULT_ONBOARDING,
            rule_id: rule.id,
            source: 'rule',
            cycle: '',
            status: 'assigned',
            assigned_at: assignedAt.toISOString(),
            due_at: untouched ? addDays(nowDate, 5 + rows.length) : dueAt.toISOString(),
            completed_at: null,
            attempts: 0,
            first_score: null,
            last_score: null,
            best_score: null,
            reminder_sent_at: null,
            escalated_at: null,
          };
          if (roll < 0.72) {
            // Completed, sometimes at the second attempt with a better score.
            const first = 45 + Math.round(rnd() * 50);
            const second = first >= 70 ? first : Math.min(100, first + 15 + Math.round(rnd() * 25));
            const doneAt = new Date(Math.min(nowDate.getTime() - DAY, assignedAt.getTime() + Math.floor(rnd() * 40) * DAY));
            Object.assign(row, {
              status: 'completed',
              attempts: first >= 70 ? 1 : 2,
              first_score: first,
              last_score: second,
              best_score: Math.max(first, second),
              completed_at: doneAt.toISOString(),
            });
            const key = `${p.id}:${m.topic}`;
            mastery.set(key, {
              personId: p.id,
              topic: m.topic,
              score: second / 100,
              answers: row.attempts * 8,
              correct: Math.round(((first + second) / 200) * row.attempts * 8),
            });
          } else if (roll < 0.82) {
            Object.assign(row, { status: 'in_progress' });
          }
          // The territory has been running for months: the reminders and escalations of past due
          // dates went out then. Left unsent, the first job run would mail thousands of people at
          // once (and print every email in the demo's console).
          if (row.status !== 'completed' && !untouched) {
            const remindAt = dueAt.getTime() - 3 * DAY;
            if (remindAt <= nowDate.getTime()) row.reminder_sent_at = new Date(Math.max(remindAt, assignedAt.getTime())).toISOString();
            if (dueAt.getTime() + DAY <= nowDate.getTime()) row.escalated_at = new Date(dueAt.getTime() + DAY).toISOString();
          }
          rows.push(row);
        }
      }
      for (let i = 0; i < rows.length; i += 400)
        await trx
          .insertInto('learning_assignments')
          .values(rows.slice(i, i + 400))
          .execute();
      await writeHistory(trx, org.id, rows, [...mastery.values()], now);
      await recountAfterAssignments(
        trx,
        org.id,
        people.map((p) => p.id),
        null,
        now,
      );
      total += rows.length;

      const refresher: LearningRulesTable = {
        ...rule,
        id: newId(),
        curriculum_id: DEFAULT_REFRESHER,
        role_families: JSON.stringify(['nurses_care_assistants']),
        due_days: 60,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('learning_rules').values(refresher).execute();
      total += (await enrolRule(trx, dbh.dialect, refresher, nowDate)).length;
      if (org.short_name === 'CHU Rivemont') {
        publicSlug = randomToken(12);
        await trx
          .insertInto('learning_public_pages')
          .values({ organization_id: org.id, slug: publicSlug, enabled: 1, created_at: now, updated_at: now })
          .execute();
      }
    }
  });
  return { assignments: total, publicSlug };
}

async function writeHistory(
  trx: Transaction<Database>,
  orgId: string,
  rows: LearningAssignmentsTable[],
  mastery: Array<{ personId: string; topic: string; score: number; answers: number; correct: number }>,
  now: string,
): Promise<void> {
  const daily = new Map<string, { completions: number; score_sum: number; answers: number; correct: number }>();
  for (const r of rows) {
    if (r.status !== 'completed' || !r.completed_at) continue;
    const day = r.completed_at.slice(0, 10);
    const d = daily.get(day) ?? { completions: 0, score_sum: 0, answers: 0, correct: 0 };
    d.completions += 1;
    d.score_sum += r.last_score ?? 0;
    d.answers += r.attempts * 8;
    d.correct += Math.round((((r.first_score ?? 0) + (r.last_score ?? 0)) / 200) * r.attempts * 8);
    daily.set(day, d);
  }
  const dailyRows = [...daily].map(([day, d]) => ({ organization_id: orgId, day, ...d }));
  for (let i = 0; i < dailyRows.length; i += 400)
    await trx
      .insertInto('learning_daily')
      .values(dailyRows.slice(i, i + 400))
      .execute();
  const masteryRows = mastery.map((m) => ({
    person_id: m.personId,
    topic: m.topic,
    organization_id: orgId,
    score: m.score,
    level: m.score >= 0.8 ? 3 : m.score >= 0.5 ? 2 : 1,
    answers: m.answers,
    correct: m.correct,
    mastered: m.score >= 0.8 && m.answers >= 5 ? (1 as const) : (0 as const),
    updated_at: now,
  }));
  for (let i = 0; i < masteryRows.length; i += 400)
    await trx
      .insertInto('learning_mastery')
      .values(masteryRows.slice(i, i + 400))
      .execute();
  // The same figures countMastery keeps, summed here in one pass: one upsert per topic.
  const topics = new Map<string, { learners: number; mastered: number; score: number }>();
  for (const m of masteryRows) {
    const t = topics.get(m.topic) ?? { learners: 0, mastered: 0, score: 0 };
    t.learners += 1;
    t.mastered += m.mastered;
    t.score += m.score;
    topics.set(m.topic, t);
  }
  for (const [topic, t] of topics) {
    await countMastery(trx, orgId, topic, null, { mastered: false, score: t.score });
    await trx
      .updateTable('learning_topic_stats')
      .set({ learners: t.learners, mastered: t.mastered })
      .where('organization_id', '=', orgId)
      .where('topic', '=', topic)
      .execute();
  }
}
