import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { gridBody, makeGrid, sampleDefinition } from '../../../../test/support/suppliers-grids-factory.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { GridDto, GridSummary } from './grids-schema.js';

describe('supplier grids API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  async function tenant() {
    const org = await makeOrg(t.dbh.db);
    return { orgId: org.id, admin: await orgAdmin(t, org.id), base: `/api/orgs/${org.id}/suppliers/grids` };
  }

  it('lists the catalogue and the organization’s own grids, never another’s, with search and filters', async () => {
    const { orgId, admin, base } = await tenant();
    const other = await makeOrg(t.dbh.db);
    const foreign = await makeGrid(t.dbh.db, other.id, { title: 'Grille voisine' });
    const own = await makeGrid(t.dbh.db, orgId, { title: 'Grille laboratoire' });
    await makeGrid(t.dbh.db, orgId, { title: 'Grille ancienne', archived: true });

    const all = await admin.client.get(`${base}?pageSize=200`);
    expect(all.statusCode).toBe(200);
    const ids = all.json().items.map((g: GridSummary) => g.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'digital-hygiene',
        'hds-provider',
        'gdpr-processor',
        'remote-maintenance',
        'connected-medical-devices',
        own.id,
      ]),
    );
    expect(ids).not.toContain(foreign.id);
    expect(all.json().total).toBe(6);
    const hygiene = all.json().items.find((g: GridSummary) => g.id === 'digital-hygiene');
    expect(hygiene).toMatchObject({
      origin: 'catalogue',
      readOnly: true,
      sectionCount: 10,
      questionCount: 42,
      title: 'Hygiène informatique\u00a0: les 42 mesures',
    });

    const en = await admin.client.request({ method: 'GET', url: `${base}/digital-hygiene`, cookies: { rempart_locale: 'en' } });
    expect(en.json().title).toBe('Digital hygiene: the 42 measures');
    expect((await admin.client.get(`${base}?q=laboratoire`)).json().items.map((g: GridSummary) => g.id)).toEqual([own.id]);
    expect((await admin.client.get(`${base}?q=hygiene`)).json().items.map((g: GridSummary) => g.id)).toEqual(['digital-hygiene']);
    expect((await admin.client.get(`${base}?origin=custom`)).json().total).toBe(1);
    // Catalogue rows are shared by every organization: on a shared PostgreSQL test database other
    // files leave archived ones behind, so only this organization's own archived grids are compared.
    const archived = (await admin.client.get(`${base}?archived=true&pageSize=200`)).json().items as GridSummary[];
    expect(archived.filter((g) => g.origin !== 'catalogue').map((g) => g.title)).toEqual(['Grille ancienne']);
    expect((await admin.client.get(`${base}/${foreign.id}`)).statusCode).toBe(404);
    expect((await admin.client.get(`${base}?origin=nope`)).json().error.field).toBe('querystring.origin');
  });

  it('creates, updates with a new version, forks and archives, each audited; the catalogue stays read-only', async () => {
    const { orgId, admin, base } = await tenant();
    const created = await admin.client.post(base, gridBody());
    expect(created.statusCode).toBe(201);
    const grid: GridDto = created.json();
    expect(grid).toMatchObject({ origin: 'custom', version: 1, readOnly: false, sectionCount: 2, questionCount: 7 });
    expect(grid.definition).toEqual(sampleDefinition());

    const changed = sampleDefinition();
    changed.sections[1]!.questions[0]!.weight = 5;
    const updated = await admin.client.put(
      `${base}/${grid.id}`,
      gridBody({ title: { fr: 'Grille v2', en: 'Grid v2' }, definition: changed }),
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, title: 'Grille v2' });
    expect(updated.json().definition.sections[1].questions[0].weight).toBe(5);

    const catalogue = await admin.client.put(`${base}/hds-provider`, gridBody());
    expect(catalogue.statusCode).toBe(403);
    expect(catalogue.json().error.code).toBe('catalogue_read_only');
    expect((await admin.client.delete(`${base}/hds-provider`)).statusCode).toBe(403);

    const fork = await admin.client.post(`${base}/hds-provider/fork`, {});
    expect(fork.statusCode).toBe(201);
    expect(fork.json()).toMatchObject({ origin: 'fork', forkedFrom: 'hds-provider', version: 1, readOnly: false });
    expect(fork.json().title).toBe('Hébergeur de données de santé (HDS)\u00a0: vérifications (copie)');
    const source = (await admin.client.get(`${base}/hds-provider`)).json();
    expect(fork.json().definition).toEqual(source.definition);

    const own = await admin.client.post(`${base}/${grid.id}/fork`);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ forkedFrom: grid.id, title: 'Grille v2 (copie)', version: 1 });
    const named = await admin.client.post(`${base}/${grid.id}/fork`, { title: { fr: 'Labo', en: 'Lab' } });
    expect(named.json().titles).toEqual({ fr: 'Labo', en: 'Lab' });

    expect((await admin.client.delete(`${base}/${grid.id}`)).statusCode).toBe(204);
    const again = await admin.client.put(`${base}/${grid.id}`, gridBody());
    expect(again.statusCode).toBe(409);
    expect((await admin.client.get(`${base}/${grid.id}`)).json().archived).toBe(true);

    expect((await auditOf(t, grid.id)).map((a) => a.action)).toEqual([
      'suppliers.grid.create',
      'suppliers.grid.update',
      'suppliers.grid.archive',
    ]);
    expect((await auditOf(t, fork.json().id)).map((a) => [a.action, a.organizationId])).toEqual([['suppliers.grid.fork', orgId]]);
  });

  it('refuses a grid that zod alone would accept, naming the field path', async () => {
    const ten = await tenant();
    const cases: Array<[string, (d: ReturnType<typeof sampleDefinition>) => void, string, string]> = [
      [
        'duplicate id',
        (d) => (d.sections[1]!.questions[0]!.id = 'certified'),
        'duplicate_question_id',
        'body.definition.sections.1.questions.0.id',
      ],
      [
        'options on yes/no',
        (d) => (d.sections[0]!.questions[0]!.options = [{ id: 'x', label: { fr: 'x', en: 'x' } }]),
        'options_not_allowed',
        'body.definition.sections.0.questions.0.options',
      ],
      [
        'choice without options',
        (d) => delete d.sections[1]!.questions[1]!.options,
        'options_required',
        'body.definition.sections.1.questions.1.options',
      ],
      [
        'condition on a later question',
        (d) => (d.sections[0]!.questions[0]!.showIf = { questionId: 'patching', anyOf: ['yes'] }),
        'condition_not_earlier',
        'body.definition.sections.0.questions.0.showIf.questionId',
      ],
      [
        'condition on an unknown question',
        (d) => (d.sections[1]!.questions[3]!.showIf = { questionId: 'ghost', anyOf: ['yes'] }),
        'condition_unknown_question',
        'body.definition.sections.1.questions.3.showIf.questionId',
      ],
      [
        'condition on an impossible answer',
        (d) => (d.sections[1]!.questions[3]!.showIf = { questionId: 'location', anyOf: ['mars'] }),
        'condition_unknown_value',
        'body.definition.sections.1.questions.3.showIf.anyOf',
      ],
      [
        'condition on free text',
        (d) => (d.sections[1]!.questions[3]!.showIf = { questionId: 'hours', anyOf: ['3'] }),
        'condition_on_free_answer',
        'body.definition.sections.1.questions.3.showIf.questionId',
      ],
      ['weight above 5', (d) => (d.sections[1]!.questions[2]!.weight = 7), 'invalid', 'body.definition.sections.1.questions.2.weight'],
    ];
    for (const [label, mutate, code, field] of cases) {
      const definition = sampleDefinition();
      mutate(definition);
      const res = await ten.admin.client.post(ten.base, gridBody({ definition }));
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error, label).toMatchObject({ code, field });
    }
    expect((await ten.admin.client.get(`${ten.base}?origin=custom`)).json().total).toBe(0);
  });

  it('lets auditors read grids but only managers change them', async () => {
    const { orgId, base } = await tenant();
    const a = await makeAccount(t.dbh.db, { grants: [{ role: 'auditor', scopeKind: 'organization', scopeId: orgId }], totp: true });
    const auditor = await clientFor(t, a.id);
    expect((await auditor.get(`${base}/digital-hygiene`)).statusCode).toBe(200);
    expect((await auditor.post(base, gridBody())).statusCode).toBe(403);
    const stranger = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    expect((await stranger.client.get(base)).statusCode).toBe(404);
  });
});
