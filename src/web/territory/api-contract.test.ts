// The pages' paths and types against the real server: each call the territory pages make, in the
// order a coordinator, a member's admin and a mentor make them, on SQLite or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/helpers/app.js';
import { orgAdmin } from '../../server/modules/identity/test-kit.js';
import { mentoringTerritory } from '../../server/modules/territory/mentoring-test-kit.js';
import { type LibraryScope, territoryApi } from './endpoints.js';
import { sortMembers } from './heatmap.js';
import type { Heatmap, Mentor, Pairing, Plan, ResourceDetail, SharingItem } from './types.js';
import { sharingDomains } from './types.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the territory pages against the server', () => {
  it('sharing: the member decides, the coordinator sees the outcome and the heatmap follows at once', async () => {
    const tr = await mentoringTerritory(t);
    const admin = await orgAdmin(t, tr.ch.id);
    const mine = await admin.client.get(territoryApi.orgSharing(tr.ch.id));
    expect(mine.statusCode).toBe(200);
    const item = (mine.json() as { items: SharingItem[] }).items.find((i) => i.territory.id === tr.territory.id);
    expect(item?.leads.map((l) => l.name).sort()).toEqual(['CH Référent', 'CHU Pilote']);
    expect(Object.keys(item?.domains ?? {}).sort()).toEqual([...sharingDomains].sort());

    const on = await admin.client.put(territoryApi.orgSharingOne(tr.ch.id, tr.territory.id), { domains: { maturity: true } });
    expect(on.statusCode).toBe(200);
    expect((on.json() as SharingItem).domains.maturity).toBe(true);
    const seen = await tr.coord.client.get(territoryApi.membersSharing(tr.territory.id));
    expect(seen.json().items.find((m: { organizationId: string }) => m.organizationId === tr.ch.id).domains.maturity).toBe(true);
    let map = (await tr.coord.client.get(territoryApi.heatmap(tr.territory.id))).json() as Heatmap;
    expect(map.members.find((m) => m.organizationId === tr.ch.id)?.shares).toBe(true);

    const off = await admin.client.put(territoryApi.orgSharingOne(tr.ch.id, tr.territory.id), { domains: { maturity: false } });
    expect((off.json() as SharingItem).domains.maturity).toBe(false);
    map = (await tr.coord.client.get(territoryApi.heatmap(tr.territory.id))).json() as Heatmap;
    const ch = map.members.find((m) => m.organizationId === tr.ch.id);
    expect(ch).toMatchObject({ shares: false, latest: null, trend: [] });
    expect(sortMembers(map.members, 'desc', 'fr')).toHaveLength(map.members.length);

    const refused = await tr.coord.client.put(territoryApi.orgSharingOne(tr.ch.id, tr.territory.id), { domains: { maturity: true } });
    expect(refused.statusCode).toBe(403);
  });

  it('mentoring: offer, suggest, pair, write the plan, read it from each side, end it', async () => {
    const tr = await mentoringTerritory(t);
    const mentor = await tr.offer(tr.chu.id, 2);
    const mentors = (await tr.coord.client.get(territoryApi.mentors(tr.territory.id))).json() as { items: Mentor[] };
    expect(mentors.items[0]).toMatchObject({
      id: mentor.mentorId,
      capacity: 2,
      activeMentees: 0,
      capacityLeft: 2,
      active: true,
      fromLead: true,
    });
    const patched = await tr.coord.client.patch(territoryApi.mentor(tr.territory.id, mentor.mentorId), { capacity: 3 });
    expect((patched.json() as Mentor).capacity).toBe(3);

    const sugg = await tr.coord.client.get(territoryApi.suggestions(tr.territory.id, tr.ch.id));
    expect(sugg.json().items.map((m: Mentor) => m.id)).toEqual([mentor.mentorId]);
    const created = await tr.coord.client.post(territoryApi.pairingsBase(tr.territory.id), {
      mentorId: mentor.mentorId,
      organizationId: tr.ch.id,
    });
    expect(created.statusCode).toBe(201);
    const pairing = created.json() as Pairing;
    expect((await tr.coord.client.get(territoryApi.pairings(tr.territory.id))).json().items.map((p: Pairing) => p.id)).toEqual([
      pairing.id,
    ]);

    const goal = await mentor.client.post(territoryApi.goals(tr.territory.id, pairing.id), {
      text: 'Tester la restauration des sauvegardes',
    });
    expect(goal.statusCode).toBe(201);
    const moved = await mentor.client.patch(territoryApi.goals(tr.territory.id, pairing.id, goal.json().id), { status: 'in_progress' });
    expect(moved.json().status).toBe('in_progress');
    const session = await mentor.client.post(territoryApi.sessions(tr.territory.id, pairing.id), {
      heldOn: '2026-11-20',
      durationMinutes: 60,
      notes: 'Revue des sauvegardes',
      nextSteps: '',
    });
    expect(session.statusCode).toBe(201);

    const asCoord = (await tr.coord.client.get(territoryApi.plan(tr.territory.id, pairing.id))).json() as Plan;
    expect(asCoord).toMatchObject({ canWrite: false, territoryId: tr.territory.id, mentee: { id: tr.ch.id } });
    expect(asCoord.goals.map((g) => g.status)).toEqual(['in_progress']);
    expect(asCoord.sessions.map((s) => [s.heldOn, s.durationMinutes])).toEqual([['2026-11-20', 60]]);
    const coordWrites = await tr.coord.client.post(territoryApi.goals(tr.territory.id, pairing.id), { text: 'x' });
    expect(coordWrites.statusCode).toBe(403);

    const mine = (await mentor.client.get(territoryApi.myMentoring)).json() as { items: Plan[] };
    expect(mine.items.map((p) => [p.id, p.canWrite])).toEqual([[pairing.id, true]]);
    const chAdmin = await tr.chAdmin();
    const mentee = (await chAdmin.client.get(territoryApi.menteeMentoring(tr.ch.id))).json() as { items: Plan[] };
    expect(mentee.items.map((p) => p.id)).toEqual([pairing.id]);

    const ended = await chAdmin.client.post(territoryApi.endPairing(tr.territory.id, pairing.id), { note: 'Objectifs atteints' });
    expect(ended.statusCode).toBe(200);
    expect((ended.json() as Pairing).endedAt).not.toBeNull();
    expect((await tr.coord.client.get(territoryApi.pairings(tr.territory.id, 'ended'))).json().items).toHaveLength(1);
  });

  it('library: starter set, a resource with two versions, archive, and the member admin reading live ones', async () => {
    const tr = await mentoringTerritory(t);
    const coordScope: LibraryScope = { kind: 'territory', territoryId: tr.territory.id };
    const chAdmin = await tr.chAdmin();
    const memberScope: LibraryScope = { kind: 'member', orgId: tr.ch.id, territoryId: tr.territory.id };
    const starter = await tr.coord.client.post(territoryApi.starterSet(tr.territory.id), { languages: ['fr'] });
    expect(starter.statusCode).toBe(200);
    expect(starter.json().added.length).toBeGreaterThan(0);

    const created = await tr.coord.client.post(territoryApi.library(coordScope), {
      title: 'Procédure de sauvegarde hors ligne',
      kind: 'procedure',
      tags: ['Sauvegarde', 'Rançongiciel'],
      audience: 'it_security',
      language: 'fr',
      body: '# Sauvegarde\n\n- Chaque semaine',
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as ResourceDetail).id;
    const v2 = await tr.coord.client.post(territoryApi.versions(coordScope, id), {
      body: '# Sauvegarde\n\n- Chaque jour',
      changeNote: 'Rythme',
    });
    expect((v2.json() as ResourceDetail).versions.map((v) => v.version)).toEqual([2, 1]);
    const file = await tr.coord.client.request({
      method: 'POST',
      url: territoryApi.fileVersion(coordScope, id, { filename: 'liste.csv', changeNote: 'Tableau' }),
      payload: 'poste;sauvegarde\nPC-01;oui\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(file.statusCode).toBe(201);
    expect((file.json() as ResourceDetail).body).toContain('Chaque jour');
    expect((await tr.coord.client.get(territoryApi.versionFile(coordScope, id, 3))).statusCode).toBe(200);
    expect((await tr.coord.client.get(territoryApi.versionMarkdown(coordScope, id, 1))).body).toContain('Chaque semaine');

    const found = await chAdmin.client.get(territoryApi.library(memberScope, '?q=rancongiciel&tags=sauvegarde'));
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await chAdmin.client.get(territoryApi.libraryTags(memberScope))).statusCode).toBe(200);

    expect((await tr.coord.client.post(territoryApi.archive(coordScope, id), {})).json().archived).toBe(true);
    expect((await chAdmin.client.get(territoryApi.resource(memberScope, id))).statusCode).toBe(404);
    expect((await tr.coord.client.get(territoryApi.library(coordScope, '?archived=true'))).json().total).toBe(1);
    expect((await tr.coord.client.post(territoryApi.restore(coordScope, id), {})).json().archived).toBe(false);
    expect((await chAdmin.client.get(territoryApi.resource(memberScope, id))).statusCode).toBe(200);
  });
});
