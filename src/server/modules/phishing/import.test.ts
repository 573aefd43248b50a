import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makePerson } from '../../../../test/helpers/factories.js';
import { mapPlaceholders, parseHostPort, parseMailbox } from './import.js';
import type { ImportResultDto } from './import-schema.js';
import type { TemplateDto } from './library-schema.js';
import { tenant } from './library-test-kit.js';
import type { ProfileDto } from './profiles-schema.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/phishing-import/${name}`, 'utf8'));

describe('import from the open tool: pure parts', () => {
  it('maps its placeholders to ours and lists what has no equivalent', () => {
    expect(
      mapPlaceholders('{{.FirstName}} {{ .LastName }} {{.Email}} {{.Position}} <a href="{{.URL}}">x</a>{{.Tracker}}', 'IT', 'html'),
    ).toEqual({
      text: '{{firstName}} {{lastName}} {{email}} {{jobTitle}} <a href="{{link}}">x</a>{{trackingImage}}',
      unsupported: [],
    });
    expect(mapPlaceholders('Signé {{.From}}', 'R&D <x>', 'html').text).toBe('Signé R&#38;D &#60;x&#62;');
    expect(mapPlaceholders('{{.RId}} {{.TrackingURL}} {{if .FirstName}}x{{end}} {{firstName}}', '', 'text').unsupported).toEqual([
      '{{.RId}}',
      '{{.TrackingURL}}',
      '{{if .FirstName}}',
      '{{end}}',
    ]);
  });

  it('reads mailboxes and host:port forms', () => {
    expect(parseMailbox('"Jeanne Dupont" <J.Dupont@Example.org>')).toEqual({ name: 'Jeanne Dupont', address: 'j.dupont@example.org' });
    expect(parseMailbox('alertes@example.org')).toEqual({ name: '', address: 'alertes@example.org' });
    expect(parseHostPort('smtp.example.org:587')).toEqual({ host: 'smtp.example.org', port: 587 });
    expect(parseHostPort('[2001:db8::1]:25')).toEqual({ host: '2001:db8::1', port: 25 });
    expect(parseHostPort('10.0.0.5')).toEqual({ host: '10.0.0.5', port: null });
  });
});

