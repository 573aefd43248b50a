import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { makeCampaign } from '../../../../test/support/phishing-factory.js';
import { makeAudit, makeGrid, makeSupplier } from '../../../../test/support/suppliers-register-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { insertStats } from '../phishing/results-test-kit.js';
import { answerAll, optionFor } from './diagnostics-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('maturity diagnostics: referential, create with Rempart figures, answer, complete, PDF, actions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('serves the current referential, full or short, to any signed-in account and nobody else', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const full = (await admin.client.get('/api/maturity/referential')).json();
    const short = (await admin.client.get('/api/maturity/referential?variant=short')).json();
    expect(full.variant).toBe('full');
    expect(full.versionId).toBe(`${full.id}@${full.version}`);
    expect(full.questions.length).toBeGreaterThanOrEqual(45);
    expect(short.questions.length).toBeLessThan(19);
    expect(short.questions.every((q: { short?: boolean }) => q.short === true)).toBe(true);
    expect((await admin.client.get('/api/maturity/referential?variant=tiny')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/maturity/referential' })).statusCode).toBe(401);
  });

  it("pre-fills the exercise date from the last exercise the organization played in Rempart, its own or its territory's", async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const at = NOW.toISOString();
    const exercise = (id: string, over: { organization_id: string | null; ended_at: string | null; status: 'ended' | 'running' }) => ({
      id,
      territory_id: null,
      scenario_id: 'ransomware-hospital',
      scenario_version: 1,
      scenario_json: '{}',
      title: 'Exercice',
      level: 'intermediate',
      kind: 'exercise' as const,
      planned_start: null,
      started_at: at,
      paused_at: null,
      paused_ms: 0,
      pauses: '[]',
      created_by: null,
      created_at: at,
      updated_at: at,
      ...over,
    });
    // A territory exercise where the organization had a cell, ended 200 days ago; a later one still running does not count.
    const other = await makeOrg(db);
    await db
      .insertInto('exercises')
      .values([
        exercise(`ex-${org.id}-a`, {
          organization_id: other.id,
          ended_at: new Date(NOW.getTime() - 200 * 86_400_000).toISOString(),
          status: 'ended',
        }),
        exercise(`ex-${org.id}-b`, { organization_id: org.id, ended_at: null, status: 'running' }),
      ])
      .execute();
    await db
      .insertInto('exercise_cells')
      .values({
        id: `cell-${org.id}`,
        exercise_id: `ex-${org.id}-a`,
        organization_id: org.id,
        scenario_cell_id: 'member',
        name: 'Cellule',
        joined_at: at,
        created_at: at,
      })
      .execute();
    const d = (await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'full' })).json();
    expect(d.provenance['ce-last-exercise']).toMatchObject({
      origin: 'rempart',
      metric: 'exercises.last_date',
      figure: 200,
      optionId: 'this-year',
    });
    expect(d.answers['ce-last-exercise']).toBe('this-year');
  });

  it('pre-fills training, phishing and provider answers from Rempart, and leaves the exercise date open', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await db
      .insertInto('learning_module_stats')
      .values({
        organization_id: org.id,
        module_id: 'm-phishing',
        assigned: 10,
        completed: 9,
        first_score_sum: 0,
        last_score_sum: 0,
        scored: 0,
        updated_at: NOW.toISOString(),
      })
      .execute();
    const recent = await makeCampaign(db, { organizationId: org.id, launchedAt: '2026-11-01T09:00:00.000Z' });
    await insertStats(db, recent, org.id, 'all', '', { delivered: 20, reported: 6 });
    const old = await makeCampaign(db, { organizationId: org.id, launchedAt: '2025-06-01T09:00:00.000Z' });
    await insertStats(db, old, org.id, 'all', '', { delivered: 20, reported: 20 });
    const grid = await makeGrid(db, org.id);
    const audited = await makeSupplier(db, org.id, { tier: 1 });
    const late = await makeSupplier(db, org.id, { tier: 2 });
    await makeSupplier(db, org.id, { tier: 3 });
    await makeAudit(db, org.id, audited.id, null, grid.id, { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z' });
    await makeAudit(db, org.id, late.id, null, grid.id, { status: 'closed', closedAt: '2025-01-01T09:00:00.000Z' });

    const res = await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'full' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'draft', variant: 'full', organizationId: org.id, startedBy: admin.accountId, completedAt: null });
    expect(d.answers).toEqual({ 'ca-training-completion': 'most', 'ca-report-rate': 'medium', 'gv-supplier-audits': 'half' });
    expect(d.provenance['ca-training-completion']).toMatchObject({ origin: 'rempart', metric: 'learning.completion', figure: 0.9 });
    expect(d.provenance['ca-report-rate']).toMatchObject({ origin: 'rempart', figure: 0.3, since: '2025-11-20T10:00:00.000Z' });
    expect(d.provenance['gv-supplier-audits']).toMatchObject({ origin: 'rempart', figure: 0.5, measuredAt: NOW.toISOString() });
    expect(d.provenance['ce-last-exercise']).toMatchObject({
      origin: 'rempart',
      metric: 'exercises.last_date',
      figure: null,
      optionId: null,
    });
    expect(d.provenance['ce-last-exercise'].note.fr).toContain('exercice de crise');
    expect(d.scores.missing).toContain('ce-last-exercise');
    expect(d.scores.themes).toHaveLength(15);

    // An answer changed by hand is the organization's; re-sending Rempart's own keeps its provenance.
    const changed = (
      await admin.client.patch(`/api/orgs/${org.id}/maturity/diagnostics/${d.id}`, {
        answers: { 'ca-report-rate': 'high', 'gv-supplier-audits': 'half' },
      })
    ).json();
    expect(changed.provenance['ca-report-rate']).toMatchObject({ origin: 'answered', by: admin.accountId });
    expect(changed.provenance['gv-supplier-audits'].origin).toBe('rempart');

    // A new organization with nothing measured gets no pre-filled answer, only the reasons.
    const empty = await makeOrg(t.dbh.db);
    const other = await orgAdmin(t, empty.id);
    const bare = (await other.client.post(`/api/orgs/${empty.id}/maturity/diagnostics`, {})).json();
    expect(bare.answers).toEqual({});
    expect(bare.provenance['ca-training-completion'].note.en).toContain('No training');
  });

  it('refuses bad answers with a 400 naming the question and keeps what was stored', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const d = (await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'short' })).json();
    const url = `/api/orgs/${org.id}/maturity/diagnostics/${d.id}`;
    const ref = (await admin.client.get('/api/maturity/referential?variant=short')).json();
    const backups = ref.questions.find((q: { id: string }) => q.id === 'ct-backups');
    const good = (await admin.client.patch(url, { answers: { 'ct-backups': backups.options[0].id } })).json();
    expect(good.answers['ct-backups']).toBe(backups.options[0].id);

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ 'ct-backups': 'sometimes-maybe' }, 'answers.ct-backups', 'answers_unknown_option'],
      [{ 'no-such-question': 'yes' }, 'answers.no-such-question', 'answers_unknown_question'],
      [{ 'no-such-question': null }, 'answers.no-such-question', 'answers_unknown_question'],
      [{ 'ct-backups': 42 }, 'answers.ct-backups', 'answers_invalid_value'],
      [{ 'ct-backups': [backups.options[0].id, backups.options[1].id] }, 'answers.ct-backups', 'answers_single_expects_one'],
    ];
    const full = (await admin.client.get('/api/maturity/referential')).json();
    const notShort = full.questions.find((q: { short?: boolean; parentId?: string }) => !q.short && !q.parentId);
    cases.push([{ [notShort.id]: notShort.options[0].id }, `answers.${notShort.id}`, 'answers_not_in_version']);
    for (const [answers, field, code] of cases) {
      const res = await admin.client.patch(url, { answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      expect(res.json().error).toMatchObject({ field, code });
    }
    expect((await admin.client.patch(url, { answers: 'all' })).statusCode).toBe(400);
    expect((await admin.client.patch(url, {})).statusCode).toBe(400);
    const after = (await admin.client.get(url)).json();
    expect(after.answers).toEqual(good.answers);
    expect((await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'medium' })).statusCode).toBe(400);
  });

  it('drops the answers a parent change hides, completes only when all is answered, then freezes', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const d = (await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'short' })).json();
    const url = `/api/orgs/${org.id}/maturity/diagnostics/${d.id}`;
    const ref = (await admin.client.get('/api/maturity/referential?variant=short')).json();
    const child = ref.questions.find((q: { parentId?: string }) => q.parentId !== undefined);
    const parent = ref.questions.find((q: { id: string }) => q.id === child.parentId);
    const hiding = parent.options.find((o: { id: string }) => !child.showWhen.includes(o.id));
    await admin.client.patch(url, { answers: { [parent.id]: child.showWhen[0], [child.id]: child.options[0].id } });
    const hidden = (await admin.client.patch(url, { answers: { [parent.id]: hiding.id } })).json();
    expect(hidden.answers[child.id]).toBeUndefined();
    const both = await admin.client.patch(url, { answers: { [parent.id]: hiding.id, [child.id]: child.options[0].id } });
    expect(both.json().error).toMatchObject({ code: 'answers_hidden_question', field: `answers.${child.id}` });

    const early = await admin.client.post(`${url}/complete`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('diagnostic_incomplete');
    expect(early.json().error.field).toMatch(/^answers\./);
    expect(early.json().error.message).toContain(hidden.scores.missing[0]);

    const filled = await answerAll(admin.client, url, (q) => optionFor(q, 'worst'));
    expect(filled.scores.overall).toBe(0);
    const done = await admin.client.post(`${url}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: NOW.toISOString() });
    expect(done.json().recommendations.filter((r: { priority: boolean }) => r.priority)).toHaveLength(6);
    const late = await admin.client.patch(url, { answers: { [parent.id]: parent.options[0].id } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('diagnostic_completed');
    expect((await admin.client.post(`${url}/complete`)).statusCode).toBe(409);

    const log = await auditOf(t, d.id);
    expect(log.map((l) => l.action)).toEqual([
      'maturity.diagnostic.created',
      ...log.slice(1, -1).map(() => 'maturity.diagnostic.answers_saved'),
      'maturity.diagnostic.completed',
    ]);
    expect(log.find((l) => l.action.endsWith('answers_saved') && l.after?.[parent.id] === hiding.id)?.after?.[child.id]).toBeNull();

    const list = (await admin.client.get(`/api/orgs/${org.id}/maturity/diagnostics?pageSize=1`)).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(list.items[0]).toMatchObject({ id: d.id, status: 'completed', overall: 0, variant: 'short' });
  });

  it('renders the PDF restitution and turns a recommendation into one action, once', async () => {
    const org = await makeOrg(t.dbh.db, { name: 'Cabinet médical des Tilleuls', kind: 'gp_practice' });
    const admin = await orgAdmin(t, org.id);
    const d = (await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'short' })).json();
    const url = `/api/orgs/${org.id}/maturity/diagnostics/${d.id}`;
    await answerAll(admin.client, url, (q) => optionFor(q, q.themeId.startsWith('c-') ? 'best' : 'worst'));
    const draftAction = await admin.client.post(`${url}/recommendations/any/action`);
    expect(draftAction.statusCode).toBe(409);
    const done = (await admin.client.post(`${url}/complete`)).json();

    const pdf = await admin.client.get(`${url}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Diagnostic de maturité cyber');
    expect(text).toContain('Cabinet médical des Tilleuls');
    expect(text).toContain('Vos six priorités');
    expect(text).toContain(`Score global : ${done.scores.overall} / 100`);
    const first = done.recommendations[0];
    expect(text.replace(/\s+/g, ' ')).toContain(first.title.fr.split(' ').slice(0, 3).join(' '));
    const en = pdfText(
      (await admin.client.request({ method: 'GET', url: `${url}/report.pdf`, cookies: { rempart_locale: 'en' } })).rawPayload,
    );
    expect(en).toContain('Your six priorities');

    const made = await admin.client.post(`${url}/recommendations/${first.id}/action`);
    expect(made.statusCode, made.body).toBe(201);
    const again = await admin.client.post(`${url}/recommendations/${first.id}/action`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ actionId: made.json().actionId, created: false });
    const action = (await admin.client.get(`/api/orgs/${org.id}/actions/${made.json().actionId}`)).json();
    expect(action).toMatchObject({
      sourceKind: 'diagnostic',
      title: first.title.fr,
      priority: first.priorityLevel === 1 ? 'critical' : expect.any(String),
    });
    expect((await admin.client.post(`${url}/recommendations/no-such-rec/action`)).statusCode).toBe(404);
  });

  it('hides an organization’s diagnostics from any other one (404) and lets managers read only', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const d = (await admin.client.post(`/api/orgs/${org.id}/maturity/diagnostics`, { variant: 'short' })).json();
    const foreignOrg = await makeOrg(t.dbh.db);
    const foreign = await orgAdmin(t, foreignOrg.id);
    for (const res of [
      await foreign.client.get(`/api/orgs/${org.id}/maturity/diagnostics/${d.id}`),
      await foreign.client.get(`/api/orgs/${foreignOrg.id}/maturity/diagnostics/${d.id}`),
      await foreign.client.patch(`/api/orgs/${foreignOrg.id}/maturity/diagnostics/${d.id}`, { answers: {} }),
      await foreign.client.post(`/api/orgs/${foreignOrg.id}/maturity/diagnostics/${d.id}/complete`),
      await foreign.client.get(`/api/orgs/${foreignOrg.id}/maturity/diagnostics/${d.id}/report.pdf`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await foreign.client.get(`/api/orgs/${foreignOrg.id}/maturity/diagnostics`)).json().total).toBe(0);

    const account = await makeAccount(t.dbh.db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
    const manager = await clientFor(t, account.id);
    expect((await manager.get(`/api/orgs/${org.id}/maturity/diagnostics/${d.id}`)).statusCode).toBe(200);
    expect((await manager.get(`/api/orgs/${org.id}/maturity/diagnostics/${d.id}/report.pdf`)).statusCode).toBe(200);
    expect((await manager.post(`/api/orgs/${org.id}/maturity/diagnostics`, {})).statusCode).toBe(403);
    expect((await manager.patch(`/api/orgs/${org.id}/maturity/diagnostics/${d.id}`, { answers: {} })).statusCode).toBe(403);
  });
});
