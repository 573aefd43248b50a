import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { orgAdmin, platformAdmin, type Signed } from './test-kit.js';

/** Whatever the input, the identity endpoints answer 2xx or 4xx, never 500, and lose nothing. */
describe('identity endpoints under arbitrary input', () => {
  let t: TestApp;
  let orgId: string;
  let territoryId: string;
  let personId: string;
  let admin: Signed;
  let platform: Signed;
  beforeAll(async () => {
    t = await makeTestApp();
    orgId = (await makeOrg(t.dbh.db)).id;
    territoryId = (await makeTerritory(t.dbh.db, { members: [{ orgId, lead: true }] })).id;
    personId = (await makePerson(t.dbh.db, orgId, { email: 'keep@chu.example.fr' })).id;
    admin = await orgAdmin(t, orgId);
    platform = await platformAdmin(t);
  });
  afterAll(async () => t.close());

  const value = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '=1+1', 'Hélène', 'a@b.fr', 'chu', 'physicians', '%', '\u0000', 'x'.repeat(300)),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const body = fc.dictionary(
    fc.constantFrom(
      'name',
      'kind',
      'siret',
      'city',
      'email',
      'firstName',
      'lastName',
      'roleFamily',
      'service',
      'active',
      'isLead',
      'role',
      'personId',
      'scopeKind',
      'scopeId',
      'archived',
    ),
    value,
  );
  const query = fc.dictionary(
    fc.constantFrom('q', 'page', 'pageSize', 'sort', 'active', 'kind', 'service', 'manager', 'roleFamily'),
    fc.string({ maxLength: 20 }),
  );

  it('refuses the NUL character, which PostgreSQL cannot store, with a 400', async () => {
    const nul = 'Mar\u0000tin';
    for (const [method, url, payload] of [
      ['POST', `/api/orgs/${orgId}/people`, { email: 'n@chu.example.fr', lastName: nul, roleFamily: 'physicians' }],
      ['PATCH', `/api/orgs/${orgId}/people/${personId}`, { service: nul }],
      ['POST', '/api/organizations', { name: nul, kind: 'ch' }],
      ['POST', '/api/territories', { name: 'T', kind: 'ght', region: nul }],
    ] as const) {
      const res = await platform.client.request({ method, url, payload });
      expect(res.statusCode, url).toBe(400);
    }
    expect((await admin.client.get(`/api/orgs/${orgId}/people?q=${encodeURIComponent(nul)}`)).statusCode).toBe(400);
    expect((await admin.client.get(`/api/organizations?q=${encodeURIComponent(nul)}`)).statusCode).toBe(400);
  });

  it('never answers 500', async () => {
    const writes = [
      () => `/api/orgs/${orgId}/people`,
      () => `/api/orgs/${orgId}/people/${personId}`,
      () => `/api/orgs/${orgId}`,
      () => '/api/organizations',
      () => '/api/territories',
      () => `/api/territories/${territoryId}/members/${orgId}`,
      () => `/api/orgs/${orgId}/grants`,
      () => '/api/platform/grants',
    ];
    const reads = [
      '/api/organizations',
      '/api/territories',
      `/api/orgs/${orgId}/people`,
      `/api/orgs/${orgId}/people/export.csv`,
      '/api/platform/accounts',
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat(writes.length - 1), body, fc.nat(reads.length - 1), query, async (w, payload, r, qs) => {
        const url = writes[w]!();
        const method = url.includes('/members/') ? 'PUT' : url.endsWith(personId) || url.endsWith(orgId) ? 'PATCH' : 'POST';
        const res = await platform.client.request({ method, url, payload });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)} -> ${res.body}`).toBeLessThan(500);
        const read = await admin.client.get(`${reads[r]!}?${new URLSearchParams(qs).toString()}`);
        expect(read.statusCode, `${reads[r]} ${JSON.stringify(qs)} -> ${read.body}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    // The person and the territory's lead are still there.
    const kept = await t.dbh.db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    expect(kept?.id).toBe(personId);
    const leads = await t.dbh.db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('is_lead', '=', 1)
      .execute();
    expect(leads.length).toBeGreaterThan(0);
  });
});
