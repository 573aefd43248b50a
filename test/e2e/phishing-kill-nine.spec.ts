import { type APIRequestContext, expect, test } from '@playwright/test';
import { campaignOf, launchCampaign, orgIdByName, phishingAdmin, sinkProfile, staffWithEmail } from './phishing-api.js';
import { killNine, type SpareApp, startSpareApp, stopSpareApp } from './phishing-app.js';
import { type RawSink, startRawSink } from './phishing-sink.js';

// The check (issue 4, "Checks", ADR 0007): an app process sending a campaign is killed
// with SIGKILL halfway, started again on the same database; in the end every person targeted has
// received exactly one email: no duplicate, no gap. A second app of its own (ports 8192/8193, own
// SQLite file), so the suite's app is left alone.
test.describe.configure({ mode: 'serial' });

const ORG = 'Centre hospitalier de Bréval-sur-Seine';
const SINK_PORT = 2594;
const TARGETS = 100;
// 600 a minute: an email every 100 ms, so the kill often lands inside an SMTP exchange.
const RATE = 600;
// Killed after a random number of emails, between 10 and 60 (printed, to replay a failure).
const KILL_AFTER = 10 + Math.floor(Math.random() * 51);
const SPARE = { port: 8192, publicPort: 8193, dataDir: '/tmp/rempart-e2e-8192' };

let sink: RawSink;
let app: SpareApp | null = null;
let admin: APIRequestContext | null = null;

test.beforeAll(async () => {
  sink = await startRawSink(SINK_PORT);
});

test.afterAll(async () => {
  await admin?.dispose();
  await stopSpareApp(app);
  await sink?.stop();
});

test('a kill -9 during sending: no duplicate and no gap', async () => {
  test.setTimeout(360_000);
  app = await startSpareApp({ ...SPARE, keepData: false });
  admin = await phishingAdmin(app.url, SPARE.dataDir);
  const orgId = await orgIdByName(admin, ORG);
  const people = await staffWithEmail(admin, orgId, TARGETS);
  const targets = people.map((p) => (p.email ?? '').toLowerCase());
  const profileId = await sinkProfile(admin, orgId, SINK_PORT, RATE);
  const campaign = await launchCampaign(admin, orgId, profileId, people, `Exercice e2e kill -9 ${Date.now()}`);
  expect(campaign.progress.targets).toBe(TARGETS);

  await expect.poll(() => sink.ofCampaign(campaign.id).length, { timeout: 90_000, intervals: [20] }).toBeGreaterThanOrEqual(KILL_AFTER);
  await killNine(app);
  const atKill = sink.ofCampaign(campaign.id).length;
  expect(atKill, 'killed while sending, not after').toBeLessThan(TARGETS);

  app = await startSpareApp({ ...SPARE, keepData: true });
  // The session survives the restart (it lives in the database).
  await expect
    .poll(async () => (await campaignOf(admin!, orgId, campaign.id)).status, { timeout: 180_000, intervals: [1000] })
    .toBe('completed');
  // Let a straggler, if any, arrive before counting.
  await new Promise((r) => setTimeout(r, 2000));

  const perAddress = new Map<string, number>();
  for (const m of sink.ofCampaign(campaign.id)) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  const duplicates = [...perAddress].filter(([, n]) => n > 1);
  const missing = targets.filter((t) => !perAddress.has(t));
  const strangers = [...perAddress.keys()].filter((t) => !targets.includes(t));
  expect({ duplicates, missing, strangers }).toEqual({ duplicates: [], missing: [], strangers: [] });
  expect(sink.ofCampaign(campaign.id)).toHaveLength(TARGETS);
  const done = await campaignOf(admin, orgId, campaign.id);
  // An email whose server answer was lost in the kill stays `sent` (delivery not confirmed, ADR 0007).
  expect(done.progress).toMatchObject({ targets: TARGETS, sent: TARGETS, failed: 0 });
  expect(done.progress.delivered).toBeGreaterThanOrEqual(TARGETS - 4);
  console.log(
    `kill -9 aimed after ${KILL_AFTER}, landed after ${atKill} of ${TARGETS} emails; after restart ${sink.ofCampaign(campaign.id).length}, each address once`,
  );
});
