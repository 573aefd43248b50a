import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../platform/clock.js';
import { auditOf } from '../identity/test-kit.js';
import { cellStream, type PlayApp, playApp, signInAgain, streamAt, territoryExercise, waitKind } from './play-test-kit.js';

const MIN = 60_000;

describe('exercises: players’ space, animators’ chat, conditional and spare stimuli, media page, observers', () => {
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
  let p: PlayApp;
  beforeAll(async () => {
    p = await playApp(clock);
  });
  afterAll(async () => p.t.close());

  it('replies, logbook, decisions, tasks and chat reach the cell and the console; another cell is 404; an ended exercise is 409', async () => {
    const x = await territoryExercise(p.t);
    const cell = `/api/me/exercises/${x.e.id}/cells/${x.memberCell}`;
    expect((await x.nurse.client.post(`${cell}/logbook`, { text: 'Trop tôt' })).json().error.code).toBe('exercise_not_started');
    await x.coord.client.post(`${x.one}/play/start`);
    clock.advance(5 * MIN);
    await p.play.scheduler.tick();
    const feed = await cellStream(p, x.nurse.accountId, x.e.id, x.memberCell, '0');
    const consoleFeed = await streamAt(p, x.coord.accountId, `${x.one}/play/stream`);
    expect(consoleFeed.status).toBe(200);
    expect((await streamAt(p, x.nurse.accountId, `${x.one}/play/stream`)).status).toBe(403);

    const reply = await x.nurse.client.post(`${cell}/replies`, {
      stimulusId: x.code('s02'),
      text: 'Nous coupons les échanges avec le laboratoire.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ kind: 'reply', stimulusId: x.code('s02'), fromAnimators: false });
    // s01 went to the lead cell only: for this cell it does not exist.
    expect((await x.nurse.client.post(`${cell}/replies`, { stimulusId: x.code('s01'), text: 'x' })).statusCode).toBe(404);
    const log = await x.nurse.client.post(`${cell}/logbook`, { text: 'Cellule de crise activée', category: 'organisation' });
    expect(log.json()).toMatchObject({ kind: 'logbook', category: 'organisation', text: 'Cellule de crise activée' });
    expect((await x.nurse.client.post(`${cell}/logbook`, { text: '' })).json().error.field).toBe('body.text');
    const decision = await x.nurse.client.post(`${cell}/decisions`, {
      text: 'Passage en mode dégradé des analyses',
      decidedBy: 'Directeur',
    });
    expect(decision.json()).toMatchObject({ kind: 'decision', decidedBy: 'Directeur' });
    const task = (
      await x.nurse.client.post(`${cell}/tasks`, { text: 'Prévenir les services de soins', assignee: 'Cadre de santé' })
    ).json();
    expect(task).toMatchObject({ status: 'todo' });
    const done = await x.nurse.client.patch(`${cell}/tasks/${task.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', assignee: 'Cadre de santé' });
    expect((await x.nurse.client.patch(`${cell}/tasks/${task.id}`, { status: 'finished' })).json().error.field).toBe('body.status');
    await x.nurse.client.post(`${cell}/messages`, { text: 'Faut-il prévenir l’ARS maintenant ?' });
    const answer = await x.coord.client.post(`${x.one}/play/cells/${x.memberCell}/messages`, { text: 'Oui, par téléphone.' });
    expect(answer.json()).toMatchObject({ kind: 'chat', fromAnimators: true });

    const kinds = ['reply.added', 'logbook.added', 'decision.added', 'task.added', 'task.updated', 'chat.added'];
    for (const k of kinds) await waitKind(feed, k, k === 'chat.added' ? 2 : 1);
    // The console hears every cell.
    for (const k of kinds) await waitKind(consoleFeed, k, k === 'chat.added' ? 2 : 1);
    consoleFeed.close();
    const chat = (await x.nurse.client.get(`${cell}/journal?kind=chat`)).json().items;
    expect(chat.map((m: { text: string; fromAnimators: boolean }) => [m.text, m.fromAnimators])).toEqual([
      ['Faut-il prévenir l’ARS maintenant ?', false],
      ['Oui, par téléphone.', true],
    ]);
    // Animators read every cell's journal from the console.
    expect((await x.coord.client.get(`${x.one}/play/cells/${x.memberCell}/journal`)).json().items).toHaveLength(6);
    const timeline = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    expect(timeline.cells.find((c: { id: string }) => c.id === x.memberCell)).toMatchObject({
      replies: 1,
      logbook: 1,
      decisions: 1,
      tasks: 1,
      messages: 2,
    });

    // Another cell's player: 404 everywhere, the stream included.
    const other = `/api/me/exercises/${x.e.id}/cells/${x.leadCell}`;
    expect((await x.nurse.client.post(`${other}/logbook`, { text: 'intrus' })).statusCode).toBe(404);
    expect((await x.nurse.client.get(`${other}/journal`)).statusCode).toBe(404);
    expect((await cellStream(p, x.nurse.accountId, x.e.id, x.leadCell)).status).toBe(404);
    expect((await x.director.client.get(`${cell}/journal`)).statusCode).toBe(404);

    await x.coord.client.post(`${x.one}/play/end`);
    expect((await x.nurse.client.post(`${cell}/logbook`, { text: 'Après la fin' })).json().error.code).toBe('exercise_closed');
    expect((await x.nurse.client.post(`${cell}/logbook`, { text: 'Après la fin' })).statusCode).toBe(409);
    const spare = await x.coord.client.post(`${x.one}/play/stimuli/${x.code('r01')}/send`, {});
    expect(spare.statusCode).toBe(409);
    expect(spare.json().error.code).toBe('exercise_closed');
    const actions = (await auditOf(p.t, x.e.id)).map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['exercises.logbook.added', 'exercises.chat.added', 'exercises.task.updated']));
    feed.close();
  });

  it('plays a spare stimulus to chosen cells; applies the conditional rule; shows the media page newest first', async () => {
    const x = await territoryExercise(p.t);
    await x.coord.client.post(`${x.one}/play/start`);
    const lead = await cellStream(p, x.director.accountId, x.e.id, x.leadCell);
    // r03 is written for the lead cell; the animators send it to the member cell instead.
    const played = await x.coord.client.post(`${x.one}/play/stimuli/${x.code('r03')}/send`, { cellIds: [x.memberCell] });
    expect(played.json()).toMatchObject({ cellIds: [x.memberCell] });
    expect((await x.coord.client.post(`${x.one}/play/stimuli/${x.code('r03')}/send`, {})).json().error.code).toBe('stimulus_delivered');
    expect((await x.coord.client.post(`${x.one}/play/stimuli/${x.code('r01')}/send`, { cellIds: ['nope'] })).json().error.field).toBe(
      'cellIds.0',
    );
    const mine = (await x.nurse.client.get(`/api/me/exercises/${x.e.id}/cells/${x.memberCell}/stimuli`)).json().items;
    expect(mine.map((s: { id: string }) => s.id)).toContain('r03');

    // s10 (80 min, member); s17 (150 min) only if the cell did not react to s10. The member cell does.
    clock.advance(80 * MIN);
    await p.play.scheduler.tick();
    await signInAgain(p.t, x);
    await x.nurse.client.post(`/api/me/exercises/${x.e.id}/cells/${x.memberCell}/replies`, { stimulusId: x.code('s10'), text: 'Reçu.' });
    clock.advance(70 * MIN);
    await p.play.scheduler.tick();
    await signInAgain(p.t, x);
    const timeline = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    const byCode = (c: string) => timeline.stimuli.find((s: { id: string }) => s.id === c);
    expect(byCode('s17')).toMatchObject({ status: 'skipped', cellIds: [] });
    expect(byCode('s16')).toMatchObject({ status: 'delivered', cellIds: [x.leadCell] });
    await waitKind(lead, 'stimulus', 7); // s01 s05 s08 s09 s11 s12 s15 s16: the lead cell's stream keeps up

    const media = (await x.nurse.client.get(`/api/me/exercises/${x.e.id}/media`)).json().items;
    expect(media.map((m: { id: string }) => m.id)).toEqual(['s14']);
    expect(media[0].media.headline).toBeTruthy();
    expect(media[0].expectedReaction).toBeUndefined();
    expect((await x.director.client.get(`/api/me/exercises/${x.e.id}/media`)).json().items.map((m: { id: string }) => m.id)).toEqual([
      's12',
    ]);
    const stranger = await x.coord.client.get(`/api/me/exercises/${x.e.id}/media`);
    expect(stranger.statusCode).toBe(404);
    lead.close();
    await x.coord.client.post(`${x.one}/play/end`);
  });

  it('observers fill the grid per objective with timestamped notes and ratings, until the debrief closes', async () => {
    const x = await territoryExercise(p.t);
    await x.coord.client.post(`${x.one}/participants`, { accountId: x.coord.accountId, function: 'observer' });
    await x.coord.client.post(`${x.one}/play/start`);
    const objective = x.e.objectives[0].id as string;
    const added = await x.coord.client.post(`/api/me/exercises/${x.e.id}/observations`, {
      objectiveId: objective,
      cellId: x.memberCell,
      note: 'Alerte de l’ARS en 12 minutes',
      rating: 3,
    });
    expect(added.statusCode).toBe(201);
    await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective, rating: 4 });
    const grid = (await x.coord.client.get(`${x.one}/observations`)).json();
    const line = grid.objectives.find((o: { id: string }) => o.id === objective);
    expect(line.notes).toHaveLength(2);
    expect(line.notes[0]).toMatchObject({
      note: 'Alerte de l’ARS en 12 minutes',
      rating: 3,
      cellId: x.memberCell,
      createdAt: clock.now().toISOString(),
    });
    expect(line.rating).toBe(4); // the latest rating of the one observer
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: 'zz', note: 'x' })).json().error.field).toBe('objectiveId');
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective })).json().error.field).toBe('note');
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective, rating: 5 })).json().error.field).toBe(
      'body.rating',
    );
    // A player is not an observer.
    expect((await x.nurse.client.get(`/api/me/exercises/${x.e.id}/observations`)).statusCode).toBe(404);
    await x.coord.client.post(`${x.one}/play/end`);
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective, note: 'Après la fin' })).statusCode).toBe(201);
    await p.t.dbh.db.updateTable('exercises').set({ status: 'closed' }).where('id', '=', x.e.id).execute();
    expect((await x.coord.client.post(`${x.one}/observations`, { objectiveId: objective, note: 'Trop tard' })).json().error.code).toBe(
      'exercise_closed',
    );
  });
});
