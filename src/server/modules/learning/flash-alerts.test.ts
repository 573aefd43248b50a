import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import { loadConfig } from '../../config.js';
import { SmtpMailer } from '../../platform/mail/mailer.js';
import type { RoleFamily } from '../identity/domain.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import type { FlashAlertDto } from './admin-schema.js';

const alertBody = (over: Record<string, unknown> = {}) => ({
  title: 'Faux appels du « support informatique »',
  summary: 'Des appels demandent vos identifiants au nom du support : raccrochez et signalez.',
  body: 'Le support ne vous demandera **jamais** votre mot de passe.',
  roleFamilies: ['nurses_care_assistants', 'physicians'],
  ...over,
});

/** A 1x1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e3d1e60000000049454e44ae426082',
  'hex',
);

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('flash alerts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { JOBS: 'false', BASE_URL: 'https://rempart.example.fr' } });
  });
  afterAll(async () => t.close());

  async function staff(orgId: string, roleFamily: RoleFamily, active = true) {
    return makePerson(t.dbh.db, orgId, { roleFamily, active });
  }
  const mailsTo = (emails: string[]) => t.mailer.sent.filter((m) => emails.includes(m.to));

  it('reaches the targeted active staff by email and in the app, and counts acknowledgements', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await t.dbh.db.updateTable('people').set({ active: 0 }).where('id', '=', admin.personId!).execute();
    const targeted = [
      ...(await Promise.all([1, 2, 3, 4].map(() => staff(org.id, 'nurses_care_assistants')))),
      ...(await Promise.all([1, 2].map(() => staff(org.id, 'physicians')))),
    ];
    const others = [
      await staff(org.id, 'secretaries_reception'),
      await staff(org.id, 'it_biomedical'),
      await staff(org.id, 'nurses_care_assistants', false),
      await staff((await makeOrg(t.dbh.db)).id, 'nurses_care_assistants'),
    ];
    const base = `/api/orgs/${org.id}/learning/flash-alerts`;
    const res = await admin.client.post(base, alertBody());
    expect(res.statusCode).toBe(201);
    const alert: FlashAlertDto = res.json();
    expect(alert).toMatchObject({
      title: alertBody().title,
      recipients: 6,
      roleFamilies: ['nurses_care_assistants', 'physicians'],
      organizationIds: [org.id],
    });

    // The request did not wait for the emails; they leave right after, without waiting for a tick.
    await until(() => mailsTo(targeted.map((p) => p.email)).length === 6);
    await t.app.jobs.runOnce('learning.flash-mail', { waitMs: 20_000 });
    expect(mailsTo(targeted.map((p) => p.email))).toHaveLength(6);
    expect(mailsTo(others.map((p) => p.email))).toHaveLength(0);
    const mail = mailsTo([targeted[0]!.email])[0]!;
    expect(mail.subject).toContain('Faux appels du « support informatique »');
    expect(mail.text).toContain('raccrochez et signalez');
    expect(mail.text).toContain('https://rempart.example.fr/learning');

    const mod = await t.dbh.db.selectFrom('learning_modules').selectAll().where('id', '=', alert.moduleId).executeTakeFirstOrThrow();
    expect(mod).toMatchObject({ kind: 'flash_alert', organization_id: org.id, status: 'published' });
    const assignments = await t.dbh.db.selectFrom('learning_assignments').selectAll().where('module_id', '=', alert.moduleId).execute();
    expect(assignments.map((a) => a.person_id).sort()).toEqual(targeted.map((p) => p.id).sort());
    expect(assignments[0]).toMatchObject({ source: 'flash_alert', status: 'assigned' });
    expect(new Date(assignments[0]!.due_at!).getTime() - new Date(assignments[0]!.assigned_at).getTime()).toBe(7 * 86_400_000);

    // Two people read it in the app.
    for (const p of targeted.slice(0, 2)) {
      const learner = await clientFor(t, (await makeAccount(t.dbh.db, { personId: p.id })).id);
      const banners = (await learner.get('/api/learning/me/alerts')).json();
      expect(banners.map((b: { id: string }) => b.id)).toContain(alert.id);
      expect((await learner.post(`/api/learning/me/alerts/${alert.id}/ack`)).statusCode).toBe(204);
    }
    const [listed] = (await admin.client.get(base)).json();
    expect(listed).toMatchObject({ id: alert.id, recipients: 6, emailed: 6, acknowledged: 2 });
    const trail = (await auditOf(t, alert.id)).map((a) => a.action);
    expect(trail[0]).toBe('learning.flash_alert_published');
    expect(trail.filter((a) => a === 'learning.flash_alert_emailed')).toHaveLength(6);

    const flashModules = (await admin.client.get(`/api/orgs/${org.id}/learning/modules?kind=flash_alert`)).json();
    expect(flashModules.items.map((m: { id: string }) => m.id)).toEqual([alert.moduleId]);
  });

  it('lets a territory coordinator alert chosen member organizations only', async () => {
    const lead = await makeOrg(t.dbh.db);
    const member = await makeOrg(t.dbh.db);
    const outsider = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }] });
    const coord = (await coordinator(t, territory.id)).client;
    const base = `/api/territories/${territory.id}/learning/flash-alerts`;
    const inLead = await staff(lead.id, 'nurses_care_assistants');
    const inMember = [await staff(member.id, 'nurses_care_assistants'), await staff(member.id, 'physicians')];

    const refused = await coord.post(base, alertBody({ organizationIds: [member.id, outsider.id] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'not_a_member', field: 'organizationIds' });

    const res = await coord.post(base, alertBody({ organizationIds: [member.id], language: 'en', title: 'Fake IT support calls' }));
    expect(res.statusCode).toBe(201);
    const alert: FlashAlertDto = res.json();
    expect(alert).toMatchObject({ recipients: 2, organizationIds: [member.id] });
    await until(() => mailsTo(inMember.map((p) => p.email)).length === 2);
    expect(mailsTo([inLead.email])).toHaveLength(0);
    const mod = await t.dbh.db
      .selectFrom('learning_modules')
      .select('organization_id')
      .where('id', '=', alert.moduleId)
      .executeTakeFirstOrThrow();
    expect(mod.organization_id).toBe(lead.id);

    expect((await coord.get(base)).json().map((a: FlashAlertDto) => a.id)).toEqual([alert.id]);
    const memberAdmin = (await orgAdmin(t, member.id)).client;
    expect((await memberAdmin.get(`/api/orgs/${member.id}/learning/flash-alerts`)).json()).toMatchObject([{ id: alert.id, recipients: 2 }]);
    const leadAdmin = (await orgAdmin(t, lead.id)).client;
    expect((await leadAdmin.get(`/api/orgs/${lead.id}/learning/flash-alerts`)).json()).toEqual([]);
    expect((await leadAdmin.post(base, alertBody())).statusCode).toBe(403);

    const wrongOrg = await leadAdmin.post(`/api/orgs/${lead.id}/learning/flash-alerts`, alertBody({ organizationIds: [member.id] }));
    expect(wrongOrg.statusCode).toBe(400);
    expect(wrongOrg.json().error.field).toBe('organizationIds');
    const noTitle = await leadAdmin.post(`/api/orgs/${lead.id}/learning/flash-alerts`, alertBody({ title: '' }));
    expect(noTitle.json().error.field).toBe('body.title');
  });
});

describe('images of a territory flash alert', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { JOBS: 'false' } });
  });
  afterAll(async () => t.close());

  const signedIn = async (personId: string) => clientFor(t, (await makeAccount(t.dbh.db, { personId })).id);

  it('are shown to every learner the alert reached, in any member organization, and to no one else', async () => {
    const lead = await makeOrg(t.dbh.db);
    const member = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }] });
    // The lead's security officer uploads the picture; the coordinator links it in the alert.
    const leadAdmin = (await orgAdmin(t, lead.id)).client;
    const up = await leadAdmin.post(`/api/orgs/${lead.id}/learning/media`, {
      filename: 'faux-support.png',
      contentType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    expect(up.statusCode).toBe(201);
    const { url } = up.json() as { url: string };
    const reached = await makePerson(t.dbh.db, member.id, { roleFamily: 'nurses_care_assistants' });
    const notTargeted = await makePerson(t.dbh.db, member.id, { roleFamily: 'it_biomedical' });
    const outsider = await makePerson(t.dbh.db, (await makeOrg(t.dbh.db)).id, { roleFamily: 'nurses_care_assistants' });

    const coord = (await coordinator(t, territory.id)).client;
    const res = await coord.post(
      `/api/territories/${territory.id}/learning/flash-alerts`,
      alertBody({ organizationIds: [member.id], body: `Voici l’écran du faux support :\n\n![Capture du faux message](${url})` }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().recipients).toBe(1);

    const img = await (await signedIn(reached.id)).get(url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
    for (const [who, personId] of [
      ['colleague not targeted', notTargeted.id],
      ['outsider', outsider.id],
    ] as const) {
      expect((await (await signedIn(personId)).get(url)).statusCode, who).toBe(404);
    }
    // An assignment of another module opens nothing either.
    const other = await makePerson(t.dbh.db, member.id, { roleFamily: 'physicians' });
    const memberAdmin = (await orgAdmin(t, member.id)).client;
    await memberAdmin.post(`/api/orgs/${member.id}/learning/assignments`, {
      moduleIds: ['phishing-health-staff'],
      personIds: [other.id],
      dueDays: 7,
    });
    expect((await (await signedIn(other.id)).get(url)).statusCode).toBe(404);
  });
});

describe('flash alert emails through a real SMTP server', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, BASE_URL: 'http://rempart.test', JOBS: 'false' };
    const config = loadConfig(env);
    t = await makeTestApp({ env, mailer: new SmtpMailer(config.SMTP_URL!, config.MAIL_FROM) });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('delivers each email within seconds of publication', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = (await orgAdmin(t, org.id)).client;
    const people = [
      await makePerson(t.dbh.db, org.id, { firstName: 'Inès', lastName: 'Lefèvre', roleFamily: 'secretaries_reception' }),
      await makePerson(t.dbh.db, org.id, { firstName: 'Jean', lastName: 'Morel', roleFamily: 'secretaries_reception' }),
    ];
    const res = await admin.post(`/api/orgs/${org.id}/learning/flash-alerts`, alertBody({ roleFamilies: ['secretaries_reception'] }));
    expect(res.json().recipients).toBe(2);
    const mails = await Promise.all(people.map((p) => sink.waitFor((m) => m.to.includes(p.email), 10_000)));
    expect(mails[0]!.subject).toContain('Faux appels');
    expect(mails[0]!.text).toContain('Bonjour Inès Lefèvre');
    expect(mails[0]!.text).toContain('http://rempart.test/learning');
    expect(mails[0]!.html).toContain('href="http://rempart.test/learning"');
    await until(async () => (await admin.get(`/api/orgs/${org.id}/learning/flash-alerts`)).json()[0].emailed === 2);
  });
});
