import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onPostgres } from '../../../../../test/helpers/db.js';
import { type DbHandle, openDatabase } from '../../../db/index.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { BROWSER_UA, makeTrackedCampaign } from './test-campaign.js';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));

/**
 * "Every event is durable before the response is sent": the listener runs in a child process
 * that is killed with SIGKILL as soon as the first answers come back. Every answer the client
 * received must have its event in the database; nothing may have been kept for later.
 */
describe('tracking events survive kill -9', () => {
  let url: string;
  let dbh: DbHandle;
  beforeAll(async () => {
    url = onPostgres() ? inject('pgUrl') : `sqlite:${join(mkdtempSync(join(tmpdir(), 'rempart-kill-')), 'kill.sqlite')}`;
    dbh = openDatabase(url);
    await migrateToLatest(dbh.db);
  });
  afterAll(async () => dbh.close());

  function startChild(): Promise<{ child: ChildProcess; port: number }> {
    return new Promise((resolve, reject) => {
      const child = fork(CHILD, [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.once('message', (m: { port: number }) => resolve({ child, port: m.port }));
      child.once('exit', (code) => reject(new Error(`tracking child exited early (${code})`)));
    });
  }

  for (const round of [1, 2, 3]) {
    it(`keeps the event of every answer received before the kill (round ${round})`, async () => {
      const c = await makeTrackedCampaign(dbh.db, { now: new Date(), people: 60 });
      const { child, port } = await startChild();
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      const agent = new Agent({ keepAlive: true, maxSockets: 30 });
      const answered: string[] = [];
      const killAfter = round * 3; // answers to let through before pulling the plug
      await new Promise<void>((done) => {
        let pending = c.recipients.length;
        const settle = () => {
          pending -= 1;
          if (pending === 0) done();
        };
        c.recipients.forEach((r, i) => {
          const path = i % 2 ? `/c/${r.token}` : `/o/${r.token}.gif`;
          const req = request({ host: '127.0.0.1', port, path, agent, headers: { 'user-agent': BROWSER_UA } }, (res) => {
            answered.push(r.id);
            if (answered.length === killAfter) child.kill('SIGKILL');
            res.resume();
            res.once('end', settle);
            res.once('error', settle);
          });
          req.once('error', settle); // cut off by the kill: no answer, nothing promised
          req.end();
        });
      });
      agent.destroy();
      expect(await exited).toBe('SIGKILL');
      expect(answered.length).toBeGreaterThanOrEqual(killAfter);

      const rows = await dbh.db.selectFrom('phishing_events').select('recipient_id').where('campaign_id', '=', c.campaignId).execute();
      const stored = new Set(rows.map((e) => e.recipient_id));
      expect(answered.filter((id) => !stored.has(id))).toEqual([]);
    });
  }
});
