import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import type { HomeCard } from './schema.js';
import { coordinator, orgAdmin, platformAdmin } from './test-kit.js';

describe('home: what to do now', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  const cardsOf = async (c: { get(url: string): Promise<{ json(): { cards: HomeCard[] }; statusCode: number }> }) => {
    const res = await c.get('/api/home');
    expect(res.statusCode).toBe(200);
    return res.json().cards;
  };
  const item = (card: HomeCard | undefined, key: string) => card?.items?.find((i) => i.key === key);

  it('gives an org admin a setup checklist computed from the data', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db, { name: 'EHPAD Les Tilleuls', kind: 'ehpad' });
    const admin = await orgAdmin(t, org.id);
    // The admin's own directory entry does not count as an import.
    await db.updateTable('people').set({ active: 0 }).where('id', '=', admin.personId).execute();
    let setup = (await cardsOf(admin.client)).find((c) => c.kind === 'org_setup');
    expect(setup?.scope).toEqual({ kind: 'organization', id: org.id, name: 'EHPAD Les Tilleuls' });
    expect(setup?.items?.map((i) => [i.key, i.done])).toEqual([
      ['totp_enrolled', true],
      ['people_imported', false],
      ['second_admin', false],
      ['territory_membership', false],
      ['crisis_kit_reprint', false],
    ]);

    const p = await makePerson(db, org.id);
    await makePerson(db, org.id);
    await admin.client.post(`/api/orgs/${org.id}/grants`, { personId: p.id, role: 'org_admin' });
    await makeTerritory(db, { members: [{ orgId: org.id, lead: true }] });
    setup = (await cardsOf(admin.client)).find((c) => c.kind === 'org_setup');
    expect(item(setup, 'people_imported')).toEqual({ key: 'people_imported', done: true, count: 2 });
    expect(item(setup, 'second_admin')).toEqual({ key: 'second_admin', done: true, count: 2 });
    expect(item(setup, 'territory_membership')?.done).toBe(true);
    expect(setup?.counts).toEqual({ people: 2, admins: 2, territories: 1 });
    // An admin is not shown a learner card.
    expect((await cardsOf(admin.client)).some((c) => c.kind === 'learner')).toBe(false);
  });

  it('reminds an org admin to re-print a crisis kit never generated or older than three months', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const reprint = async () =>
      item(
        (await cardsOf(admin.client)).find((c) => c.kind === 'org_setup'),
        'crisis_kit_reprint',
      );
    expect(await reprint()).toEqual({ key: 'crisis_kit_reprint', done: false });

    const day = 86_400_000;
    const stamp = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    await db
      .insertInto('crisis_kits')
      .values({
        organization_id: org.id,
        roster_json: '[]',
        contacts_json: '{}',
        generated_at: stamp(10),
        generated_by: null,
        updated_at: stamp(10),
      })
      .execute();
    expect(await reprint()).toBeUndefined();

    await db
      .updateTable('crisis_kits')
      .set({ generated_at: stamp(95) })
      .where('organization_id', '=', org.id)
      .execute();
    expect(await reprint()).toEqual({ key: 'crisis_kit_reprint', done: false });
  });

  it('asks an admin who has not passed the second factor to do so first', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id, { mfa: false });
    const cards = await cardsOf(admin.client);
    expect(cards[0]).toEqual({ kind: 'second_factor', items: [{ key: 'totp_verify', done: false }] });
    expect(cards.some((c) => c.kind === 'org_setup')).toBe(false);
  });

  it('shows a coordinator the members, who shares data and who has no staff imported', async () => {
    const db = t.dbh.db;
    const lead = await makeOrg(db, { name: 'CHU Alpha', kind: 'chu' });
    const empty = await makeOrg(db, { name: 'Pharmacie Beta', kind: 'pharmacy' });
    await makePerson(db, lead.id);
    const territory = await makeTerritory(db, {
      name: 'CPTS Test',
      kind: 'cpts',
      members: [
        { orgId: lead.id, lead: true, shares: true },
        { orgId: empty.id, shares: false },
      ],
    });
    const coord = await coordinator(t, territory.id);
    const card = (await cardsOf(coord.client)).find((c) => c.kind === 'territory_overview');
    expect(card).toEqual({
      kind: 'territory_overview',
      scope: { kind: 'territory', id: territory.id, name: 'CPTS Test' },
      counts: { members: 2, sharingData: 1, membersWithoutPeople: 1 },
      items: [{ key: 'member_without_people', done: false, ref: { kind: 'organization', id: empty.id, name: 'Pharmacie Beta' } }],
    });
  });

  it('gives platform admins the platform counts', async () => {
    const admin = await platformAdmin(t);
    const db = t.dbh.db;
    const tables = ['organizations', 'territories', 'accounts'] as const;
    const n = async () =>
      Promise.all(
        tables.map(async (table) =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    // Other test files may add rows meanwhile on the shared PostgreSQL database: bracket the read.
    const before = await n();
    const card = (await cardsOf(admin.client)).find((c) => c.kind === 'platform_overview');
    const after = await n();
    tables.forEach((table, i) => {
      expect(card?.counts?.[table]).toBeGreaterThanOrEqual(before[i]!);
      expect(card?.counts?.[table]).toBeLessThanOrEqual(after[i]!);
    });
    expect(before[2]).toBeGreaterThan(0);
  });

  it('describes the identity routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/home',
      '/api/orgs/{orgId}/people',
      '/api/orgs/{orgId}/grants',
      '/api/territories/{territoryId}/members/{orgId}',
      '/api/platform/grants',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('shows a learner their organization and nothing due yet', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db, { name: 'CH Learner' });
    const p = await makePerson(db, org.id);
    const account = await makeAccount(db, { personId: p.id });
    const cards = await cardsOf(await clientFor(t, account.id, { mfa: false }));
    expect(cards).toEqual([
      { kind: 'learner', scope: { kind: 'organization', id: org.id, name: 'CH Learner' }, items: [], counts: { due: 0 } },
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});
