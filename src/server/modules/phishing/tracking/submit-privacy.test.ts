import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson, makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening } from './test-listener.js';

/**
 * The promise of the landing pages: what a person types never reaches the database or the logs.
 * Everything a browser (or an attacker) can send carries a marker, then every column of every
 * table and every line written to the console is searched for it.
 */
describe('what people type is never stored', () => {
  let l: Listening;
  const captured: string[] = [];
  const restore: Array<() => void> = [];
  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        captured.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original;
      });
    }
    // Vitest routes console calls around the streams: capture both.
    for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const original = console[name];
      console[name] = (...args: unknown[]) => {
        captured.push(
          args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '),
        );
        original(...args);
      };
      restore.push(() => {
        console[name] = original;
      });
    }
    l = await startListening({ LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    for (const r of restore) r();
    await l.close();
  });

  /** Rows of any table where any column, read as text, contains the marker. */
  async function tablesContaining(marker: string): Promise<string[]> {
    const found: string[] = [];
    for (const table of await l.dbh.db.introspection.getTables()) {
      for (const column of table.columns) {
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(table.name)}
          where cast(${sql.ref(column.name)} as text) like ${`%${marker}%`}`.execute(l.dbh.db);
        if (Number(rows[0]?.n ?? 0) > 0) found.push(`${table.name}.${column.name}`);
      }
    }
    return found;
  }

  it('keeps no typed value, whatever the encoding, the route or the token', async () => {
    const marker = `TYPED-${randomUUID()}`;
    const org = await makeTrackedCampaign(l.dbh.db, { now: l.clock.now() });
    const lesson = await makeLesson(l.dbh.db, org.orgId, l.clock.now());
    const c = await makeTrackedCampaign(l.dbh.db, { now: l.clock.now(), learningModuleId: lesson.id });
    const token = c.recipients[0]!.token;
    const form = `identifier=${marker}%40chu.example&password=${marker}-pw&remember=on`;
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
    const multipart = new FormData();
    multipart.set('identifier', `${marker}@chu.example`);
    multipart.set('password', `${marker}-pw`);

    await l.hit(`/c/${token}`);
    await l.hit(`/l/${token}`);
    const answers = [
      await l.hit(`/l/${token}`, { method: 'POST', body: form, headers: urlencoded }),
      await l.hit(`/l/${token}`, { method: 'POST', body: multipart }),
      await l.hit(`/l/${token}`, {
        method: 'POST',
        body: JSON.stringify({ identifier: marker, password: marker }),
        headers: { 'content-type': 'application/json' },
      }),
      await l.hit(`/l/${token}?identifier=${marker}&password=${marker}`, { method: 'POST', body: form, headers: urlencoded }),
      await l.hit(`/l/${token}?identifier=${marker}&password=${marker}`), // a GET form would put them here
      await l.hit(`/l/${token}`, { method: 'POST', body: `password=${marker}${'x'.repeat(70 * 1024)}`, headers: urlencoded }),
      await l.hit(`/l/${token}${marker}`, { method: 'POST', body: form, headers: urlencoded }),
      await l.hit(`/l/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST', body: form, headers: urlencoded }),
      await l.hit(`/r/${token}`, { method: 'POST', body: form, headers: urlencoded }),
      await l.hit(`/m/${token}/enrol`, { method: 'POST', body: form, headers: urlencoded }),
    ];
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303, 200, 413, 404, 404, 200, 200]);
    const follow = await l.hit(answers[0]!.headers.get('location') ?? '');
    expect(await follow.text()).not.toContain(marker);

    // The submission itself is known: only that it happened.
    const recipient = await l.dbh.db
      .selectFrom('phishing_recipients')
      .select('submitted_at')
      .where('id', '=', c.recipients[0]!.id)
      .executeTakeFirstOrThrow();
    expect(recipient.submitted_at).not.toBeNull();

    expect(await tablesContaining(marker)).toEqual([]);
    expect(captured.filter((line) => line.includes(marker))).toEqual([]);
  });

  it('would notice a marker if one were stored or logged (the search itself works)', async () => {
    const control = `CONTROL-${randomUUID()}`;
    const c = await makeTrackedCampaign(l.dbh.db, { now: l.clock.now() });
    await l.dbh.db.updateTable('phishing_recipients').set({ last_error: control }).where('id', '=', c.recipients[0]!.id).execute();
    console.log(`log line with ${control}`);
    expect(await tablesContaining(control)).toEqual(['phishing_recipients.last_error']);
    expect(captured.some((line) => line.includes(control))).toBe(true);
  });
});
