import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import type { DiagnosticStatus, DiagnosticVariant } from './tables.js';

const NOW = new Date('2026-11-20T10:00:00Z');

interface Seed {
  key: string;
  variant: DiagnosticVariant;
  status: DiagnosticStatus;
  created: string;
  completed: string | null;
  overall: number | null;
}

/**
 * Six diagnostics covering what the sorts must handle: drafts without a completion date, a draft
 * with a score and one without, and two completed ones with the same score (the id decides).
 */
const seeds: Seed[] = [
  { key: 'a', variant: 'full', status: 'completed', created: '2026-01-01', completed: '2026-01-05', overall: 40 },
  { key: 'b', variant: 'short', status: 'completed', created: '2026-02-01', completed: '2026-02-03', overall: 80 },
  { key: 'c', variant: 'full', status: 'draft', created: '2026-03-01', completed: null, overall: null },
  { key: 'd', variant: 'short', status: 'draft', created: '2026-04-01', completed: null, overall: 55 },
  { key: 'e', variant: 'full', status: 'completed', created: '2026-05-01', completed: '2026-05-02', overall: 40 },
  { key: 'f', variant: 'short', status: 'draft', created: '2026-06-01', completed: null, overall: null },
];

/** Expected orders, as seed keys: nulls last in both directions, ties by id in the sort's direction. */
const expected: Record<string, string> = {
  'createdAt asc': 'abcdef',
  'createdAt desc': 'fedcba',
  'completedAt asc': 'abecdf',
  'completedAt desc': 'ebafdc',
  'overall asc': 'aedbcf',
  'overall desc': 'bdeafc',
};

describe('maturity diagnostics list: filters, sorts, stable pages', () => {
  let t: TestApp;
  let url: string;
  let keyOf: (id: string) => string;
  let get: (query: string) => ReturnType<Client['get']>;

  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const other = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    url = `/api/orgs/${org.id}/maturity/diagnostics`;
    get = (query) => admin.client.get(`${url}${query}`);
    const version = await db.selectFrom('maturity_referentials').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
    const row = (orgId: string, s: Seed) => ({
      id: `${orgId}-${s.key}`,
      organization_id: orgId,
      referential_version_id: version.id,
      variant: s.variant,
      status: s.status,
      answers: '{}',
      provenance: '{}',
      scores: '{}',
      overall: s.overall,
      started_by: null,
      created_at: `${s.created}T09:00:00.000Z`,
      updated_at: `${s.created}T09:00:00.000Z`,
      completed_at: s.completed === null ? null : `${s.completed}T16:00:00.000Z`,
    });
    // Another organization's diagnostics must never show, whatever the filters.
    await db
      .insertInto('maturity_diagnostics')
      .values([...seeds.map((s) => row(org.id, s)), ...seeds.map((s) => row(other.id, s))])
      .execute();
    keyOf = (id) => id.slice(org.id.length + 1);
  });
  afterAll(async () => t.close());

  const keys = (body: { items: Array<{ id: string }> }) => body.items.map((d) => keyOf(d.id)).join('');

  it('lists newest first by default, in the same shape as before', async () => {
    const res = await get('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(keys(body)).toBe('fedcba');
    expect(body).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(Object.keys(body.items[0]).sort()).toEqual(
      ['completedAt', 'createdAt', 'id', 'overall', 'referentialVersion', 'startedBy', 'status', 'variant'].sort(),
    );
    expect(body.items.find((d: { id: string }) => keyOf(d.id) === 'd')).toMatchObject({ status: 'draft', overall: 55, completedAt: null });
  });

  it('filters by status, by variant and by both, the total counting the filtered rows only', async () => {
    const drafts = (await get('?status=draft')).json();
    expect([keys(drafts), drafts.total]).toEqual(['fdc', 3]);
    const short = (await get('?variant=short')).json();
    expect([keys(short), short.total]).toEqual(['fdb', 3]);
    const both = (await get('?status=completed&variant=full&sort=overall&order=asc')).json();
    expect([keys(both), both.total]).toEqual(['ae', 2]);
    const none = (await get('?status=draft&variant=full&sort=completedAt')).json();
    expect([keys(none), none.total]).toEqual(['c', 1]);
  });

  for (const [sortOrder, order] of Object.entries(expected)) {
    const [sort, dir] = sortOrder.split(' ');
    it(`sorts by ${sort} ${dir}, nulls last, and pages of two add up to the whole list`, async () => {
      const whole = (await get(`?sort=${sort}&order=${dir}`)).json();
      expect(keys(whole)).toBe(order);
      let paged = '';
      for (let page = 1; page <= 4; page++) {
        const body = (await get(`?sort=${sort}&order=${dir}&page=${page}&pageSize=2`)).json();
        expect(body).toMatchObject({ total: 6, page, pageSize: 2 });
        paged += keys(body);
      }
      expect(paged).toBe(order);
    });
  }

  it('answers 400 naming the field for a value it does not know', async () => {
    for (const [query, field] of [
      ['?sort=name', 'sort'],
      ['?order=up', 'order'],
      ['?status=archived', 'status'],
      ['?variant=tiny', 'variant'],
    ] as const) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(`querystring.${field}`);
    }
  });
});
