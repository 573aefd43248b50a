import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHrCsv } from '../../../../../bench/gen-hr-csv.js';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../../test/helpers/factories.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../../test/fixtures/hr/${name}`, import.meta.url));

const frMapping = {
  email: 'Courriel',
  firstName: 'Prénom',
  lastName: 'Nom',
  jobTitle: 'Fonction',
  service: 'Service',
  site: 'Site',
  isManager: 'Encadrant',
  active: 'Statut',
};

describe('staff directory import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  /** A new organization and a signed-in admin of it. */
  async function tenant(): Promise<{ orgId: string; c: Client }> {
    const org = await makeOrg(t.dbh.db);
    const admin = await makeAccount(t.dbh.db, { grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: org.id }], totp: true });
    return { orgId: org.id, c: await clientFor(t, admin.id) };
  }

  const upload = (c: Client, orgId: string, body: Buffer | string, filename = 'export.csv', type = 'text/csv') =>
    c.post(`/api/orgs/${orgId}/imports?filename=${encodeURIComponent(filename)}`, body, { 'content-type': type });

  const people = (orgId: string) =>
    t.dbh.db.selectFrom('people').selectAll().where('organization_id', '=', orgId).orderBy('email').execute();

  it('imports a Windows-1252 semicolon file with French headers, idempotently', async () => {
    const { orgId, c } = await tenant();
    const up = await upload(c, orgId, fixture('sirh-cp1252-semicolon.csv'), 'SIRH export.csv', 'application/octet-stream');
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowCount: 5, filename: 'SIRH export.csv' });
    expect(file.headers).toEqual(['Matricule', 'Nom', 'Prénom', 'Courriel', 'Fonction', 'Service', 'Site', 'Encadrant', 'Statut']);
    expect(file.suggestedMapping).toEqual(frMapping);
    expect(file.sample).toHaveLength(5);
    expect(file.sample[1]).toMatchObject({ Nom: 'Bœuf', Prénom: 'Françoise' });

    const dry = await c.post(`/api/orgs/${orgId}/imports/${file.id}/dry-run`, { mapping: file.suggestedMapping, mode: 'partial' });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ toCreate: 5, toUpdate: 0, unchanged: 0, toDeactivate: 0, errors: [], errorCount: 0 });
    expect(await people(orgId)).toHaveLength(0);

    const applied = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'partial' });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ toCreate: 5, toUpdate: 0, errorCount: 0, applied: true });

    const rows = await people(orgId);
    expect(rows.map((p) => [p.email, p.last_name, p.first_name, p.role_family])).toEqual([
      ['francoise.boeuf@ch-exemple.fr', 'Bœuf', 'Françoise', 'secretaries_reception'],
      ['helene.lefevre@ch-exemple.fr', 'Lefèvre', 'Hélène', 'nurses_care_assistants'],
      ['jerome.garcon@ch-exemple.fr', 'Garçon', 'Jérôme', 'physicians'],
      ['noel.loeuillet@ch-exemple.fr', 'Lœuillet', 'Noël', 'it_biomedical'],
      ['zoe.merault@ch-exemple.fr', 'Mérault', 'Zoé', 'pharmacy_lab'],
    ]);
    const jerome = rows.find((p) => p.first_name === 'Jérôme')!;
    expect(jerome).toMatchObject({
      is_manager: 1,
      active: 1,
      site: 'Hôpital Saint-Éloi',
      search_text: 'jerome garcon jerome.garcon@ch-exemple.fr medecin reanimation',
    });
    expect(rows.find((p) => p.first_name === 'Noël')!.service).toBe('Biomédical; Sécurité');

    // Same file again: nothing to do.
    const again = await upload(c, orgId, fixture('sirh-cp1252-semicolon.csv'));
    const second = await c.post(`/api/orgs/${orgId}/imports/${again.json().id}/apply`, { mapping: frMapping, mode: 'full' });
    expect(second.json()).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 5, toDeactivate: 0, errorCount: 0 });
    const after = await people(orgId);
    expect(after.map((p) => p.updated_at)).toEqual(rows.map((p) => p.updated_at));

    // One audit entry per upload and one per apply, each with the counts.
    const audit = await t.dbh.db.selectFrom('audit_log').selectAll().where('organization_id', '=', orgId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['import.uploaded', 'import.applied', 'import.uploaded', 'import.applied']);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ mode: 'partial', toCreate: 5, toUpdate: 0, errorCount: 0 });

    const list = await c.get(`/api/orgs/${orgId}/imports`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect(list.json().items[0]).toMatchObject({
      status: 'applied',
      mode: 'full',
      summary: { unchanged: 5, rowCount: 5 },
      mapping: frMapping,
    });
    expect(list.json().items[0].createdBy).toMatch(/@/);
  });

  it('reads a UTF-8 BOM comma file with English headers and reports errors on their physical lines', async () => {
    const { orgId, c } = await tenant();
    const up = await upload(c, orgId, fixture('export-utf8-bom-comma.csv'));
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ',', rowCount: 5 });
    expect(file.headers[0]).toBe('Employee ID');
    expect(file.suggestedMapping).toEqual({
      email: 'Email',
      firstName: 'First name',
      lastName: 'Last name',
      jobTitle: 'Job title',
      service: 'Department',
      site: 'Site',
      isManager: 'Manager',
      active: 'Status',
    });
    expect(file.sample[1].Notes).toBe('Part time\nback on Monday');

    c.cookies.rempart_locale = 'en';
    const dry = await c.post(`/api/orgs/${orgId}/imports/${file.id}/dry-run`, { mapping: file.suggestedMapping });
    expect(dry.statusCode).toBe(200);
    // Record E2 spans lines 3 and 4, so E4 is on line 6 and E5 on line 7.
    expect(dry.json()).toEqual({
      toCreate: 3,
      toUpdate: 0,
      unchanged: 0,
      toDeactivate: 0,
      errorCount: 2,
      errors: [
        { line: 6, field: 'email', code: 'invalid_email', reason: 'Invalid email address: "not-an-email".' },
        { line: 7, field: 'isManager', code: 'invalid_boolean', reason: 'Expected yes/no (or 1/0, true/false): "maybe".' },
      ],
    });
    c.cookies.rempart_locale = 'fr';
    const fr = await c.post(`/api/orgs/${orgId}/imports/${file.id}/dry-run`, { mapping: file.suggestedMapping });
    expect(fr.json().errors[0].reason).toBe('Adresse e-mail invalide : « not-an-email ».');

    const applied = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'partial' });
    expect(applied.json()).toMatchObject({ toCreate: 3, errorCount: 2, applied: true });
    const rows = await people(orgId);
    expect(rows.map((p) => [p.email, p.role_family])).toEqual([
      ['agnes.perier@clinique-exemple.fr', 'pharmacy_lab'],
      ['benoit.cote@clinique-exemple.fr', 'secretaries_reception'],
      ['chloe.dupre@clinique-exemple.fr', 'nurses_care_assistants'],
    ]);
    expect(rows[2]!.service).toBe('Surgery, day unit');
  });

  it('skips a broken row between good ones, and a repeated email on its later line', async () => {
    const { orgId, c } = await tenant();
    const csv = [
      'nom;prenom;mail;poste',
      'Dupont;Anne;anne.dupont@ch.fr;IDE',
      ';Paul;paul.sansnom@ch.fr;Médecin',
      'Martin;Luc;luc.martin@ch.fr;Interne',
      'Durand;Anne;ANNE.DUPONT@ch.fr;Pharmacien',
      'Petit;Eve;eve.petit@ch.fr;Chargée de mécénat',
    ].join('\n');
    const file = (await upload(c, orgId, csv)).json();
    const res = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'partial' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ toCreate: 3, errorCount: 2 });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ line: 3, field: 'lastName', code: 'required' }),
      expect.objectContaining({ line: 5, field: 'email', code: 'duplicate_email', reason: expect.stringContaining('ligne 2') }),
    ]);
    const rows = await people(orgId);
    expect(rows.map((p) => [p.email, p.last_name, p.role_family])).toEqual([
      ['anne.dupont@ch.fr', 'Dupont', 'nurses_care_assistants'],
      // No keyword matches: the documented fallback family.
      ['eve.petit@ch.fr', 'Petit', 'administration_management'],
      ['luc.martin@ch.fr', 'Martin', 'students_interns'],
    ]);
  });

  it('deactivates people absent from a full import, never deletes, and reactivates those who come back', async () => {
    const { orgId, c } = await tenant();
    const kept = await makePerson(t.dbh.db, orgId, { email: 'kept@ch.fr', lastName: 'Gardé', roleFamily: 'it_biomedical' });
    const gone = await makePerson(t.dbh.db, orgId, { email: 'gone@ch.fr', lastName: 'Parti' });
    const back = await makePerson(t.dbh.db, orgId, { email: 'back@ch.fr', lastName: 'Revenu', active: false });
    const typo = await makePerson(t.dbh.db, orgId, { email: 'typo@ch.fr', lastName: 'Coquille' });
    const other = await tenant();
    const foreigner = await makePerson(t.dbh.db, other.orgId, { email: 'foreign@ch.fr' });
    const csv =
      'Nom,Courriel,Service,Actif\nGardé,KEPT@ch.fr,DSI,oui\nRevenu,back@ch.fr,Urgences,\n,typo@ch.fr,Urgences,oui\nNouveau,new@ch.fr,,oui\n';
    const file = (await upload(c, orgId, csv)).json();

    const partial = await c.post(`/api/orgs/${orgId}/imports/${file.id}/dry-run`, { mapping: file.suggestedMapping, mode: 'partial' });
    expect(partial.json()).toMatchObject({ toCreate: 1, toUpdate: 2, toDeactivate: 0, errorCount: 1 });
    const full = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'full' });
    // typo@ has a wrong row (no last name) but is in the file: not deactivated.
    expect(full.json()).toMatchObject({ toCreate: 1, toUpdate: 2, toDeactivate: 1, errorCount: 1 });

    const rows = new Map((await people(orgId)).map((p) => [p.id, p]));
    expect(rows.size).toBe(5);
    expect(rows.get(gone.id)).toMatchObject({ active: 0 });
    expect(rows.get(gone.id)!.deactivated_at).not.toBeNull();
    expect(rows.get(back.id)).toMatchObject({ active: 1, deactivated_at: null, service: 'Urgences' });
    expect(rows.get(typo.id)).toMatchObject({ active: 1, last_name: 'Coquille' });
    // Unmapped columns keep their values; an unmatched title keeps the recorded family.
    expect(rows.get(kept.id)).toMatchObject({
      service: 'DSI',
      first_name: 'Camille',
      job_title: 'Infirmière',
      role_family: 'it_biomedical',
    });
    const foreignRow = await t.dbh.db.selectFrom('people').selectAll().where('id', '=', foreigner.id).executeTakeFirstOrThrow();
    expect(foreignRow.active).toBe(1);
  });

  it('refuses a mapping with an unknown field, a header not in the file or a missing required field', async () => {
    const { orgId, c } = await tenant();
    const file = (await upload(c, orgId, 'Nom;Courriel\nA;a@b.fr\n')).json();
    const url = `/api/orgs/${orgId}/imports/${file.id}/dry-run`;
    const unknown = await c.post(url, { mapping: { email: 'Courriel', lastName: 'Nom', shoeSize: 'Nom' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_field', field: 'mapping.shoeSize' });
    const header = await c.post(url, { mapping: { email: 'E-mail', lastName: 'Nom' } });
    expect(header.json().error).toMatchObject({ code: 'unknown_header', field: 'mapping.email' });
    const missing = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: { email: 'Courriel' } });
    expect(missing.json().error).toMatchObject({ code: 'mapping_required', field: 'mapping.lastName' });
    const mode = await c.post(url, { mapping: { email: 'Courriel', lastName: 'Nom' }, mode: 'everything' });
    expect(mode.statusCode).toBe(400);
    expect(mode.json().error.field).toBe('body.mode');
  });

  it('refuses binary and empty files with 400, oversized ones with 413, and hides other tenants', async () => {
    const { orgId, c } = await tenant();
    const binary = await upload(c, orgId, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    expect(binary.statusCode).toBe(400);
    expect(binary.json().error).toMatchObject({ code: 'not_csv', field: 'file' });
    expect((await upload(c, orgId, '')).statusCode).toBe(400);

    const small = await makeTestApp({ env: { IMPORT_LIMIT_BYTES: '2048' } });
    try {
      const org = await makeOrg(small.dbh.db);
      const admin = await makeAccount(small.dbh.db, {
        grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: org.id }],
        totp: true,
      });
      const sc = await clientFor(small, admin.id);
      const big = await upload(sc, org.id, `Nom;Courriel\n${'Dupont;a@b.fr\n'.repeat(300)}`);
      expect(big.statusCode).toBe(413);
      expect((await upload(sc, org.id, 'Nom;Courriel\nDupont;a@b.fr\n')).statusCode).toBe(201);
    } finally {
      await small.close();
    }

    const other = await tenant();
    const theirs = (await upload(other.c, other.orgId, 'Nom;Courriel\nA;a@b.fr\n')).json();
    expect((await upload(c, other.orgId, 'Nom;Courriel\n')).statusCode).toBe(404);
    const cross = await c.post(`/api/orgs/${orgId}/imports/${theirs.id}/apply`, { mapping: { email: 'Courriel', lastName: 'Nom' } });
    expect(cross.statusCode).toBe(404);
    const csrf = 'c'.repeat(32);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/imports`,
      payload: 'a',
      cookies: { rempart_csrf: csrf },
      headers: { 'content-type': 'text/csv', 'x-csrf-token': csrf },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/orgs/{orgId}/imports',
        '/api/orgs/{orgId}/imports/{importId}/dry-run',
        '/api/orgs/{orgId}/imports/{importId}/apply',
      ]),
    );
  });

  it('imports a generated file of 2,000 rows with multi-line cells', async () => {
    const { orgId, c } = await tenant();
    const gen = generateHrCsv({ rows: 2000, multilineEvery: 25, seed: 7 });
    const file = (await upload(c, orgId, gen.bytes)).json();
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowCount: 2000 });
    const res = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'full' });
    expect(res.json()).toMatchObject({ toCreate: 2000, errorCount: 0 });
    const count = await t.dbh.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2000);
    const again = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: file.suggestedMapping, mode: 'full' });
    expect(again.json()).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2000, toDeactivate: 0 });
  });

  it('never answers 500 and never loses anyone, whatever the bytes', async () => {
    const { orgId, c } = await tenant();
    const sentinels = [
      await makePerson(t.dbh.db, orgId, { email: 'sentinel.a@ch.fr' }),
      await makePerson(t.dbh.db, orgId, { email: 'sentinel.b@ch.fr' }),
    ];
    const cellChars = fc.constantFrom('a', 'é', 'œ', ';', ',', '\t', '"', '\n', '\r', ' ', '@', '.', 'Z', '1');
    const cell = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: cellChars, maxLength: 12 }) },
      { weight: 2, arbitrary: fc.emailAddress() },
      { weight: 1, arbitrary: fc.constantFrom('Dupont', 'Oui', 'Actif', 'inactif', 'Médecin', '', '\u0000', 'sentinel.a@ch.fr') },
    );
    const csvText = fc
      .tuple(
        fc.constantFrom('Nom;Courriel;Fonction;Actif', 'nom,email,poste,encadrant', 'Last name\tEmail\tStatus', 'x;y', ''),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
        fc.constantFrom(';', ',', '\t'),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([header, rows, d, eol]) => [header, ...rows.map((r) => r.join(d))].join(eol));
    const body = fc.oneof(
      csvText.map((s) => Buffer.from(s, 'utf8')),
      fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
    );
    const mapping = fc.dictionary(
      fc.constantFrom('email', 'lastName', 'firstName', 'isManager', 'active', 'roleFamily', 'nope'),
      fc.constantFrom('Nom', 'Courriel', 'nom', 'email', 'Email', 'Last name', 'Status', 'x', 'Actif', '', 'zzz'),
    );

    const seen = { uploaded: 0, refused: 0, applied: 0 };
    await fc.assert(
      fc.asyncProperty(body, mapping, fc.constantFrom('partial', 'full'), fc.boolean(), async (bytes, map, mode, useSuggested) => {
        const up = await upload(c, orgId, bytes);
        expect([201, 400]).toContain(up.statusCode);
        if (up.statusCode !== 201) {
          seen.refused += 1;
          return;
        }
        seen.uploaded += 1;
        const file = up.json();
        const m = useSuggested ? file.suggestedMapping : map;
        const dry = await c.post(`/api/orgs/${orgId}/imports/${file.id}/dry-run`, { mapping: m, mode });
        expect([200, 400]).toContain(dry.statusCode);
        const applied = await c.post(`/api/orgs/${orgId}/imports/${file.id}/apply`, { mapping: m, mode });
        expect([200, 400]).toContain(applied.statusCode);
        if (applied.statusCode === 200) seen.applied += 1;
        const ids = new Set((await people(orgId)).map((p) => p.id));
        for (const s of sentinels) expect(ids.has(s.id)).toBe(true);
      }),
      { numRuns: 60 },
    );
    // The property explored both sides: files refused, files accepted and applied.
    expect(seen.uploaded).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.applied).toBeGreaterThan(0);
  });
});
