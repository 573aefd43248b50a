/** Test-only helpers for the live play tests (imported by play*.test.ts beside this file). */
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import type { DbHandle } from '../../db/index.js';
import type { FixedClock } from '../../platform/clock.js';
import { openSse, type SseConnection } from '../../platform/live/sse-client.js';
import { coordinator } from '../identity/test-kit.js';
import { staffMember } from './exercises-test-kit.js';
import type { Play } from './play-routes.js';

export interface PlayApp {
  t: TestApp;
  play: Play;
  /** http://127.0.0.1:port: SSE needs a real socket. */
  origin: string;
}

/** An app listening on an ephemeral port with its play timers started (JOBS is off in tests). */
export async function playApp(clock: FixedClock, dbh?: DbHandle): Promise<PlayApp> {
  const t = await makeTestApp({ clock, ...(dbh ? { dbh } : {}) });
  const play = (t.app as unknown as { exercisePlay: Play }).exercisePlay;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  await play.scheduler.start();
  return { t, play, origin: `http://127.0.0.1:${port}` };
}

/** A territory exercise (lab-software-provider: s01 at 0 min → lead, s02 at 5 min → member…) with a player in each cell. */
export async function territoryExercise(t: TestApp) {
  const db = t.dbh.db;
  const lead = await makeOrg(db);
  const member = await makeOrg(db);
  // A third member stays out of the cells, for a late join.
  const late = await makeOrg(db);
  const territory = await makeTerritory(db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }, { orgId: late.id }] });
  const coord = await coordinator(t, territory.id);
  const base = `/api/territories/${territory.id}/exercises`;
  const e = (
    await coord.client.post(base, {
      scenarioId: 'lab-software-provider',
      cells: [{ organizationId: lead.id }, { organizationId: member.id }],
    })
  ).json();
  const [leadCell, memberCell] = e.cells as Array<{ id: string }>;
  const director = await staffMember(t, lead.id);
  const nurse = await staffMember(t, member.id);
  const one = `${base}/${e.id}`;
  await coord.client.post(`${one}/participants`, { accountId: director.accountId, cellId: leadCell?.id, function: 'director' });
  await coord.client.post(`${one}/participants`, { accountId: nurse.accountId, cellId: memberCell?.id, function: 'medical_lead' });
  const code = (c: string) => (e.chronogram as Array<{ id: string; stimulusId: string }>).find((s) => s.id === c)?.stimulusId ?? '';
  return {
    e,
    one,
    coord,
    director,
    nurse,
    leadCell: leadCell?.id ?? '',
    memberCell: memberCell?.id ?? '',
    territory,
    code,
    lead,
    member,
    late,
  };
}

/** Opens a stream at `path` with the account's session cookie. */
export async function streamAt(p: PlayApp, accountId: string, path: string, lastEventId?: string): Promise<SseConnection> {
  const c = await clientFor(p.t, accountId);
  const cookie = Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return openSse(`${p.origin}${path}`, { headers: { cookie, ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) } });
}

/** A player's cell stream. */
export const cellStream = (p: PlayApp, accountId: string, exerciseId: string, cellId: string, lastEventId?: string) =>
  streamAt(p, accountId, `/api/me/exercises/${exerciseId}/cells/${cellId}/stream`, lastEventId);

/** Waits until `n` events of that kind have arrived. */
export async function waitKind(c: SseConnection, kind: string, n = 1, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = c.events.filter((e) => e.event === kind);
    if (got.length >= n) return got;
    if (Date.now() > deadline) throw new Error(`got ${got.length} of ${n} '${kind}' events: ${c.events.map((e) => e.event).join(',')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sessions expire when the test clock jumps hours ahead: signs the exercise's people in again. */
export async function signInAgain(t: TestApp, x: Awaited<ReturnType<typeof territoryExercise>>) {
  for (const who of [x.coord, x.director, x.nurse]) who.client = await clientFor(t, who.accountId);
}
