import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import type { StimulusDto } from './exercises-schema.js';
import { bodyOf, staffMember } from './exercises-test-kit.js';

const NOW = new Date('2026-11-29T09:00:00Z');
type Item = StimulusDto;

describe('exercises: the chronogram, its rules once running, its spreadsheet, the players’ feed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  async function draft(scenarioId = 'personal-device-malware') {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const e = (await admin.client.post(`/api/orgs/${org.id}/exercises`, { scenarioId })).json();
    return { org, admin, e, base: `/api/orgs/${org.id}/exercises/${e.id}/chronogram` };
  }

  it('adds, edits, deletes and reorders stimuli in preparation, naming the wrong field; logs each change', async () => {
    const { admin, e, base } = await draft();
    const first: Item = e.chronogram[0];
    const added = await admin.client.post(`${base}/stimuli`, {
      ...bodyOf(first),
      id: 's99',
      offsetMinutes: 45,
      subject: { fr: 'Relance', en: 'Reminder' },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().stimulus).toMatchObject({ id: 's99', offsetMinutes: 45, status: 'pending', position: e.chronogram.length });
    expect(added.json().items).toHaveLength(e.chronogram.length + 1);
    const dup = await admin.client.post(`${base}/stimuli`, bodyOf(first));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'duplicate_id', field: 'id' });
    const badPersona = await admin.client.post(`${base}/stimuli`, { ...bodyOf(first), id: 's98', personaId: 'nobody' });
    expect(badPersona.json().error).toMatchObject({ code: 'unknown_persona', field: 'personaId' });
    const badChannel = await admin.client.post(`${base}/stimuli`, { ...bodyOf(first), id: 's98', channel: 'fax' });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.field).toBe('body.channel');

    const sid = added.json().stimulus.stimulusId;
    const edited = await admin.client.put(`${base}/stimuli/${sid}`, { ...bodyOf(added.json().stimulus), offsetMinutes: 50 });
    expect(edited.json().stimulus).toMatchObject({ stimulusId: sid, offsetMinutes: 50 });
    const spare = await admin.client.put(`${base}/stimuli/${sid}`, { ...bodyOf(added.json().stimulus), spare: true });
    expect(spare.statusCode).toBe(400);

    const order = [...edited.json().items].reverse().map((s: Item) => s.stimulusId);
    const reordered = await admin.client.post(`${base}/order`, { stimulusIds: order });
    expect(reordered.json().items.map((s: Item) => s.stimulusId)).toEqual(order);
    expect((await admin.client.post(`${base}/order`, { stimulusIds: order.slice(1) })).json().error).toMatchObject({
      code: 'incomplete_order',
      field: 'stimulusIds',
    });

    const deleted = await admin.client.delete(`${base}/stimuli/${sid}`);
    expect(deleted.json().items.map((s: Item) => s.id)).not.toContain('s99');
    expect((await admin.client.delete(`${base}/stimuli/${sid}`)).statusCode).toBe(404);
    expect((await auditOf(t, e.id)).map((l) => l.action)).toEqual([
      'exercises.exercise.created',
      'exercises.stimulus.added',
      'exercises.stimulus.updated',
      'exercises.chronogram.reordered',
      'exercises.stimulus.deleted',
    ]);
  });

  it('once running: a delivered stimulus no longer changes, a pending one is edited or set aside; an ended exercise is closed', async () => {
    const { admin, e, base } = await draft();
    const [done, next] = e.chronogram as Item[];
    if (!done || !next) throw new Error('scenario too short');
    const db = t.dbh.db;
    await db.updateTable('exercises').set({ status: 'running', started_at: NOW.toISOString() }).where('id', '=', e.id).execute();
    await db
      .updateTable('exercise_stimuli')
      .set({ status: 'delivered', delivered_at: NOW.toISOString() })
      .where('id', '=', done.stimulusId)
      .execute();

    const refused = await admin.client.put(`${base}/stimuli/${done.stimulusId}`, {
      ...bodyOf(done),
      content: { fr: 'Autre', en: 'Other' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('stimulus_delivered');
    expect((await admin.client.delete(`${base}/stimuli/${done.stimulusId}`)).json().error.code).toBe('stimulus_delivered');

    const edited = await admin.client.put(`${base}/stimuli/${next.stimulusId}`, {
      ...bodyOf(next),
      content: { fr: 'Nouveau texte', en: 'New text' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().stimulus).toMatchObject({ status: 'pending', content: { fr: 'Nouveau texte', en: 'New text' } });
    const skipped = await admin.client.delete(`${base}/stimuli/${next.stimulusId}`);
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json().items.find((s: Item) => s.stimulusId === next.stimulusId)).toMatchObject({ status: 'skipped' });
    expect((await admin.client.put(`${base}/stimuli/${next.stimulusId}`, bodyOf(next))).json().error.code).toBe('stimulus_skipped');
    expect((await admin.client.post(`${base}/import?format=csv`, Buffer.from('id;heure\n'))).json().error.code).toBe('exercise_started');

    await db.updateTable('exercises').set({ status: 'ended' }).where('id', '=', e.id).execute();
    const closed = await admin.client.post(`${base}/stimuli`, { ...bodyOf(next), id: 's77' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('exercise_closed');
  });

  it('exports the chronogram as CSV and XLSX and imports it back (dry run, all or nothing, issues by line and column)', async () => {
    const { admin, e, base } = await draft('patient-portal-dos');
    const before = (await admin.client.get(base)).json().items.map(bodyOf);
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await admin.client.get(`${base}/export?format=${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain(`chronogramme.${format}`);
      const dry = await admin.client.request({
        method: 'POST',
        url: `${base}/import?format=${format}&dryRun=true`,
        payload: file.rawPayload,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ dryRun: true, valid: true, issues: [], stimulusCount: before.length });
      const real = await admin.client.request({
        method: 'POST',
        url: `${base}/import?format=${format}`,
        payload: file.rawPayload,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(real.statusCode).toBe(200);
      expect(real.json().chronogram.map(bodyOf)).toEqual(before);
    }

    const csv = (await admin.client.get(`${base}/export?format=csv`)).rawPayload.toString('utf8');
    const lines = csv.split('\n');
    lines[2] = lines[2]!.replace(
      /;(courriel|appel téléphonique|SMS|article de presse|réseaux sociaux|demande de l’ARS|note interne|formulaire papier);/,
      ';pigeon voyageur;',
    );
    const bad = await admin.client.request({
      method: 'POST',
      url: `${base}/import?format=csv`,
      payload: Buffer.from(lines.join('\n')),
      headers: { 'content-type': 'text/csv' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_file', field: 'body' });
    expect(bad.json().issues[0]).toMatchObject({ line: 3, column: 'canal' });
    expect((await admin.client.get(base)).json().items.map(bodyOf)).toEqual(before);
    expect((await auditOf(t, e.id)).filter((l) => l.action === 'exercises.chronogram.imported')).toHaveLength(2);

    const garbage = await admin.client.request({
      method: 'POST',
      url: `${base}/import?format=xlsx`,
      payload: Buffer.from('PK\u0003\u0004 not really a workbook'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(garbage.statusCode).toBe(400);
    expect((await admin.client.post(`${base}/import?format=pdf`, Buffer.from('x'))).statusCode).toBe(400);
    const nul = await admin.client.post(`${base}/stimuli`, {
      ...before[0],
      id: 's90',
      subject: { fr: `a${String.fromCharCode(0)}b`, en: 'x' },
    });
    expect(nul.statusCode).toBe(400);
  });

  it('shows players the stimuli delivered to their own cell since it joined, never another cell’s (404)', async () => {
    const db = t.dbh.db;
    const lead = await makeOrg(db);
    const member = await makeOrg(db);
    const territory = await makeTerritory(db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }] });
    const coord = await coordinator(t, territory.id);
    const base = `/api/territories/${territory.id}/exercises`;
    const e = (
      await coord.client.post(base, {
        scenarioId: 'lab-software-provider',
        cells: [{ organizationId: lead.id }, { organizationId: member.id }],
      })
    ).json();
    const [leadCell, memberCell] = e.cells;
    const director = await staffMember(t, lead.id);
    const nurse = await staffMember(t, member.id);
    const one = `${base}/${e.id}`;
    await coord.client.post(`${one}/participants`, { accountId: director.accountId, cellId: leadCell.id, function: 'director' });
    await coord.client.post(`${one}/participants`, { accountId: nurse.accountId, cellId: memberCell.id, function: 'medical_lead' });
    const toLead = (e.chronogram as Item[]).find((s) => s.target.cellId === 'lead' && !s.spare)!;
    const later = (e.chronogram as Item[]).filter((s) => s.target.cellId === 'lead' && !s.spare)[1]!;
    await db.updateTable('exercises').set({ status: 'running' }).where('id', '=', e.id).execute();
    await db
      .updateTable('exercise_stimuli')
      .set({ status: 'delivered', delivered_at: '2026-11-29T08:00:00.000Z' })
      .where('id', '=', toLead.stimulusId)
      .execute();
    // The lead cell joined at NOW (09:00): a stimulus delivered at 08:00 went out before it was there.
    await db.updateTable('exercise_cells').set({ joined_at: '2026-11-29T07:00:00.000Z' }).where('id', '=', leadCell.id).execute();
    await db
      .updateTable('exercise_stimuli')
      .set({ status: 'delivered', delivered_at: '2026-11-29T09:30:00.000Z' })
      .where('id', '=', later.stimulusId)
      .execute();

    const mine = await director.client.get(`/api/me/exercises/${e.id}/cells/${leadCell.id}/stimuli`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((s: Item) => s.id)).toEqual([toLead.id, later.id]);
    expect(mine.json().items[0].expectedReaction).toBeUndefined();
    expect((await nurse.client.get(`/api/me/exercises/${e.id}/cells/${leadCell.id}/stimuli`)).statusCode).toBe(404);
    expect((await nurse.client.get(`/api/me/exercises/${e.id}/cells/${memberCell.id}/stimuli`)).json().items).toEqual([]);

    await db.updateTable('exercise_cells').set({ joined_at: '2026-11-29T09:00:00.000Z' }).where('id', '=', leadCell.id).execute();
    const lateJoin = await director.client.get(`/api/me/exercises/${e.id}/cells/${leadCell.id}/stimuli`);
    expect(lateJoin.json().items.map((s: Item) => s.id)).toEqual([later.id]);
    const outsider = await staffMember(t, lead.id);
    expect((await outsider.client.get(`/api/me/exercises/${e.id}/cells/${leadCell.id}/stimuli`)).statusCode).toBe(404);
  });
});
