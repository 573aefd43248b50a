import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';
import { many, seed } from '../learning/metrics-test-kit.js';
import type { RegionalItem } from './dashboard-schema.js';
import { sortRegional } from './dashboard-service.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('regional dashboard: every GHT and CPTS of the region, sharing members only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('lists the territories of the region with aggregates, pages, sorts and links only where the viewer may go', async () => {
    const db = t.dbh.db;
    const region = `Région ${newId().slice(-8)}`; // tests share the database: a region of our own
    const [a, b, c] = [
      await makeOrg(db, { name: 'CHU R' }),
      await makeOrg(db, { name: 'CH R' }),
      await makeOrg(db, { name: 'Cabinet R', kind: 'gp_practice' }),
    ];
    const ght = await makeTerritory(db, {
      name: 'GHT Alpha',
      kind: 'ght',
      members: [{ orgId: a.id, lead: true, shares: true }, { orgId: b.id }],
    });
    const cpts = await makeTerritory(db, {
      name: 'CPTS Bêta',
      kind: 'cpts',
      members: [
        { orgId: a.id, shares: true },
        { orgId: c.id, shares: true },
      ],
    });
    const elsewhere = await makeTerritory(db, { name: 'GHT Ailleurs', kind: 'ght', members: [{ orgId: b.id, shares: true }] });
    const ars = await makeTerritory(db, { name: 'ARS de la région', kind: 'region' });
    await db.updateTable('territories').set({ region }).where('id', 'in', [ght.id, cpts.id, ars.id]).execute();
    await seed(t, NOW, a.id, many(6, {}));
    await seed(t, NOW, b.id, many(5, {}));
    await seed(t, NOW, c.id, many(2, { work: [{ status: 'in_progress' }] }));

    const account = await makeAccount(db, {
      grants: [
        { role: 'observer', scopeKind: 'territory', scopeId: ars.id },
        { role: 'territory_coordinator', scopeKind: 'territory', scopeId: cpts.id },
      ],
      totp: true,
    });
    const viewer = await clientFor(t, account.id);
    const url = `/api/territories/${ars.id}/regional-dashboard`;
    const res = await viewer.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ territoryId: ars.id, name: 'ARS de la région', region });
    expect(body.items.map((i: RegionalItem) => i.territory.name)).toEqual(['CPTS Bêta', 'GHT Alpha']);
    const [first, second] = body.items;
    expect(first.canOpen).toBe(true);
    expect(second.canOpen).toBe(false);
    // The CHU (6) and the practice (2) share: 8 people; the CH of the GHT does not share.
    expect(first.totals).toMatchObject({ members: 2, training: { suppressed: false, people: 8, completionRate: 75 } });
    expect(second.totals).toMatchObject({ members: 2, sharing: { training: 1 }, training: { people: 6, completionRate: 100 } });
    // The region counts the CHU once.
    expect(body.totals).toMatchObject({ members: 3, training: { people: 8 } });
    expect(res.body).not.toContain('GHT Ailleurs');
    expect(res.body).not.toContain(elsewhere.id);

    const paged = (await viewer.get(`${url}?sort=-training&pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items[0].territory.name).toBe('CPTS Bêta');
    expect((await viewer.get(`${url}?kind=ght`)).json().items.map((i: RegionalItem) => i.territory.name)).toEqual(['GHT Alpha']);
    const bad = await viewer.get(`${url}?sort=salary`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('sort');
    expect((await viewer.get(`${url}?pageSize=1000`)).statusCode).toBe(400);

    // The practice stops sharing its training with the CPTS: the region's figures follow at once.
    const practiceAdmin = await orgAdmin(t, c.id);
    const off = await practiceAdmin.client.put(`/api/orgs/${c.id}/territory-sharing/${cpts.id}`, { domains: { training: false } });
    expect(off.statusCode).toBe(200);
    const later = (await viewer.get(url)).json();
    expect(later.items[0].totals).toMatchObject({ sharing: { training: 1 }, training: { people: 6, completionRate: 100 } });
    expect(later.totals.training.people).toBe(6);

    // A GHT is not a region; strangers and member admins learn nothing.
    expect((await (await coordinator(t, ght.id)).client.get(`/api/territories/${ght.id}/regional-dashboard`)).statusCode).toBe(404);
    expect((await (await coordinator(t, ght.id)).client.get(url)).statusCode).toBe(404);
    expect((await (await orgAdmin(t, a.id)).client.get(url)).statusCode).toBe(404);
  });

  it('sorts missing figures last in both directions', () => {
    const item = (name: string, rate: number | null) =>
      ({
        territory: { id: name, name, kind: 'ght' },
        canOpen: false,
        totals: { training: { completionRate: rate } },
      }) as unknown as RegionalItem;
    const items = [item('B', 50), item('A', null), item('C', 90)];
    expect(sortRegional(items, 'training').map((i) => i.territory.name)).toEqual(['B', 'C', 'A']);
    expect(sortRegional(items, '-training').map((i) => i.territory.name)).toEqual(['C', 'B', 'A']);
    expect(sortRegional(items, '-name').map((i) => i.territory.name)).toEqual(['C', 'B', 'A']);
  });
});
