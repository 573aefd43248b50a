import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { FixedClock } from '../../platform/clock.js';
import { staffMember } from './exercises-test-kit.js';
import { playApp, streamAt, territoryExercise, waitKind } from './play-test-kit.js';

describe('exercises: the console of a local animator', () => {
  const clock = new FixedClock(new Date('2026-11-29T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('follows and drives only their own cell, never the clock', async () => {
    const x = await territoryExercise(t);
    const local = await staffMember(t, x.lead.id);
    const placed = await x.coord.client.post(`${x.one}/participants`, {
      accountId: local.accountId,
      cellId: x.leadCell,
      function: 'local_animator',
    });
    expect(placed.statusCode).toBe(201);
    expect((await x.coord.client.post(`${x.one}/play/start`, {})).statusCode).toBe(200);
    const mine = `/api/me/exercises/${x.e.id}/console`;

    const timeline = await local.client.get(`${mine}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json().cells.map((c: { id: string }) => c.id)).toEqual([x.leadCell]);
    expect(timeline.json().stimuli.every((s: { cellIds: string[] }) => s.cellIds.every((id) => id === x.leadCell))).toBe(true);

    // Their cell's chat, from the animators; another cell does not exist for them.
    const said = await local.client.post(`${mine}/cells/${x.leadCell}/messages`, { text: 'Pensez à prévenir l’ARS.' });
    expect(said.statusCode).toBe(201);
    const journal = await local.client.get(`${mine}/cells/${x.leadCell}/journal?kind=chat`);
    expect(journal.statusCode).toBe(200);
    expect(JSON.stringify(journal.json())).toContain('Pensez à prévenir l’ARS.');
    expect((await local.client.get(`${mine}/cells/${x.memberCell}/journal`)).statusCode).toBe(404);
    expect((await local.client.post(`${mine}/cells/${x.memberCell}/messages`, { text: 'Intrus' })).statusCode).toBe(404);

    // A stimulus played ahead of time: to their cell yes, to the other cell no (naming the field).
    const refused = await local.client.post(`${mine}/stimuli/${x.code('s02')}/send`, { cellIds: [x.memberCell] });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('cellIds.0');
    const played = await local.client.post(`${mine}/stimuli/${x.code('s02')}/send`, {});
    expect(played.statusCode).toBe(200);
    expect(played.json().cellIds).toEqual([x.leadCell]);

    // The clock stays with the owner's managers.
    for (const step of ['pause', 'end'] as const) {
      expect((await local.client.post(`${x.one}/play/${step}`, {})).statusCode).toBeGreaterThanOrEqual(403);
    }
    expect((await x.coord.client.get(`${x.one}/play/timeline`)).json().status).toBe('running');
  });

  it('streams their cells live: the stimuli delivered to them, the players’ writes and the clock, never another cell', async () => {
    const p = await playApp(clock);
    try {
      const x = await territoryExercise(p.t);
      const local = await staffMember(p.t, x.lead.id);
      await x.coord.client.post(`${x.one}/participants`, { accountId: local.accountId, cellId: x.leadCell, function: 'local_animator' });
      const mine = `/api/me/exercises/${x.e.id}/console`;
      const feed = await streamAt(p, local.accountId, `${mine}/stream`);
      expect(feed.status).toBe(200);
      try {
        // s01 (at 0 min) goes to the lead cell at the start; s02, played now, to the member cell only.
        await x.coord.client.post(`${x.one}/play/start`, {});
        await p.play.scheduler.tick();
        await x.coord.client.post(`${x.one}/play/stimuli/${x.code('s02')}/send`, { cellIds: [x.memberCell] });
        await x.director.client.post(`/api/me/exercises/${x.e.id}/cells/${x.leadCell}/logbook`, { text: 'Serveur isolé' });
        await x.coord.client.post(`${x.one}/play/pause`, {});
        const [stimulus] = await waitKind(feed, 'stimulus');
        await waitKind(feed, 'logbook.added');
        await waitKind(feed, 'exercise.paused');
        expect(JSON.stringify(stimulus)).toContain(x.code('s01'));
        expect(feed.events.filter((e) => e.event === 'stimulus')).toHaveLength(1);
      } finally {
        feed.close();
      }
      // Neither a player nor a stranger gets a feed.
      expect((await streamAt(p, x.director.accountId, `${mine}/stream`)).status).toBe(404);
    } finally {
      await p.t.close();
    }
  });

  it('is closed to a player of the exercise and to strangers', async () => {
    const x = await territoryExercise(t);
    const mine = `/api/me/exercises/${x.e.id}/console`;
    expect((await x.director.client.get(`${mine}/timeline`)).statusCode).toBe(404);
    const stranger = await staffMember(t, x.member.id);
    expect((await stranger.client.get(`${mine}/timeline`)).statusCode).toBe(404);
  });
});