describe('import from the open tool: API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  const run = (client: Awaited<ReturnType<typeof tenant>>['admin']['client'], base: string, body: unknown) =>
    client.post(`${base}/import`, body);

  it('imports templates with placeholders mapped and HTML cleaned; skips what cannot be kept, naming the field', async () => {
    const { admin, base } = await tenant(t);
    const res = await run(admin.client, base, { kind: 'templates', data: fixture('templates.json') });
    expect(res.statusCode).toBe(200);
    const report: ImportResultDto = res.json();
    expect(report.created.map((c) => [c.kind, c.name])).toEqual([
      ['template', 'Réinitialisation du mot de passe Intranet'],
      ['template', 'Facture fournisseur en retard'],
    ]);
    expect(report.skipped.map((s) => [s.name, s.field])).toEqual([
      ['Colis en attente', 'html'],
      ['Note de service sans lien', 'html'],
      ['#5', 'name'],
      ['#6', ''],
    ]);
    expect(report.skipped[0]!.reason).toContain('{{.TrackingURL}}');
    expect(report.skipped[1]!.reason).toContain('{{link}}');
    expect(report.warnings.map((w) => [w.name, w.field])).toEqual([
      ['Facture fournisseur en retard', 'envelope_sender'],
      ['Facture fournisseur en retard', 'attachments'],
    ]);

    const first: TemplateDto = (await admin.client.get(`${base}/templates/${report.created[0]!.id}`)).json();
    expect(first).toMatchObject({ origin: 'import', theme: 'other', cueCount: 0, languages: ['fr'], landingPageId: null });
    const fr = first.texts.fr!;
    expect(fr).toMatchObject({
      fromName: 'Support Intranet',
      fromLocalPart: 'support-intranet',
      subject: '{{firstName}}, votre mot de passe expire dans 24 h',
    });
    expect(fr.html).toBe(
      '<p>Bonjour {{firstName}} {{lastName}},</p><p>Le mot de passe du compte {{email}} ({{jobTitle}}) expire demain.</p>' +
        '<p><a href="{{link}}">Conserver mon mot de passe</a></p><p>Support Intranet</p>{{trackingImage}}',
    );
    const second: TemplateDto = (await admin.client.get(`${base}/templates/${report.created[1]!.id}`)).json();
    expect(second.texts.fr!.html).toBe(
      '<p>Bonjour,</p>\n<p>La facture jointe est toujours impayée.<br />Merci de régler via <a href="{{link}}">{{link}}</a></p>\n<p>Service comptabilité</p>',
    );
    expect(second.texts.fr).toMatchObject({ fromName: 'Facture fournisseur en retard', fromLocalPart: 'info' });

    const single = await run(admin.client, base, { kind: 'templates', data: fixture('template-single.json'), language: 'en' });
    expect(single.json().created).toHaveLength(1);
    const quota: TemplateDto = (await admin.client.get(`${base}/templates/${single.json().created[0].id}`)).json();
    expect(quota.languages).toEqual(['en']);
    expect(quota.texts.en).toMatchObject({ fromName: 'Administrateur messagerie', fromLocalPart: 'admin.messagerie' });
    expect(quota.texts.en!.html).toContain('Bonjour {{firstName}},');
  });

  it('imports landing pages without any capture setting, forms without action', async () => {
    const { admin, base } = await tenant(t);
    const report: ImportResultDto = (await run(admin.client, base, { kind: 'landing_pages', data: fixture('pages.json') })).json();
    expect(report.created.map((c) => c.name)).toEqual(['Portail Intranet - connexion', 'Téléchargement de la facture']);
    expect(report.skipped).toEqual([
      {
        name: 'Page avec identifiant de suivi',
        field: 'html',
        reason: 'Variable sans équivalent dans Rempart : {{.RId}}. Remplacez-la ou retirez-la avant l’import.',
      },
    ]);
    expect(report.warnings.map((w) => w.field)).toEqual(['capture_credentials', 'capture_passwords', 'redirect_url']);
    const signIn = (await admin.client.get(`${base}/landing-pages/${report.created[0]!.id}`)).json();
    expect(signIn).toMatchObject({ kind: 'sign-in', origin: 'import' });
    expect(signIn.texts.fr.html).toContain('<form method="post">');
    expect(signIn.texts.fr.html).not.toMatch(/capture\.js|site\.css|action=|<script/);
    const download = (await admin.client.get(`${base}/landing-pages/${report.created[1]!.id}`)).json();
    expect(download.kind).toBe('attachment');
  });

  it("imports groups by matching targets to the organization's own directory", async () => {
    const { orgId, admin, base } = await tenant(t);
    const claire = await makePerson(t.dbh.db, orgId, { email: 'claire.lemoine@chu.example' });
    const paul = await makePerson(t.dbh.db, orgId, { email: 'paul.girard@chu.example' });
    const other = await tenant(t);
    // The same address in another organization is not a match.
    await makePerson(t.dbh.db, other.orgId, { email: 'ancien.agent@chu.example' });
    const report: ImportResultDto = (await run(admin.client, base, { kind: 'groups', data: fixture('groups.json') })).json();
    expect(report.created).toEqual([{ kind: 'group', id: expect.any(String), name: 'Urgences - infirmiers' }]);
    expect(report.skipped.map((s) => [s.name, s.field])).toEqual([
      ['ancien.agent@chu.example', 'targets.2.email'],
      ['pas-une-adresse', 'targets.3.email'],
      ['inconnu@prestataire.example', 'targets.0.email'],
      ['Prestataires', 'targets'],
      ['Groupe vide', 'targets'],
    ]);
    const group = (await admin.client.get(`${base}/groups/${report.created[0]!.id}`)).json();
    expect(group).toMatchObject({ kind: 'target', name: 'Urgences - infirmiers' });
    expect([...group.criteria.personIds].sort()).toEqual([claire.id, paul.id].sort());
    // Importing again: the name is taken, the group is skipped.
    const again: ImportResultDto = (await run(admin.client, base, { kind: 'groups', data: fixture('groups.json') })).json();
    expect(again.created).toEqual([]);
    expect(again.skipped).toContainEqual({
      name: 'Urgences - infirmiers',
      field: 'name',
      reason: 'Un groupe s’appelle déjà « Urgences - infirmiers ».',
    });
  });

  it('imports sending profiles with the password sealed and the unsafe settings left out', async () => {
    const { admin, base } = await tenant(t);
    const res = await admin.client.request({
      method: 'POST',
      url: `${base}/import`,
      payload: { kind: 'profiles', data: fixture('smtp.json') },
      cookies: { rempart_locale: 'en' },
    });
    const report: ImportResultDto = res.json();
    expect(report.created.map((c) => c.name)).toEqual(['Relais Office 365', 'Relais SSL']);
    expect(report.skipped).toEqual([{ name: 'Profil cassé', field: 'from_address', reason: expect.stringContaining('fromAddress') }]);
    expect(report.warnings.map((w) => [w.name, w.field])).toEqual([
      ['Relais Office 365', 'host'],
      ['Relais Office 365', 'ignore_cert_errors'],
      ['Relais Office 365', 'headers.2'],
    ]);
    expect(report.warnings[1]!.reason).toBe('Ignored: Rempart always checks certificates.');
    const o365: ProfileDto = (await admin.client.get(`${base}/profiles/${report.created[0]!.id}`)).json();
    expect(o365).toMatchObject({
      host: 'smtp.office365.example',
      port: 587,
      tlsMode: 'starttls',
      username: 'campagnes@chu-simulation.example',
      hasPassword: true,
      fromName: 'Service informatique',
      fromAddress: 'it-support@chu-simulation.example',
      extraHeaders: [
        { name: 'X-Mailer', value: 'Microsoft Outlook 16.0' },
        { name: 'X-Phish-Test', value: 'interne' },
      ],
    });
    const row = await t.dbh.db
      .selectFrom('phishing_sending_profiles')
      .select('password_sealed')
      .where('id', '=', o365.id)
      .executeTakeFirstOrThrow();
    expect(t.deps.secrets.open(row.password_sealed!)).toBe('Relais-Pa55!');
    const ssl: ProfileDto = (await admin.client.get(`${base}/profiles/${report.created[1]!.id}`)).json();
    expect(ssl).toMatchObject({ host: '2001:db8::25', port: 465, tlsMode: 'tls', hasPassword: false, fromName: 'alertes' });
  });

  it('reports a dry run exactly like a real one and writes nothing, audit included', async () => {
    const { orgId, admin, base } = await tenant(t);
    await makePerson(t.dbh.db, orgId, { email: 'claire.lemoine@chu.example' });
    const count = async () => {
      const db = t.dbh.db;
      const n = async (table: 'phishing_templates' | 'phishing_groups' | 'phishing_sending_profiles' | 'phishing_landing_pages') =>
        (await db.selectFrom(table).select('id').where('organization_id', '=', orgId).execute()).length;
      const audit = (await db.selectFrom('audit_log').select('id').where('organization_id', '=', orgId).execute()).length;
      return [
        await n('phishing_templates'),
        await n('phishing_groups'),
        await n('phishing_sending_profiles'),
        await n('phishing_landing_pages'),
        audit,
      ];
    };
    const before = await count();
    const kinds = [
      ['templates', 'templates.json'],
      ['landing_pages', 'pages.json'],
      ['groups', 'groups.json'],
      ['profiles', 'smtp.json'],
    ] as const;
    const dry: ImportResultDto[] = [];
    for (const [kind, file] of kinds) {
      const res = await run(admin.client, base, { kind, data: fixture(file), dryRun: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().dryRun).toBe(true);
      expect(res.json().created.length).toBeGreaterThan(0);
      dry.push(res.json());
    }
    expect(await count()).toEqual(before);
    for (const [i, [kind, file]] of kinds.entries()) {
      const real: ImportResultDto = (await run(admin.client, base, { kind, data: fixture(file) })).json();
      const shape = (r: ImportResultDto) => ({ created: r.created.map((c) => c.name), skipped: r.skipped, warnings: r.warnings });
      expect(shape(real)).toEqual(shape(dry[i]!));
    }
    expect(await count()).not.toEqual(before);
  });

  it('refuses a malformed request with a 400 naming the field', async () => {
    const { admin, base } = await tenant(t);
    const cases: Array<[unknown, string]> = [
      [{ kind: 'campaigns', data: [] }, 'body.kind'],
      [{ kind: 'templates' }, 'body.data'],
      [{ kind: 'templates', data: null }, 'body.data'],
      [{ kind: 'groups', data: Array.from({ length: 1001 }, () => ({})) }, 'data'],
    ];
    for (const [body, field] of cases) {
      const res = await run(admin.client, base, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const odd = await run(admin.client, base, { kind: 'profiles', data: [42, 'x', [], { name: 7 }] });
    expect(odd.statusCode).toBe(200);
    expect(odd.json().skipped.map((s: { field: string }) => s.field)).toEqual(['', '', '', 'name']);
  });
});
