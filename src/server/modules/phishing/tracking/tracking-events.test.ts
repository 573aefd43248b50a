import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening, uniqueInstant } from './test-listener.js';

describe('tracking listener: events', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await startListening();
  });
  afterAll(async () => l.close());

  const db = () => l.dbh.db;
  const campaign = (over: Parameters<typeof makeTrackedCampaign>[1] extends infer O ? Partial<O> : never = {}) =>
    makeTrackedCampaign(db(), { now: l.clock.now(), ...over });
  const events = (recipientId: string) =>
    db().selectFrom('phishing_events').selectAll().where('recipient_id', '=', recipientId).orderBy('id').execute();
  const recipient = (id: string) => db().selectFrom('phishing_recipients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const stats = async (campaignId: string, dimension = 'all', key = '') =>
    db()
      .selectFrom('phishing_campaign_stats')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('dimension', '=', dimension as 'all')
      .where('group_key', '=', key)
      .executeTakeFirst();

  it('records a human open once, and a replay as an event that changes nothing', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    const res = await l.hit(`/o/${r.token}.gif`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(20);
    const openedAt = l.clock.now().toISOString();
    expect((await recipient(r.id)).opened_at).toBe(openedAt);

    l.clock.advance(5_000);
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(200);
    const evs = await events(r.id);
    expect(evs.map((e) => [e.kind, e.scanner_reason])).toEqual([
      ['open', null],
      ['open', null],
    ]);
    expect(evs[0]).toMatchObject({ campaign_id: c.campaignId, address: '127.0.0.0', user_agent: expect.stringContaining('Mozilla') });
    expect((await recipient(r.id)).opened_at).toBe(openedAt);
    expect(await stats(c.campaignId)).toMatchObject({ opened: 1, clicked: 0, scanner_flagged: 0 });
    expect(await stats(c.campaignId, 'service', 'Urgences')).toMatchObject({ opened: 1 });
    expect(await stats(c.campaignId, 'site', 'Site principal')).toMatchObject({ opened: 1 });
  });

  it('counts a click once a browser confirms it with the landing-page beacon', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    const click = await l.hit(`/c/${r.token}`);
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe(`/l/${r.token}`);
    const clickedAt = l.clock.now().toISOString();
    expect((await recipient(r.id)).clicked_at).toBeNull(); // not yet: a link checker clicks too

    l.clock.advance(3_000);
    const page = await l.hit(`/l/${r.token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<form action="/l/${r.token}" method="post"`);
    expect(html).not.toContain('elsewhere.example');
    expect(html).not.toContain('<script');
    expect(html).toContain(`src="/b/${r.token}.gif"`);
    expect(html).toMatch(/value="p\.[^"]+@test\.rempart\.localhost"/); // {{email}} filled for the recipient

    expect((await l.hit(`/b/${r.token}.gif`)).status).toBe(200);
    const row = await recipient(r.id);
    expect(row.clicked_at).toBe(clickedAt);
    expect(row.opened_at).toBe(clickedAt); // a confirmed click implies the email was opened
    expect((await events(r.id)).map((e) => e.kind)).toEqual(['click', 'landing']);
    expect(await stats(c.campaignId)).toMatchObject({ opened: 1, clicked: 1 });
  });

  it('flags HEAD requests and scanner user agents, keeping them out of human figures', async () => {
    const c = await campaign({ people: 2 });
    const [a, b] = c.recipients as [(typeof c.recipients)[0], (typeof c.recipients)[0]];
    expect((await l.hit(`/c/${a.token}`, { method: 'HEAD' })).status).toBe(302);
    expect((await l.hit(`/o/${a.token}.gif`, { headers: { 'user-agent': 'Mimecast-URL-Protect/1.0' } })).status).toBe(200);
    expect((await l.hit(`/c/${b.token}`, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Barracuda)' } })).status).toBe(302);
    // A scanner's beacon does not confirm anything either.
    expect((await l.hit(`/b/${b.token}.gif`, { headers: { 'user-agent': 'python-requests/2.31' } })).status).toBe(200);

    expect((await events(a.id)).map((e) => e.scanner_reason)).toEqual(['head', 'user-agent']);
    expect(await recipient(a.id)).toMatchObject({ opened_at: null, clicked_at: null, scanner_flagged: 2 });
    expect(await recipient(b.id)).toMatchObject({ opened_at: null, clicked_at: null, scanner_flagged: 2 });
    expect(await stats(c.campaignId)).toMatchObject({ opened: 0, clicked: 0, scanner_flagged: 2 }); // recipients, not hits
  });

  it('flags what comes too soon after sending, and configured scanner addresses', async () => {
    const fresh = await campaign({ sentSecondsAgo: 2 });
    const r = fresh.recipients[0]!;
    await l.hit(`/o/${r.token}.gif`);
    expect((await events(r.id))[0]?.scanner_reason).toBe('too-soon');
    expect((await recipient(r.id)).opened_at).toBeNull();

    const c = await campaign();
    const s = c.recipients[0]!;
    const gateway = await l.variant({ PHISHING_SCANNER_ADDRESSES: '10.0.0.0/8, 127.0.0.0/8' });
    try {
      expect((await gateway.hit(`/o/${s.token}.gif`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
    expect((await events(s.id))[0]?.scanner_reason).toBe('address');
    expect(await stats(c.campaignId)).toMatchObject({ opened: 0, scanner_flagged: 1 });
  });

  it('records a submitted form as submitted and as a confirmed click, then the report with its delay', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    await l.hit(`/c/${r.token}`);
    l.clock.advance(90_000); // no beacon (images off): the submission confirms the click
    const submit = await l.hit(`/l/${r.token}`, {
      method: 'POST',
      body: 'identifier=x&password=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(submit.status).toBe(303);
    expect(submit.headers.get('location')).toBe(`/m/${r.token}`);
    const row = await recipient(r.id);
    expect(row.submitted_at).toBe(l.clock.now().toISOString());
    expect(row.clicked_at).not.toBeNull();
    expect(row.clicked_at! < row.submitted_at!).toBe(true);

    const page = await l.hit(`/r/${r.token}`);
    expect(await page.text()).toContain(`<form method="post" action="/r/${r.token}">`);
    expect((await l.hit(`/r/${r.token}`, { method: 'POST' })).status).toBe(200);
    expect((await l.hit(`/r/${r.token}`, { method: 'POST' })).status).toBe(200); // replay
    expect((await recipient(r.id)).reported_at).toBe(l.clock.now().toISOString());
    // Delivered an hour and 90 s before: the 1 h to 4 h bucket (report_b3).
    expect(await stats(c.campaignId)).toMatchObject({
      submitted: 1,
      clicked: 1,
      opened: 1,
      reported: 1,
      report_seconds_sum: 3690,
      report_b3: 1,
    });
    expect((await events(r.id)).map((e) => e.kind)).toEqual(['click', 'submit', 'report', 'report']);
  });

  it('writes a burst of concurrent hits in batches without losing or double-counting any', async () => {
    const c = await campaign({ people: 30 });
    const hits = c.recipients.flatMap((r) => [l.hit(`/o/${r.token}.gif`), l.hit(`/o/${r.token}.gif`), l.hit(`/c/${r.token}`)]);
    const answers = await Promise.all(hits);
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 302)).toEqual([]);
    const n = await db()
      .selectFrom('phishing_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', c.campaignId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(90);
    expect(await stats(c.campaignId)).toMatchObject({ opened: 30, clicked: 0 });
    expect(await stats(c.campaignId, 'service', 'Cardiologie')).toMatchObject({ opened: 15 });
  });

  it('answers a 404 page and records nothing for unknown, forged or malformed tokens', async () => {
    l.clock.set(uniqueInstant());
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    const paths = [
      `/o/${forged}.gif`,
      `/c/${forged}`,
      `/l/${forged}`,
      `/m/${forged}`,
      `/r/${forged}`,
      `/b/${forged}.gif`,
      '/c/short',
      '/o/not*a*token*at*all*here.gif',
      `/o/${forged}`,
      `/c/${forged}/extra`,
      '/c/%00%ZZ',
      `/c/${'A'.repeat(5000)}`,
      '/',
      '/favicon.ico',
      '/../../etc/passwd',
    ];
    for (const p of paths) {
      const res = await l.hit(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type'), p).toContain('text/html');
      expect(await res.text(), p).toContain('Lien introuvable');
    }
    for (const p of [`/l/${forged}`, `/r/${forged}`, `/m/${forged}/enrol`]) {
      expect((await l.hit(p, { method: 'POST', body: 'password=secret' })).status, p).toBe(404);
    }
    expect((await l.hit(`/c/${forged}`, { method: 'DELETE' })).status).toBe(404);
    const n = await db()
      .selectFrom('phishing_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '=', l.clock.now().toISOString())
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});
