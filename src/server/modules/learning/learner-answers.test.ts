import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { orgAdmin } from '../identity/test-kit.js';
import type { PlayerState } from './learner-schema.js';

/** Eight two-choice questions; `right` is the index of the right choice in each. */
const questions = (right: number, why: string) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
    id: `q${i}`,
    level: 1,
    prompt: `Un courriel demande votre code d’accès (cas ${i}) : que faites-vous ?`,
    choices: ['Je le signale', 'Je réponds'].map((text, c) => ({ text, correct: c === right, explanation: why })),
  }));
const moduleInput = (title: string, right: number, why: string) => ({
  audience: 'staff',
  level: 1,
  topic: 'local-rules',
  roleFamilies: [],
  threatTags: [],
  durationMinutes: 3,
  status: 'published',
  texts: { fr: { title, summary: 'Nos règles.', screens: [{ title: 'Écran', body: 'Texte.' }], questions: questions(right, why) } },
});

describe('learner answers', () => {
  // A fixed clock: the edit below keeps the module's updated_at, only its version tells it apart.
  const clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('answers with the attempt’s progress only, checked against the module as edited meanwhile', async () => {
    const db = t.dbh.db;
    const org = (await makeOrg(db)).id;
    const admin = (await orgAdmin(t, org)).client;
    const base = `/api/orgs/${org}/learning/modules`;
    const created = await admin.post(base, moduleInput('Règles du service', 0, 'Première version.'));
    expect(created.statusCode).toBe(201);
    const moduleId = created.json().id as string;
    const person = await makePerson(db, org);
    const me = await clientFor(t, (await makeAccount(db, { personId: person.id })).id);
    const assignmentId = newId();
    await db
      .insertInto('learning_assignments')
      .values({
        id: assignmentId,
        organization_id: org,
        person_id: person.id,
        module_id: moduleId,
        curriculum_id: null,
        rule_id: null,
        source: 'manual',
        cycle: '',
        status: 'assigned',
        assigned_at: clock.now().toISOString(),
        due_at: null,
        completed_at: null,
        attempts: 0,
        first_score: null,
        last_score: null,
        best_score: null,
        reminder_sent_at: null,
        escalated_at: null,
      })
      .execute();
    const attempt = (await me.post(`/api/learning/me/assignments/${assignmentId}/attempts`)).json().attempt as PlayerState['attempt'];
    const [first, second] = attempt!.questions.map((q) => q.id);
    const answer = (questionId: string, choiceIndex: number) =>
      me.post(`/api/learning/me/attempts/${attempt!.id}/answers`, { questionId, choiceIndex, kind: 'quiz' });

    const res = (await answer(first!, 0)).json();
    expect(res).toMatchObject({ correct: true, choices: [{ correct: true, explanation: 'Première version.' }, { correct: false }] });
    expect(res.attempt).toEqual({
      id: attempt!.id,
      number: 1,
      phase: 'quiz',
      screen: 0,
      answered: 1,
      correct: 1,
      score: null,
      relearn: [],
    });
    expect((await me.get('/api/learning/me')).json().assignments[0].title).toBe('Règles du service');

    // The module was served (and kept parsed) above; the edit must show at once.
    const edited = await admin.put(`${base}/${moduleId}`, moduleInput('Règles du service (2e édition)', 1, 'Seconde version.'));
    expect(edited.statusCode).toBe(200);
    const after = (await answer(second!, 0)).json();
    expect(after).toMatchObject({ correct: false, choices: [{ correct: false, explanation: 'Seconde version.' }, { correct: true }] });
    expect(after.attempt).toMatchObject({ answered: 2, correct: 1 });
    expect((await me.get('/api/learning/me')).json().assignments[0].title).toBe('Règles du service (2e édition)');
    const state: PlayerState = (await me.get(`/api/learning/me/assignments/${assignmentId}`)).json();
    expect(state.attempt!.answers.map((a) => [a.questionId, a.correct, a.choices[1]!.correct])).toEqual([
      [first, true, true],
      [second, false, true],
    ]);
    // A replay is refused by the database (no read of the answers first) and changes nothing.
    expect((await answer(second!, 1)).json().error.code).toBe('already_answered');
    const row = await db.selectFrom('learning_attempts').select(['answered', 'correct']).where('id', '=', attempt!.id).executeTakeFirst();
    expect(row).toEqual({ answered: 2, correct: 1 });
  });
});
