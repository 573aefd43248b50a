import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { fromJson } from '../../db/dialect.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditOf } from '../identity/test-kit.js';
import type { Question } from './content-schema.js';
import type { AttemptState, PlayerState } from './learner-schema.js';

const MODULE = 'phishing-health-staff';
const DAY = 86_400_000;

describe('learner player', () => {
  const clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
  let t: TestApp;
  let bank: Map<string, Question>;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
    const row = await t.dbh.db
      .selectFrom('learning_module_texts')
      .select('questions')
      .where('module_id', '=', MODULE)
      .where('language', '=', 'fr')
      .executeTakeFirstOrThrow();
    bank = new Map(fromJson<Question[]>(row.questions, []).map((q) => [q.id, q]));
  });
  afterAll(async () => t.close());

  const right = (id: string) => bank.get(id)!.choices.findIndex((c) => c.correct);
  const wrong = (id: string) => bank.get(id)!.choices.findIndex((c) => !c.correct);
  const now = () => clock.now().toISOString();

  /** A person with an account and the module assigned (as a rule or an admin would). */
  async function learner(orgId?: string) {
    const db = t.dbh.db;
    const org = orgId ?? (await makeOrg(db)).id;
    const person = await makePerson(db, org, { firstName: 'Hélène', lastName: 'Leroux' });
    const account = await makeAccount(db, { personId: person.id });
    const assignmentId = newId();
    const unset = { curriculum_id: null, rule_id: null, completed_at: null, reminder_sent_at: null, escalated_at: null };
    const scores = { attempts: 0, first_score: null, last_score: null, best_score: null };
    const dueAt = new Date(clock.now().getTime() + 30 * DAY).toISOString();
    const row = { id: assignmentId, organization_id: org, person_id: person.id, module_id: MODULE, source: 'manual' as const, cycle: '' };
    await db
      .insertInto('learning_assignments')
      .values({ ...row, ...unset, ...scores, status: 'assigned', assigned_at: now(), due_at: dueAt })
      .execute();
    return { orgId: org, personId: person.id, accountId: account.id, client: await clientFor(t, account.id), assignmentId };
  }

  async function start(c: Client, assignmentId: string): Promise<AttemptState> {
    const res = await c.post(`/api/learning/me/assignments/${assignmentId}/attempts`);
    expect(res.statusCode).toBe(200);
    return (res.json() as PlayerState).attempt!;
  }

  const answer = (c: Client, attemptId: string, questionId: string, choiceIndex: number, kind = 'quiz') =>
    c.post(`/api/learning/me/attempts/${attemptId}/answers`, { questionId, choiceIndex, kind });

  it('takes a learner through lesson, quiz and finish to a completed module with a certificate', async () => {
    const me = await learner();
    const home = (await me.client.get('/api/learning/me')).json();
    expect(home.totals).toEqual({ assigned: 1, completed: 0, overdue: 0 });
    expect(home.assignments[0]).toMatchObject({ id: me.assignmentId, moduleId: MODULE, status: 'assigned', progress: { phase: null } });

    const attempt = await start(me.client, me.assignmentId);
    expect(attempt).toMatchObject({ number: 1, phase: 'lesson', screen: 0, answered: 0 });
    expect(attempt.questions).toHaveLength(8);
    expect(JSON.stringify(attempt.questions)).not.toContain('correct');
    // Idempotent: starting again returns the open attempt.
    expect((await start(me.client, me.assignmentId)).id).toBe(attempt.id);

    const moved = await me.client.patch(`/api/learning/me/attempts/${attempt.id}`, { screen: 1 });
    expect(moved.json().attempt).toMatchObject({ screen: 1, phase: 'lesson' });
    await me.client.patch(`/api/learning/me/attempts/${attempt.id}`, { phase: 'quiz' });
    const cert = `/api/learning/me/assignments/${me.assignmentId}/certificate.pdf`;
    expect((await me.client.get(cert)).json().error.code).toBe('not_completed');

    for (const q of attempt.questions) {
      const res = await answer(me.client, attempt.id, q.id, right(q.id));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ correct: true });
      expect(res.json().choices[right(q.id)]).toMatchObject({ correct: true });
    }
    const finished = await me.client.post(`/api/learning/me/attempts/${attempt.id}/finish`);
    expect(finished.statusCode).toBe(200);
    expect(finished.json()).toMatchObject({ score: 100, passed: true, reviews: [], assignment: { status: 'completed', bestScore: 100 } });

    const a = await t.dbh.db.selectFrom('learning_assignments').selectAll().where('id', '=', me.assignmentId).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ status: 'completed', attempts: 1, completed_at: now() });
    expect([a.first_score, a.last_score, a.best_score].map(Number)).toEqual([100, 100, 100]);
    const stats = await t.dbh.db
      .selectFrom('learning_person_stats')
      .selectAll()
      .where('person_id', '=', me.personId)
      .executeTakeFirstOrThrow();
    expect(stats).toMatchObject({ assigned: 1, completed: 1, scored: 1 });
    const daily = await t.dbh.db.selectFrom('learning_daily').selectAll().where('organization_id', '=', me.orgId).executeTakeFirstOrThrow();
    expect(daily).toMatchObject({ completions: 1, answers: 8, correct: 8 });
    expect((await auditOf(t, me.assignmentId)).map((e) => e.action)).toEqual(['assignment.completed']);
    expect((await auditOf(t, attempt.id)).map((e) => e.action)).toEqual(['attempt.finished']);

    const pdf = await me.client.get(cert);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const en = await me.client.request({ method: 'GET', url: cert, cookies: { rempart_locale: 'en' } });
    expect(en.headers['content-disposition']).toContain(`certificate-${MODULE}.pdf`);
    expect((await me.client.get('/api/learning/me')).json().totals).toEqual({ assigned: 1, completed: 1, overdue: 0 });
  });

  it('schedules a missed question for review: back in 3 days, mastered after three right answers in a row', async () => {
    const me = await learner();
    const attempt = await start(me.client, me.assignmentId);
    const [missed, ...rest] = attempt.questions.map((q) => q.id);
    expect((await answer(me.client, attempt.id, missed!, wrong(missed!))).json().correct).toBe(false);
    let last: AttemptState | undefined;
    for (const id of rest) last = (await answer(me.client, attempt.id, id, right(id))).json().attempt;
    expect(last).toMatchObject({ phase: 'relearn', relearn: [missed], answered: 8, correct: 7 });
    // A relearning answer does not count in the quiz score.
    expect((await answer(me.client, attempt.id, missed!, right(missed!), 'relearn')).json().attempt).toMatchObject({ correct: 7 });
    const finished = (await me.client.post(`/api/learning/me/attempts/${attempt.id}/finish`)).json();
    const inThree = new Date(clock.now().getTime() + 3 * DAY).toISOString();
    expect(finished).toMatchObject({ score: 87.5, passed: true, reviews: [{ questionId: missed, dueAt: inThree }] });
    expect((await me.client.get('/api/learning/me/reviews')).json()).toMatchObject({ due: [], upcoming: [{ questionId: missed }] });

    const review = { moduleId: MODULE, questionId: missed, choiceIndex: right(missed!) };
    expect((await me.client.post('/api/learning/me/reviews/answers', review)).json().error.code).toBe('review_not_due');
    for (const [wait, box, mastered] of [
      [3, 2, false],
      [7, 3, false],
      [21, 4, true],
    ] as const) {
      clock.advance(wait * DAY);
      const c = await clientFor(t, me.accountId);
      const home = (await c.get('/api/learning/me')).json();
      expect(home.reviews.due).toBe(1);
      expect((await c.get('/api/learning/me/reviews')).json().due).toMatchObject([{ moduleId: MODULE, questionId: missed }]);
      const res = (await c.post('/api/learning/me/reviews/answers', review)).json();
      expect(res).toMatchObject({ correct: true, mastered });
      const row = await t.dbh.db
        .selectFrom('learning_reviews')
        .selectAll()
        .where('person_id', '=', me.personId)
        .where('question_id', '=', missed!)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ box, lapses: 1, mastered: mastered ? 1 : 0 });
      if (!mastered) expect(res.nextDueAt).toBe(row.due_at);
      else expect(res.nextDueAt).toBeNull();
    }
    const c = await clientFor(t, me.accountId);
    expect((await c.get('/api/learning/me/reviews')).json()).toEqual({ due: [], upcoming: [] });
    expect((await c.post('/api/learning/me/reviews/answers', review)).statusCode).toBe(404);
  });

  it('serves harder questions to a learner who masters the topic', async () => {
    const org = (await makeOrg(t.dbh.db)).id;
    const novice = await learner(org);
    const expert = await learner(org);
    await t.dbh.db
      .insertInto('learning_mastery')
      .values({
        person_id: expert.personId,
        topic: MODULE,
        organization_id: org,
        score: 0.9,
        level: 3,
        answers: 20,
        correct: 18,
        mastered: 1,
        updated_at: now(),
      })
      .execute();
    const mean = (a: AttemptState) => a.questions.reduce((s, q) => s + bank.get(q.id)!.level, 0) / a.questions.length;
    const easy = await start(novice.client, novice.assignmentId);
    const hard = await start(expert.client, expert.assignmentId);
    expect(mean(hard)).toBeGreaterThan(mean(easy));
    expect(bank.get(easy.questions[0]!.id)!.level).toBe(1);
    expect(bank.get(hard.questions[0]!.id)!.level).toBe(3);
  });

  it('refuses bad input with the field named, and a replay changes nothing', async () => {
    const me = await learner();
    const other = await learner(me.orgId);
    const attempt = await start(me.client, me.assignmentId);
    const theirs = await start(other.client, other.assignmentId);
    expect((await me.client.get(`/api/learning/me/assignments/${other.assignmentId}`)).statusCode).toBe(404);
    expect((await me.client.post(`/api/learning/me/assignments/${other.assignmentId}/attempts`)).statusCode).toBe(404);
    expect((await answer(me.client, theirs.id, theirs.questions[0]!.id, 0)).statusCode).toBe(404);
    expect((await me.client.get(`/api/learning/me/assignments/${other.assignmentId}/certificate.pdf`)).statusCode).toBe(404);

    const q = attempt.questions[0]!.id;
    const bad = await answer(me.client, attempt.id, q, 99);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_choice', field: 'choiceIndex' });
    const notInAttempt = [...bank.keys()].find((id) => !attempt.questions.some((x) => x.id === id))!;
    expect((await answer(me.client, attempt.id, notInAttempt, 0)).json().error).toMatchObject({ field: 'questionId' });
    expect((await answer(me.client, attempt.id, q, 0, 'relearn')).json().error).toMatchObject({ field: 'questionId' });
    expect((await answer(me.client, attempt.id, q, 0, 'guess')).statusCode).toBe(400);
    expect((await me.client.patch(`/api/learning/me/attempts/${attempt.id}`, { screen: 99 })).json().error).toMatchObject({
      field: 'screen',
    });

    expect((await answer(me.client, attempt.id, q, right(q))).statusCode).toBe(200);
    const counters = async () => ({
      attempt: await t.dbh.db
        .selectFrom('learning_attempts')
        .select(['answered', 'correct'])
        .where('id', '=', attempt.id)
        .executeTakeFirst(),
      mastery: await t.dbh.db
        .selectFrom('learning_mastery')
        .select(['answers', 'score'])
        .where('person_id', '=', me.personId)
        .executeTakeFirst(),
      daily: await t.dbh.db
        .selectFrom('learning_daily')
        .select(['answers', 'correct'])
        .where('organization_id', '=', me.orgId)
        .executeTakeFirst(),
    });
    const before = await counters();
    expect(before.attempt).toEqual({ answered: 1, correct: 1 });
    const replay = await answer(me.client, attempt.id, q, wrong(q));
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('already_answered');
    expect(await counters()).toEqual(before);

    const early = await me.client.post(`/api/learning/me/attempts/${attempt.id}/finish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('quiz_incomplete');
    for (const x of attempt.questions.slice(1)) await answer(me.client, attempt.id, x.id, wrong(x.id));
    const failed = (await me.client.post(`/api/learning/me/attempts/${attempt.id}/finish`)).json();
    expect(failed).toMatchObject({ score: 12.5, passed: false, assignment: { status: 'in_progress' } });
    expect((await answer(me.client, attempt.id, q, 0, 'relearn')).json().error.code).toBe('attempt_finished');
    expect((await me.client.post(`/api/learning/me/attempts/${attempt.id}/finish`)).json().error.code).toBe('attempt_finished');
    // A second attempt after failing, with the missed questions due for review later on.
    expect((await start(me.client, me.assignmentId)).number).toBe(2);
  });

  it('keeps progress across a restart: the learner resumes at the same screen and question', async () => {
    const me = await learner();
    const attempt = await start(me.client, me.assignmentId);
    await me.client.patch(`/api/learning/me/attempts/${attempt.id}`, { screen: 2 });
    await me.client.patch(`/api/learning/me/attempts/${attempt.id}`, { phase: 'quiz' });
    for (const q of attempt.questions.slice(0, 3)) await answer(me.client, attempt.id, q.id, right(q.id));

    const restarted = await makeTestApp({ dbh: t.dbh, clock });
    try {
      const c = await clientFor(restarted, me.accountId);
      const state: PlayerState = (await c.get(`/api/learning/me/assignments/${me.assignmentId}`)).json();
      expect(state.attempt).toMatchObject({ id: attempt.id, phase: 'quiz', screen: 2, answered: 3, correct: 3 });
      expect(state.attempt!.questions.map((q) => q.id)).toEqual(attempt.questions.map((q) => q.id));
      expect(state.attempt!.answers.map((a) => a.questionId)).toEqual(attempt.questions.slice(0, 3).map((q) => q.id));
      expect(state.assignment.progress).toMatchObject({ phase: 'quiz', screen: 2, answered: 3, questions: 8 });
      for (const q of attempt.questions.slice(3)) await answer(c, attempt.id, q.id, right(q.id));
      expect((await c.post(`/api/learning/me/attempts/${attempt.id}/finish`)).json()).toMatchObject({ passed: true });
    } finally {
      await restarted.app.close(); // the database handle stays open for the first app
    }
  });

  it('shows flash alerts until acknowledged, in the request language', async () => {
    const me = await learner();
    const other = await learner(me.orgId);
    const alertId = newId();
    const db = t.dbh.db;
    const scope = { scope_kind: 'organization' as const, scope_id: me.orgId, role_families: '[]', organization_ids: '[]' };
    const alert = { id: alertId, module_id: 'ransomware-first-hour', ...scope, recipients: 1, published_by: null, expires_at: null };
    await db
      .insertInto('learning_flash_alerts')
      .values({ ...alert, published_at: now() })
      .execute();
    await db
      .insertInto('learning_flash_receipts')
      .values({
        alert_id: alertId,
        person_id: me.personId,
        organization_id: me.orgId,
        emailed_at: null,
        email_error: null,
        acknowledged_at: null,
      })
      .execute();
    const fr = (await me.client.get('/api/learning/me/alerts')).json();
    const en = (await me.client.request({ method: 'GET', url: '/api/learning/me/alerts', cookies: { rempart_locale: 'en' } })).json();
    expect(fr).toMatchObject([{ id: alertId, moduleId: 'ransomware-first-hour', assignmentId: null }]);
    expect(fr[0].title).not.toBe(en[0].title);
    expect((await me.client.get('/api/learning/me')).json().alerts).toHaveLength(1);
    expect((await other.client.get('/api/learning/me/alerts')).json()).toEqual([]);
    expect((await other.client.post(`/api/learning/me/alerts/${alertId}/ack`)).statusCode).toBe(404);
    expect((await me.client.post(`/api/learning/me/alerts/${alertId}/ack`)).statusCode).toBe(204);
    expect((await me.client.post(`/api/learning/me/alerts/${alertId}/ack`)).statusCode).toBe(204);
    expect((await me.client.get('/api/learning/me/alerts')).json()).toEqual([]);
    expect((await auditOf(t, alertId)).map((e) => e.action)).toEqual(['flash_alert.acknowledged']);
  });

  it('gives an account without a person an empty space, and asks a TOTP user for the second factor', async () => {
    const bare = await makeAccount(t.dbh.db);
    const c = await clientFor(t, bare.id);
    expect((await c.get('/api/learning/me')).json()).toMatchObject({ assignments: [], totals: { assigned: 0 } });
    expect((await c.get(`/api/learning/me/assignments/${newId()}`)).statusCode).toBe(404);
    const me = await learner();
    await t.dbh.db.updateTable('accounts').set({ totp_enabled_at: now() }).where('id', '=', me.accountId).execute();
    const halfway = await clientFor(t, me.accountId, { mfa: false });
    const res = await halfway.get(`/api/learning/me/assignments/${me.assignmentId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('mfa_required');
  });
});
