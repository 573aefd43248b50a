import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf } from '../identity/test-kit.js';
import { staffMember } from './exercises-test-kit.js';
import { type PlayApp, playApp, territoryExercise } from './play-test-kit.js';

const MIN = 60_000;

describe('exercises: after the exercise (debriefs, lessons, evaluation, measured times, closing, report)', () => {
  const clock = new FixedClock(new Date('2026-11-29T09:00:00Z'));
  let p: PlayApp;
  beforeAll(async () => {
    p = await playApp(clock);
  });
  afterAll(async () => p.t.close());

  async function playedExercise() {
    const x = await territoryExercise(p.t);
    const observer = await staffMember(p.t, x.lead.id);
    await x.coord.client.post(`${x.one}/participants`, { accountId: observer.accountId, function: 'observer' });
    await x.coord.client.post(`${x.one}/play/start`);
    await p.play.scheduler.tick();
    const leadCell = `/api/me/exercises/${x.e.id}/cells/${x.leadCell}`;
    clock.advance(3 * MIN);
    expect(
      (await x.director.client.post(`${leadCell}/replies`, { stimulusId: x.code('s01'), text: 'Nous isolons le serveur.' })).statusCode,
    ).toBe(201);
    clock.advance(9 * MIN);
    await x.director.client.post(`${leadCell}/logbook`, { text: 'Appel passé à l’astreinte régionale', category: 'alert_ars' });
    clock.advance(8 * MIN);
    // The scenario's wording, typed without accents: still the milestone.
    await x.director.client.post(`${leadCell}/decisions`, { text: 'Décidé : CERT Sante est prevenu par le RSSI' });
    return { x, observer, leadCell };
  }

  it('refuses debriefs before the end; measures the milestones by the rule; keeps observers’ and animators’ ratings apart', async () => {
    const { x, observer, leadCell } = await playedExercise();
    const early = await x.director.client.put(`${leadCell}/debrief`, { wentWell: 'Alerte rapide', toImprove: 'Annuaire' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('exercise_not_ended');
    clock.advance(10 * MIN);
    expect((await x.coord.client.post(`${x.one}/play/end`)).statusCode).toBe(200);

    const objective = (x.e.objectives as Array<{ id: string }>)[0]?.id ?? '';
    expect((await observer.client.post(`/api/me/exercises/${x.e.id}/observations`, { objectiveId: objective, rating: 2 })).statusCode).toBe(
      201,
    );
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective, rating: 4 })).statusCode).toBe(201);

    const after = (await x.coord.client.get(`${x.one}/after`)).json();
    expect(after.status).toBe('ended');
    const time = (cellId: string, kind: string) =>
      after.times.find((t: { cellId: string; kind: string }) => t.cellId === cellId && t.kind === kind);
    expect(time(x.leadCell, 'detection')).toMatchObject({ minutes: 3, at: '2026-11-29T09:03:00.000Z' });
    expect(time(x.leadCell, 'alert_ars').minutes).toBe(12);
    expect(time(x.leadCell, 'alert_cert_sante').minutes).toBe(20);
    expect(time(x.leadCell, 'declaration')).toMatchObject({ minutes: null, at: null });
    expect(time(x.memberCell, 'detection').minutes).toBeNull();
    const evaluation = after.evaluations.find((e: { objectiveId: string }) => e.objectiveId === objective);
    expect(evaluation).toMatchObject({ observersRating: 2, animatorsRating: 4 });
  });

  it('leaves the pauses out of measured times: a pause before a milestone, one during it, one after', async () => {
    const x = await territoryExercise(p.t);
    await x.coord.client.post(`${x.one}/play/start`);
    await p.play.scheduler.tick();
    const leadCell = `/api/me/exercises/${x.e.id}/cells/${x.leadCell}`;
    clock.advance(2 * MIN);
    // A 15-minute pause (a real emergency on the ward) before the detection.
    expect((await x.coord.client.post(`${x.one}/play/pause`)).statusCode).toBe(200);
    clock.advance(15 * MIN);
    expect((await x.coord.client.post(`${x.one}/play/resume`)).statusCode).toBe(200);
    clock.advance(1 * MIN);
    await x.director.client.post(`${leadCell}/replies`, { stimulusId: x.code('s01'), text: 'Nous isolons le serveur.' });
    clock.advance(4 * MIN);
    // Paused again; the ARS alert is written during this pause, 5 minutes into it.
    await x.coord.client.post(`${x.one}/play/pause`);
    clock.advance(5 * MIN);
    await x.director.client.post(`${leadCell}/logbook`, { text: 'Appel passé à l’astreinte régionale', category: 'alert_ars' });
    clock.advance(5 * MIN);
    // Ended while paused: the pause is closed by the end.
    expect((await x.coord.client.post(`${x.one}/play/end`)).statusCode).toBe(200);

    const after = (await x.coord.client.get(`${x.one}/after`)).json();
    const time = (kind: string) => after.times.find((t: { cellId: string; kind: string }) => t.cellId === x.leadCell && t.kind === kind);
    // 2 + 1 played minutes; 18 on the wall clock.
    expect(time('detection').minutes).toBe(3);
    // 2 + 1 + 4 played minutes; up to the second pause's start.
    expect(time('alert_ars').minutes).toBe(7);
  });

  it('takes each cell’s hot debrief and the questionnaire (anonymous stores no account); closing turns lessons into actions', async () => {
    const { x, leadCell } = await playedExercise();
    await x.coord.client.post(`${x.one}/play/end`);
    const mine = await x.director.client.put(`${leadCell}/debrief`, { wentWell: 'Alerte rapide', toImprove: 'Annuaire de crise' });
    expect(mine.statusCode).toBe(204);
    // Another cell's debrief is not the nurse's to write.
    expect((await x.nurse.client.put(`${leadCell}/debrief`, { wentWell: 'x', toImprove: 'y' })).statusCode).toBe(404);
    const bad = await x.coord.client.put(`${x.one}/after/debriefs/${x.memberCell}`, { wentWell: '' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('wentWell');

    const anonymous = await x.nurse.client.post(`/api/me/exercises/${x.e.id}/lessons`, {
      lesson: 'Imprimer les procédures dégradées du laboratoire',
      realism: 4,
      anonymous: true,
    });
    expect(anonymous.statusCode).toBe(204);
    await x.director.client.post(`/api/me/exercises/${x.e.id}/lessons`, { lesson: 'Tenir à jour l’annuaire de crise', usefulness: 5 });
    const noCell = await x.coord.client.post(`${x.one}/after/lessons`, { lesson: 'Exercer la cellule deux fois par an' });
    expect(noCell.statusCode).toBe(400);
    expect(noCell.json().error).toMatchObject({ code: 'cell_required', field: 'cellId' });
    const staff = await x.coord.client.post(`${x.one}/after/lessons`, {
      lesson: 'Exercer la cellule deux fois par an',
      cellId: x.leadCell,
      priority: 'high',
    });
    expect(staff.statusCode).toBe(201);

    const after = (await x.coord.client.get(`${x.one}/after`)).json();
    expect(after.debriefs).toEqual([
      expect.objectContaining({ cellId: x.leadCell, wentWell: 'Alerte rapide', toImprove: 'Annuaire de crise' }),
    ]);
    const anon = after.lessons.find((l: { lesson: string }) => l.lesson.startsWith('Imprimer'));
    expect(anon).toMatchObject({ anonymous: true, authorName: null, organizationId: x.member.id, realism: 4 });
    const stored = await p.t.dbh.db.selectFrom('exercise_lessons').select('account_id').where('id', '=', anon.id).executeTakeFirstOrThrow();
    expect(stored.account_id).toBeNull();
    expect((await auditOf(p.t, x.e.id)).filter((a) => a.action === 'exercises.lesson.added').map((a) => a.actorAccountId)).toEqual([
      null,
      x.director.accountId,
      x.coord.accountId,
    ]);

    const pdf = await x.coord.client.get(`${x.one}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Long lines wrap: compare with the line breaks read as spaces.
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of [
      'Rapport d’exercice de crise',
      'Avis de sécurité de l’éditeur',
      'Nous isolons le serveur.',
      'Appel passé à l’astreinte régionale',
      'Temps mesurés',
      'Alerte de l’ARS: 12 min',
      'Annuaire de crise',
      'Imprimer les procédures dégradées du laboratoire',
    ]) {
      expect(text).toContain(s);
    }

    const closed = await x.coord.client.post(`${x.one}/after/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    const actions = await p.t.dbh.db
      .selectFrom('actions')
      .select(['organization_id', 'title', 'priority', 'source_id'])
      .where('source_kind', '=', 'exercise')
      .where(
        'source_id',
        'in',
        after.lessons.map((l: { id: string }) => l.id),
      )
      .execute();
    expect(actions).toHaveLength(3);
    expect(actions.find((a) => a.title.startsWith('Imprimer'))?.organization_id).toBe(x.member.id);
    expect(actions.find((a) => a.title.startsWith('Exercer'))).toMatchObject({ organization_id: x.lead.id, priority: 'high' });
    expect(closed.json().lessons.every((l: { actionId: string | null }) => l.actionId !== null)).toBe(true);
    expect((await x.coord.client.post(`${x.one}/after/close`)).json().error.code).toBe('exercise_closed');
    expect((await x.director.client.post(`/api/me/exercises/${x.e.id}/lessons`, { lesson: 'Trop tard' })).statusCode).toBe(409);
  });

  it('answers 404 to another territory’s coordinator and to someone not placed', async () => {
    const x = await territoryExercise(p.t);
    const other = await territoryExercise(p.t);
    expect((await other.coord.client.get(`/api/territories/${x.territory.id}/exercises/${x.e.id}/after`)).statusCode).toBe(404);
    expect((await other.coord.client.get(`${other.one.replace(other.e.id, x.e.id)}/after`)).statusCode).toBe(404);
    expect((await other.director.client.post(`/api/me/exercises/${x.e.id}/lessons`, { lesson: 'x' })).statusCode).toBe(404);
  });
});
