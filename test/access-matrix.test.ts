import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAccessGuard } from '../src/server/platform/access/guard.js';
import { AccessPolicy } from '../src/server/platform/access/policy.js';
import { type Role, roleScopes, roles } from '../src/server/platform/access/roles.js';
import { newId } from '../src/server/platform/ids.js';
import { type Client, clientFor, makeTestApp, type TestApp } from './helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from './helpers/factories.js';

/**
 * Every registered API route x every role x a foreign tenant. A route added later is covered
 * automatically: it must declare an access rule, and must hide other tenants' resources (404).
 */
describe('access matrix', () => {
  let t: TestApp;
  let home: { id: string };
  let foreign: { id: string };
  let homeTerritory: { id: string };
  let foreignTerritory: { id: string };
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await makeTestApp();
    const db = t.dbh.db;
    home = await makeOrg(db, { name: 'CH Maison' });
    foreign = await makeOrg(db, { name: 'CH Étranger' });
    homeTerritory = await makeTerritory(db, { members: [{ orgId: home.id, lead: true, shares: true }] });
    foreignTerritory = await makeTerritory(db, { members: [{ orgId: foreign.id, lead: true, shares: true }] });
    for (const role of roles) {
      if (role === 'platform_admin') continue;
      for (const scopeKind of roleScopes[role]) {
        if (scopeKind === 'platform') continue;
        const person = await makePerson(db, home.id);
        const scopeId = scopeKind === 'territory' ? homeTerritory.id : home.id;
        const account = await makeAccount(db, { personId: person.id, grants: [{ role, scopeKind, scopeId }], totp: true });
        clients.set(`${role}@${scopeKind}`, await clientFor(t, account.id));
      }
    }
  });
  afterAll(async () => t.close());

  const fill = (url: string, values: Record<string, string>) =>
    url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => values[name] ?? newId());

  const call = (c: Client | null, method: string, url: string) => {
    const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
    if (c) return c.request({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
    return t.app.inject({
      method: method as 'GET',
      url,
      cookies: { rempart_csrf: 'c'.repeat(32) },
      headers: { 'x-csrf-token': 'c'.repeat(32) },
    });
  };

  it('has routes to check, each with a rule', () => {
    expect(t.routes.length).toBeGreaterThan(3);
    for (const r of t.routes) {
      expect(r.access, `${r.method} ${r.url}`).toBeDefined();
      if (r.access.kind === 'public') expect(r.access.why.length).toBeGreaterThan(3);
    }
  });

  it('refuses to register an API route without an access rule', async () => {
    const app = Fastify();
    installAccessGuard(app, new AccessPolicy(t.dbh.db), []);
    expect(() => app.get('/api/naked', async () => 'x')).toThrow(/no access rule/);
    await app.close();
  });

  it('asks anonymous callers to sign in on every non-public route', async () => {
    for (const r of t.routes) {
      if (r.access.kind === 'public') continue;
      const res = await call(null, r.method, fill(r.url, {}));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('hides a foreign organization or territory from every role (404), and the platform scope is for platform admins', async () => {
    const failures: string[] = [];
    for (const r of t.routes) {
      if (r.access.kind !== 'permission') continue;
      for (const [name, c] of clients) {
        const url = fill(r.url, { orgId: foreign.id, territoryId: foreignTerritory.id });
        const res = await call(c, r.method, url);
        const expected = r.access.scope === 'platform' ? 403 : 404;
        if (res.statusCode !== expected) failures.push(`${name} ${r.method} ${url} -> ${res.statusCode} (expected ${expected})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 to a platform admin for an organization or territory that does not exist', async () => {
    const admin = await makeAccount(t.dbh.db, { grants: [{ role: 'platform_admin' as Role, scopeKind: 'platform' }], totp: true });
    const c = await clientFor(t, admin.id);
    const failures: string[] = [];
    for (const r of t.routes) {
      if (r.access.kind !== 'permission' || r.access.scope === 'platform') continue;
      const res = await call(c, r.method, fill(r.url, {}));
      if (res.statusCode !== 404) failures.push(`${r.method} ${r.url} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('does not count admin grants before the second factor', async () => {
    const person = await makePerson(t.dbh.db, home.id);
    const account = await makeAccount(t.dbh.db, {
      personId: person.id,
      grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: home.id }],
    });
    const c = await clientFor(t, account.id, { mfa: false });
    const me = await c.get('/api/me');
    expect(me.json().account.mfaVerified).toBe(false);
    expect(me.json().account.mfaEnrolmentRequired).toBe(true);
    const decision = await t.deps.policy.decide({ ...(await t.sessions.actorFor(c.cookies.rempart_session))! }, 'people.read', {
      kind: 'organization',
      id: home.id,
    });
    expect(decision).toBe('forbidden');
  });
});
