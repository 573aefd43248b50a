import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { csvCell } from './people-csv.js';
import type { PersonDto } from './schema.js';
import { auditOf, orgAdmin, type Signed } from './test-kit.js';

describe('people directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  /** A fresh organization with its admin (who is the directory's first person). */
  async function tenant(): Promise<{ orgId: string; admin: Signed; url: string }> {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    // The admin's own directory entry is not part of these scenarios.
    await admin.client.patch(`/api/orgs/${org.id}/people/${admin.personId}`, { active: false });
    return { orgId: org.id, admin, url: `/api/orgs/${org.id}/people` };
  }

  const person = (over: Record<string, unknown> = {}) => ({
    email: `${Math.random().toString(36).slice(2)}@chu.example.fr`,
    firstName: 'Jean',
    lastName: 'Dupont',
    roleFamily: 'nurses_care_assistants',
    service: 'Urgences',
    site: 'Charles-Nicolle',
    ...over,
  });

  it('creates, reads and updates a person; emails are stored lower-case; changes are audited', async () => {
    const { orgId, admin, url } = await tenant();
    const res = await admin.client.post(
      url,
      person({
        email: '  Helene.Leroux@CHU.example.fr ',
        firstName: 'Hélène',
        lastName: 'Leroux',
        jobTitle: 'Cadre de santé',
        isManager: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const created: PersonDto = res.json();
    expect(created).toMatchObject({
      organizationId: orgId,
      email: 'helene.leroux@chu.example.fr',
      firstName: 'Hélène',
      isManager: true,
      active: true,
      deactivatedAt: null,
    });
    expect((await admin.client.get(`${url}/${created.id}`)).json()).toEqual(created);

    const updated = await admin.client.patch(`${url}/${created.id}`, { service: 'Réanimation', jobTitle: '' });
    expect(updated.json()).toMatchObject({ service: 'Réanimation', jobTitle: null });
    const row = await t.dbh.db.selectFrom('people').select('search_text').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.search_text).toContain('reanimation');
    expect(row.search_text).not.toContain('cadre');

    // Saving an unchanged form writes nothing.
    const same = await admin.client.patch(`${url}/${created.id}`, { service: 'Réanimation', isManager: true });
    expect(same.json().updatedAt).toBe(updated.json().updatedAt);
    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'person.updated']);
    expect(audit[1]).toMatchObject({ organizationId: orgId, before: { service: 'Urgences' }, after: { service: 'Réanimation' } });
  });

  it('names the field of bad input: email, duplicate email, role family, missing last name', async () => {
    const { admin, url } = await tenant();
    const badEmail = await admin.client.post(url, person({ email: 'not-an-email' }));
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error).toMatchObject({ code: 'invalid_email', field: 'email' });
    const first = await admin.client.post(url, person({ email: 'camille.martin@chu.example.fr' }));
    expect(first.statusCode).toBe(201);
    const dup = await admin.client.post(url, person({ email: 'Camille.MARTIN@chu.example.fr' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'email_taken', field: 'email' });
    const other = (await admin.client.post(url, person({ email: 'other@chu.example.fr' }))).json();
    const dupOnUpdate = await admin.client.patch(`${url}/${other.id}`, { email: 'camille.martin@chu.example.fr' });
    expect(dupOnUpdate.statusCode).toBe(409);
    expect(dupOnUpdate.json().error.field).toBe('email');
    const badFamily = await admin.client.post(url, person({ roleFamily: 'wizards' }));
    expect(badFamily.statusCode).toBe(400);
    expect(badFamily.json().error.field).toMatch(/roleFamily$/);
    const noLast = await admin.client.post(url, person({ lastName: undefined }));
    expect(noLast.json().error.field).toMatch(/lastName$/);
    expect((await admin.client.get(`${url}?pageSize=500`)).statusCode).toBe(400);
    expect((await admin.client.get(`${url}?sort=salary`)).statusCode).toBe(400);
    expect((await admin.client.get(`${url}/${'0'.repeat(8)}`)).statusCode).toBe(404);
    // The same email may exist in another organization.
    const elsewhere = await tenant();
    expect((await elsewhere.admin.client.post(elsewhere.url, person({ email: 'camille.martin@chu.example.fr' }))).statusCode).toBe(201);
  });

  it('deactivates without deleting, and reactivates', async () => {
    const { orgId, admin, url } = await tenant();
    const p = (await admin.client.post(url, person({ lastName: 'Quitte' }))).json();
    const off = await admin.client.patch(`${url}/${p.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect(off.json().deactivatedAt).toBeTruthy();
    expect((await admin.client.get(url)).json().total).toBe(0);
    // The admin's own entry was deactivated by tenant() too.
    expect(
      (await admin.client.get(`${url}?active=false`))
        .json()
        .items.map((x: PersonDto) => x.id)
        .sort(),
    ).toEqual([p.id, admin.personId].sort());
    expect((await admin.client.get(`${url}?active=all`)).json().total).toBe(2); // with the admin's own entry
    expect((await admin.client.get(`${url}/${p.id}`)).statusCode).toBe(200);
    const on = await admin.client.patch(`${url}/${p.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true, deactivatedAt: null });
    const audit = await auditOf(t, p.id);
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'person.deactivated', 'person.reactivated']);
    expect(audit[1]).toMatchObject({ organizationId: orgId, before: { active: true }, after: { active: false } });
  });

  it('searches without accents or case across names, email, job title and service', async () => {
    const { admin, url } = await tenant();
    await admin.client.post(
      url,
      person({ firstName: 'Hélène', lastName: 'Lefèvre', email: 'h.lefevre@chu.example.fr', jobTitle: 'Infirmière de bloc' }),
    );
    await admin.client.post(url, person({ firstName: 'Paul', lastName: 'Durand', service: 'Pédiatrie', email: 'p.durand@chu.example.fr' }));
    await admin.client.post(url, person({ firstName: 'Zoé', lastName: 'Fontaine', email: 'zoe_100%@chu.example.fr' }));
    const names = async (q: string) =>
      (await admin.client.get(`${url}?q=${encodeURIComponent(q)}`)).json().items.map((p: PersonDto) => p.lastName);
    expect(await names('helene')).toEqual(['Lefèvre']);
    expect(await names('HÉLÈNE')).toEqual(['Lefèvre']);
    expect(await names('lefevre helene')).toEqual(['Lefèvre']);
    expect(await names('infirmiere bloc')).toEqual(['Lefèvre']);
    expect(await names('pediatrie')).toEqual(['Durand']);
    expect(await names('p.durand@')).toEqual(['Durand']);
    // LIKE wildcards in the query are taken literally.
    expect(await names('100%')).toEqual(['Fontaine']);
    expect(await names('_')).toEqual(['Fontaine']);
    expect(await names('nobody')).toEqual([]);
  });

  it('filters by role family, service, site and manager flag; counts facets', async () => {
    const { admin, url } = await tenant();
    await admin.client.post(
      url,
      person({ lastName: 'A', roleFamily: 'physicians', service: 'Cardiologie', site: 'Nord', isManager: true }),
    );
    await admin.client.post(url, person({ lastName: 'B', roleFamily: 'physicians', service: 'Urgences', site: 'Nord' }));
    await admin.client.post(url, person({ lastName: 'C', service: 'Urgences', site: 'Sud' }));
    await admin.client.post(url, person({ lastName: 'D', service: null, site: null }));
    const names = async (qs: string) => (await admin.client.get(`${url}?${qs}`)).json().items.map((p: PersonDto) => p.lastName);
    expect(await names('roleFamily=physicians')).toEqual(['A', 'B']);
    expect(await names('service=Urgences')).toEqual(['B', 'C']);
    expect(await names('site=Nord&service=Urgences')).toEqual(['B']);
    expect(await names('manager=true')).toEqual(['A']);
    expect(await names('manager=false')).toEqual(['B', 'C', 'D']);
    const facets = (await admin.client.get(`${url}/facets`)).json();
    expect(facets).toEqual({
      services: [
        { value: 'Cardiologie', count: 1 },
        { value: 'Urgences', count: 2 },
      ],
      sites: [
        { value: 'Nord', count: 2 },
        { value: 'Sud', count: 1 },
      ],
      total: 5,
      active: 4,
    });
  });

  it('sorts every way with a stable order across pages', async () => {
    const { admin, url } = await tenant();
    // Duplicated names and services force the id tie-breaker.
    const rows = [
      ['Bernard', 'Anne', 'Urgences', 'Nord', 'physicians'],
      ['Martin', 'Luc', 'Cardiologie', 'Sud', 'pharmacy_lab'],
      ['Martin', 'Luc', 'Cardiologie', 'Sud', 'pharmacy_lab'],
      ['Martin', 'Luc', 'Cardiologie', 'Sud', 'pharmacy_lab'],
      ['Petit', 'Marc', null, null, 'it_biomedical'],
      ['Durand', 'Zoé', 'Urgences', 'Nord', 'physicians'],
      ['Leroy', 'Inès', 'Bloc', 'Est', 'technical_logistics'],
    ] as const;
    for (const [i, [lastName, firstName, service, site, roleFamily]] of rows.entries()) {
      await admin.client.post(url, person({ email: `p${i}@chu.example.fr`, lastName, firstName, service, site, roleFamily }));
    }
    const all = async (sort: string): Promise<PersonDto[]> => {
      const out: PersonDto[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = (await admin.client.get(`${url}?sort=${sort}&pageSize=3&page=${page}`)).json();
        expect(res).toMatchObject({ total: 7, page, pageSize: 3 });
        out.push(...res.items);
      }
      expect(new Set(out.map((p) => p.id)).size).toBe(7);
      return out;
    };
    const byLast = await all('lastName');
    expect(byLast.map((p) => p.lastName)).toEqual(['Bernard', 'Durand', 'Leroy', 'Martin', 'Martin', 'Martin', 'Petit']);
    const martins = byLast.filter((p) => p.lastName === 'Martin').map((p) => p.id);
    expect(martins).toEqual([...martins].sort());
    const desc = await all('-lastName');
    expect(desc.map((p) => p.id)).toEqual(byLast.map((p) => p.id).reverse());
    expect((await all('email')).map((p) => p.email)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `p${i}@chu.example.fr`));
    // People without a service come last, both ways.
    expect((await all('service')).map((p) => p.service)).toEqual([
      'Bloc',
      'Cardiologie',
      'Cardiologie',
      'Cardiologie',
      'Urgences',
      'Urgences',
      null,
    ]);
    expect((await all('-service')).map((p) => p.service)).toEqual([
      'Urgences',
      'Urgences',
      'Cardiologie',
      'Cardiologie',
      'Cardiologie',
      'Bloc',
      null,
    ]);
    expect((await all('site')).map((p) => p.lastName)).toEqual(['Leroy', 'Bernard', 'Durand', 'Martin', 'Martin', 'Martin', 'Petit']);
    expect((await all('roleFamily')).map((p) => p.roleFamily)[0]).toBe('it_biomedical');
    const updated = await all('-updatedAt');
    expect(updated[0]?.email).toBe('p6@chu.example.fr');
  });

  it('exports CSV for Excel: BOM, semicolons, quoting, formulas neutralised, same filters', async () => {
    const { orgId, admin, url } = await tenant();
    await admin.client.post(
      url,
      person({ lastName: '=HYPERLINK("http://evil")', firstName: 'Eve', jobTitle: 'Aide; "soignante"', email: 'eve@chu.example.fr' }),
    );
    await admin.client.post(url, person({ lastName: 'Zola', firstName: 'Émile', service: 'Cardiologie', email: 'emile@chu.example.fr' }));
    const res = await admin.client.get(`${url}/export.csv?sort=email`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="personnes-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFFCourriel;Nom;Prénom;')).toBe(true);
    const lines = body.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two people, final empty string
    expect(lines[1]).toBe(
      `emile@chu.example.fr;Zola;Émile;;nurses_care_assistants;Cardiologie;Charles-Nicolle;non;oui;;${lines[1]?.split(';').at(-1)}`,
    );
    expect(lines[2]).toContain(`eve@chu.example.fr;"'=HYPERLINK(""http://evil"")";Eve;"Aide; ""soignante""";`);
    const filtered = (await admin.client.get(`${url}/export.csv?service=Cardiologie`)).rawPayload.toString('utf8');
    expect(filtered.split('\r\n').filter(Boolean)).toHaveLength(2);
    const en = await admin.client.request({ method: 'GET', url: `${url}/export.csv`, cookies: { rempart_locale: 'en' } });
    expect(en.rawPayload.toString('utf8').startsWith('\uFEFFEmail;Last name;')).toBe(true);
    expect(orgId).toBeTruthy();
  });

  it('neutralises every formula trigger in a CSV cell', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain')).toBe('plain');
  });

  it('hides another organization’s directory (404) from an org admin', async () => {
    const mine = await tenant();
    const theirs = await tenant();
    const p = (await theirs.admin.client.post(theirs.url, person())).json();
    for (const path of ['', '/facets', '/export.csv', `/${p.id}`]) {
      expect((await mine.admin.client.get(`${theirs.url}${path}`)).statusCode, path).toBe(404);
    }
    expect((await mine.admin.client.patch(`${theirs.url}/${p.id}`, { active: false })).statusCode).toBe(404);
    expect((await mine.admin.client.post(theirs.url, person())).statusCode).toBe(404);
    // Nor can a person id of another organization be reached through one's own organization.
    expect((await mine.admin.client.get(`${mine.url}/${p.id}`)).statusCode).toBe(404);
    expect((await mine.admin.client.patch(`${mine.url}/${p.id}`, { lastName: 'X' })).statusCode).toBe(404);
  });
});
