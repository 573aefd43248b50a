import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import { mentoringTerritory, staffAccount } from './mentoring-test-kit.js';

describe('mentoring: mentors and pairings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('offers accounts of lead organizations only, once each', async () => {
    const g = await mentoringTerritory(t);
    const staff = await staffAccount(t, g.chu.id);
    const res = await g.coord.client.post(`${g.base}/mentors`, { accountId: staff.accountId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      accountId: staff.accountId,
      organization: { id: g.chu.id, name: 'CHU Pilote', kind: 'chu' },
      capacity: 3,
      activeMentees: 0,
      capacityLeft: 3,
      active: true,
      fromLead: true,
    });
    expect((await auditOf(t, res.json().id))[0]).toMatchObject({ action: 'mentoring.mentor_offered', territoryId: g.territory.id });
    const again = await g.coord.client.post(`${g.base}/mentors`, { accountId: staff.accountId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'mentor_exists', field: 'accountId' });

    const fromMember = await staffAccount(t, g.ch.id);
    const notLead = await g.coord.client.post(`${g.base}/mentors`, { accountId: fromMember.accountId });
    expect(notLead.statusCode).toBe(400);
    expect(notLead.json().error).toMatchObject({ code: 'mentor_not_lead', field: 'accountId' });
    const unknown = await g.coord.client.post(`${g.base}/mentors`, { accountId: 'nobody' });
    expect(unknown.json().error.code).toBe('mentor_not_lead');
    const tooMany = await g.coord.client.post(`${g.base}/mentors`, { accountId: fromMember.accountId, capacity: 50 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toMatch(/capacity/);

    // Member organizations do not run the territory; other territories do not see it.
    expect((await (await g.chAdmin()).client.post(`${g.base}/mentors`, { accountId: staff.accountId })).statusCode).toBe(403);
    const elsewhere = await coordinator(t, (await makeTerritory(t.dbh.db)).id);
    expect((await elsewhere.client.get(`${g.base}/mentors`)).statusCode).toBe(404);
    expect((await g.coord.client.get(`${g.base}/mentors`)).json().items).toHaveLength(1);
  });

  it('lists the accounts of lead organizations a coordinator may offer, without those already mentors', async () => {
    const g = await mentoringTerritory(t);
    const lead = await staffAccount(t, g.chu.id);
    const other = await staffAccount(t, g.chu.id);
    const member = await staffAccount(t, g.ch.id);
    const ids = async () =>
      (await g.coord.client.get(`${g.base}/mentor-candidates`)).json().items.map((c: { accountId: string }) => c.accountId);
    const before = await ids();
    expect(before).toEqual(expect.arrayContaining([lead.accountId, other.accountId]));
    expect(before).not.toContain(member.accountId);
    expect((await g.coord.client.post(`${g.base}/mentors`, { accountId: lead.accountId })).statusCode).toBe(201);
    const after = await ids();
    expect(after).not.toContain(lead.accountId);
    expect(after).toContain(other.accountId);
    expect((await (await g.chAdmin()).client.get(`${g.base}/mentor-candidates`)).statusCode).toBe(403);
  });

  it('pairs within capacity, once per mentor and mentee, with members only', async () => {
    const g = await mentoringTerritory(t);
    const mentor = await g.offer(g.chu.id, 1);
    const first = await g.pair(mentor.mentorId, g.ch.id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      mentor: { id: mentor.mentorId, accountId: mentor.accountId, organization: { id: g.chu.id } },
      mentee: { id: g.ch.id, name: 'CH Vallée', kind: 'ch' },
      endedAt: null,
    });
    expect((await auditOf(t, first.json().id))[0]).toMatchObject({ action: 'mentoring.pairing_created', organizationId: g.ch.id });

    const twice = await g.pair(mentor.mentorId, g.ch.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('pairing_exists');
    const full = await g.pair(mentor.mentorId, g.practice.id);
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'mentor_full', field: 'mentorId' });
    expect(full.json().error.message).toMatch(/maximum/);

    const raised = await g.coord.client.patch(`${g.base}/mentors/${mentor.mentorId}`, { capacity: 2 });
    expect(raised.json()).toMatchObject({ capacity: 2, activeMentees: 1, capacityLeft: 1 });
    const second = await g.pair(mentor.mentorId, g.practice.id);
    expect(second.statusCode, second.body).toBe(201);

    const outsider = await makeOrg(t.dbh.db);
    const notMember = await g.pair(mentor.mentorId, outsider.id);
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error).toMatchObject({ code: 'mentee_not_member', field: 'organizationId' });
    const own = await g.pair(mentor.mentorId, g.chu.id);
    expect(own.json().error).toMatchObject({ code: 'mentee_is_mentor_org', field: 'organizationId' });
    expect((await g.pair('no-such-mentor', g.ch.id)).json().error).toMatchObject({ code: 'mentor_unknown', field: 'mentorId' });

    // A lead that steps down can no longer provide mentors for new pairings.
    const other = await g.offer(g.leadCh.id);
    await t.dbh.db.updateTable('territory_members').set({ is_lead: 0 }).where('organization_id', '=', g.leadCh.id).execute();
    const demoted = await g.pair(other.mentorId, g.ch.id);
    expect(demoted.statusCode).toBe(400);
    expect(demoted.json().error).toMatchObject({ code: 'mentor_not_lead', field: 'mentorId' });

    await g.coord.client.patch(`${g.base}/mentors/${mentor.mentorId}`, { active: false, capacity: 5 });
    const withdrawn = await g.pair(mentor.mentorId, g.leadCh.id);
    expect(withdrawn.json().error.code).toBe('mentor_withdrawn');

    const list = (await g.coord.client.get(`${g.base}/pairings`)).json().items;
    expect(list.map((p: { mentee: { id: string } }) => p.mentee.id).sort()).toEqual([g.ch.id, g.practice.id].sort());
  });

  it('keeps the cap under concurrent pairings', async () => {
    const g = await mentoringTerritory(t);
    const mentor = await g.offer(g.chu.id, 1);
    const results = await Promise.all([
      g.pair(mentor.mentorId, g.ch.id),
      g.pair(mentor.mentorId, g.practice.id),
      g.pair(mentor.mentorId, g.ch.id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const active = await t.dbh.db.selectFrom('mentoring_pairings').select('id').where('mentor_id', '=', mentor.mentorId).execute();
    expect(active).toHaveLength(1);
  });

  it('suggests available mentors: same kind first, then the lightest load', async () => {
    const g = await mentoringTerritory(t);
    const busyChu = await g.offer(g.chu.id, 3);
    const freeChu = await g.offer(g.chu.id, 3);
    const fullChu = await g.offer(g.chu.id, 1);
    const sameKind = await g.offer(g.leadCh.id, 3);
    expect((await g.pair(busyChu.mentorId, g.practice.id)).statusCode).toBe(201);
    expect((await g.pair(fullChu.mentorId, g.practice.id)).statusCode).toBe(201);
    expect((await g.pair(sameKind.mentorId, g.practice.id)).statusCode).toBe(201);

    const res = await g.coord.client.get(`${g.base}/suggestions?organizationId=${g.ch.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().mentee).toEqual({ id: g.ch.id, name: 'CH Vallée', kind: 'ch' });
    expect(res.json().items.map((m: { id: string }) => m.id)).toEqual([sameKind.mentorId, freeChu.mentorId, busyChu.mentorId]);
    expect(res.json().items[0]).toMatchObject({ sameKind: true, activeMentees: 1, capacityLeft: 2 });

    // Already paired with the practice: not suggested to it again.
    const forPractice = (await g.coord.client.get(`${g.base}/suggestions?organizationId=${g.practice.id}`)).json();
    expect(forPractice.items.map((m: { id: string }) => m.id)).toEqual([freeChu.mentorId]);
    const bad = await g.coord.client.get(`${g.base}/suggestions`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/organizationId/);
    const stranger = await g.coord.client.get(`${g.base}/suggestions?organizationId=${(await makeOrg(t.dbh.db)).id}`);
    expect(stranger.json().error.code).toBe('mentee_not_member');
    expect((await (await orgAdmin(t, g.ch.id)).client.get(`${g.base}/suggestions?organizationId=${g.ch.id}`)).statusCode).toBe(403);
  });
});
