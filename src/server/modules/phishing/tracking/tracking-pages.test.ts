import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson, makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening } from './test-listener.js';

describe('tracking listener: pages', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await startListening({ REPORT_ADDRESS: 'signalement@chu-test.example', BASE_URL: 'https://rempart.chu-test.example' });
  });
  afterAll(async () => l.close());
  const db = () => l.dbh.db;

  it('serves the pages with strict headers and never a cookie', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now() });
    const token = c.recipients[0]!.token;
    for (const path of [`/l/${token}`, `/m/${token}`, `/r/${token}`, '/nowhere']) {
      const res = await l.hit(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("style-src 'unsafe-inline'");
      expect(csp, path).not.toContain('script-src');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-robots-tag'), path).toContain('noindex');
      expect(res.headers.get('set-cookie'), path).toBeNull();
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('shows the very email with its cues numbered, links neutralised, kindly, in French by default', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now() });
    const r = c.recipients[0]!;
    const res = await l.hit(`/m/${r.token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('C’était un exercice');
    expect(html).toContain('Action requise : votre e-CPS, Camille0'); // subject rendered for this person
    expect(html).toContain('Support e-CPS &#60;support-ecps@ecps-renouvellement.example&#62;');
    expect(html).toContain('Bonjour Camille0');
    // Cues marked in the body are outlined and numbered in their list order; the sender cue sits on the header.
    expect(html).toContain('.email-body [data-cue="urgency"]::before{content:"2"}');
    expect(html).toContain('.email-body [data-cue="link"]::before{content:"3"}');
    expect(html).toMatch(/<th>De<\/th><td>[^<]*<a class="badge" href="#cue-1">1<\/a>/);
    expect(html).toContain('<li id="cue-3"><span class="badge">3</span><strong>Lien trompeur</strong>');
    expect(html).toContain('Le lien mène ailleurs.');
    // The link is an inert span showing where it led; no live link to the tracking addresses.
    expect(html).toContain('<span class="link" data-dest="http://127.0.0.1:0/c/…" data-cue="link">portail sécurisé</span>');
    expect(html).not.toMatch(/href="[^"#]*\/(c|o)\//);
    expect(html).not.toContain('<script');
    expect(html).toContain('signalement@chu-test.example');
    expect(html).not.toMatch(/échec|erreur de votre part|faute/i);
    const ev = await db().selectFrom('phishing_events').select(['kind', 'scanner_reason']).where('recipient_id', '=', r.id).execute();
    expect(ev).toEqual([{ kind: 'teachable', scanner_reason: null }]);
  });

  it('speaks English to people whose account is in English', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now(), accountLocale: 'en' });
    const html = await (await l.hit(`/m/${c.recipients[0]!.token}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('This was an exercise');
    expect(html).toContain('Action required: your e-CPS, Camille0');
    const report = await (await l.hit(`/r/${c.recipients[0]!.token}`)).text();
    expect(report).toContain('Report this message');
  });

  it('offers the campaign module and enrols the person once, with source phishing', async () => {
    const org = await makeTrackedCampaign(db(), { now: l.clock.now() }); // the lesson belongs to some organization
    const lesson = await makeLesson(db(), org.orgId, l.clock.now());
    const c = await makeTrackedCampaign(db(), { now: l.clock.now(), learningModuleId: lesson.id });
    const r = c.recipients[0]!;
    const page = await (await l.hit(`/m/${r.token}`)).text();
    expect(page).toContain(lesson.title);
    expect(page).toContain(`<form method="post" action="/m/${r.token}/enrol">`);

    const first = await l.hit(`/m/${r.token}/enrol`, { method: 'POST' });
    expect(first.status).toBe(200);
    const done = await first.text();
    expect(done).toContain('vous attend dans votre espace de formation');
    expect(done).toContain('href="https://rempart.chu-test.example/learning"');
    const again = await (await l.hit(`/m/${r.token}/enrol`, { method: 'POST' })).text();
    expect(again).toContain('déjà dans votre espace de formation');

    const assignments = await db().selectFrom('learning_assignments').selectAll().where('person_id', '=', r.personId!).execute();
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      module_id: lesson.id,
      source: 'phishing',
      status: 'assigned',
      due_at: null,
      organization_id: c.orgId,
    });
    const audit = await db().selectFrom('audit_log').selectAll().where('organization_id', '=', c.orgId).execute();
    expect(audit.map((a) => a.action)).toEqual(['phishing.enrolment.create']);
    const kinds = await db().selectFrom('phishing_events').select('kind').where('recipient_id', '=', r.id).orderBy('id').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['teachable', 'enrol', 'enrol']);
  });

  it('enrols nobody in an anonymous campaign', async () => {
    const org = await makeTrackedCampaign(db(), { now: l.clock.now() });
    const lesson = await makeLesson(db(), org.orgId, l.clock.now());
    const c = await makeTrackedCampaign(db(), { now: l.clock.now(), learningModuleId: lesson.id, anonymous: true });
    const r = c.recipients[0]!;
    const page = await (await l.hit(`/m/${r.token}`)).text();
    expect(page).toContain(lesson.title);
    expect(page).not.toContain('/enrol');
    expect(page).toContain('Campagne anonyme');
    expect((await l.hit(`/m/${r.token}/enrol`, { method: 'POST' })).status).toBe(409);
    const n = await db()
      .selectFrom('learning_assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('module_id', '=', lesson.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('goes straight to the lesson when the campaign has no landing page, which then carries the beacon', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now(), landing: false });
    const r = c.recipients[0]!;
    await l.hit(`/c/${r.token}`);
    const landing = await l.hit(`/l/${r.token}`);
    expect(landing.status).toBe(302);
    expect(landing.headers.get('location')).toBe(`/m/${r.token}`);
    const html = await (await l.hit(`/m/${r.token}`)).text();
    expect(html).toContain(`src="/b/${r.token}.gif"`);
    await l.hit(`/b/${r.token}.gif`);
    const row = await db().selectFrom('phishing_recipients').select('clicked_at').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.clicked_at).toBe(l.clock.now().toISOString());
  });
});
