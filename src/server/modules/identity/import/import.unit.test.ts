import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateHrCsv } from '../../../../../bench/gen-hr-csv.js';
import { decodeBytes, detectDelimiter, parseCsv } from './csv.js';
import { suggestMapping } from './fields.js';
import { buildPlan } from './plan.js';
import { roleFamilyFromJobTitle, roleFamilyFromLabel } from './role-family.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../../test/fixtures/hr/${name}`, import.meta.url));

describe('decoding', () => {
  it('reads a Windows-1252 file without BOM', () => {
    const d = decodeBytes(fixture('sirh-cp1252-semicolon.csv'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Bœuf;Françoise');
    expect(d.text).toContain('Lefèvre;Hélène');
  });

  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    const withBom = decodeBytes(fixture('export-utf8-bom-comma.csv'));
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.text.startsWith('Employee ID')).toBe(true);
    expect(decodeBytes(Buffer.from('Nom;Prénom\r\nCôté;Zoé', 'utf8'))).toEqual({ encoding: 'utf-8', text: 'Nom;Prénom\r\nCôté;Zoé' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Nom\tPrénom\r\nBœuf\tNoël', 'utf-16le')]);
    expect(decodeBytes(utf16)).toEqual({ encoding: 'utf-16le', text: 'Nom\tPrénom\r\nBœuf\tNoël' });
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('Nom;Prénom;Courriel\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"Nom; complet",Courriel,Service\n')).toBe(',');
    expect(detectDelimiter('Nom\tPrénom\tCourriel')).toBe('\t');
    expect(detectDelimiter('Nom')).toBe(',');
  });
});

describe('parsing', () => {
  it('keeps the physical line where each record starts, after multi-line cells and blank lines', () => {
    // A CRLF export whose quoted cells hold CRLF and LF line breaks, a blank line, a ';' line.
    const text = 'a;b\r\n1;"x\r\ny"\r\n2;z\r\n\r\n3;"p\nq\nr"\r\n4;w\r\n;\r\n5;v';
    const parsed = parseCsv(text, ';');
    expect(parsed.headers).toEqual(['a', 'b']);
    expect(parsed.records.map((r) => [r.cells[0], r.line])).toEqual([
      ['1', 2],
      ['2', 4],
      ['3', 6],
      ['4', 9],
      ['5', 11],
    ]);
  });

  it('reports an unreadable record with its line and keeps the records before it', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"open\n4,5\n', ',');
    expect(parsed.records.map((r) => r.cells[0])).toEqual(['1']);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 3, code: 'malformed' })]);
  });

  it('names empty and repeated headers', () => {
    expect(parseCsv('Nom;;Nom;Nom (2)\n', ';').headers).toEqual(['Nom', 'Colonne 2', 'Nom (2)', 'Nom (2) (2)']);
  });
});

describe('header mapping', () => {
  it('maps French headers, accents and case aside', () => {
    expect(
      suggestMapping([
        'Matricule',
        'NOM',
        'Prénom',
        'Adresse mail professionnelle',
        'Emploi',
        'Pôle',
        'Établissement',
        'Cadre',
        'État',
        'Catégorie',
      ]),
    ).toEqual({
      lastName: 'NOM',
      firstName: 'Prénom',
      email: 'Adresse mail professionnelle',
      jobTitle: 'Emploi',
      service: 'Pôle',
      site: 'Établissement',
      isManager: 'Cadre',
      active: 'État',
      roleFamily: 'Catégorie',
    });
    expect(suggestMapping(['nom', 'prenom', 'e-mail', 'Poste', 'Unité', 'Encadrant', 'Actif'])).toMatchObject({
      email: 'e-mail',
      jobTitle: 'Poste',
      service: 'Unité',
      isManager: 'Encadrant',
      active: 'Actif',
    });
  });

  it('maps English headers', () => {
    expect(
      suggestMapping(['Employee ID', 'First name', 'Last name', 'E-mail address', 'Job title', 'Department', 'Location', 'Role family']),
    ).toEqual({
      firstName: 'First name',
      lastName: 'Last name',
      email: 'E-mail address',
      jobTitle: 'Job title',
      service: 'Department',
      site: 'Location',
      roleFamily: 'Role family',
    });
  });
});

describe('role families', () => {
  it.each([
    ['Médecin', 'physicians'],
    ['IDE', 'nurses_care_assistants'],
    ['Aide-soignant', 'nurses_care_assistants'],
    ['Secrétaire médicale', 'secretaries_reception'],
    ['Pharmacien', 'pharmacy_lab'],
    ['Technicien de laboratoire', 'pharmacy_lab'],
    ['Administratif', 'administration_management'],
    ['Cadre administratif', 'administration_management'],
    ['Logistique', 'technical_logistics'],
    ['Informatique', 'it_biomedical'],
    ['Biomédical', 'it_biomedical'],
    ['Interne', 'students_interns'],
    ['Étudiant', 'students_interns'],
    ['Prestataire', 'external_staff'],
    ['pharmacy_lab', 'pharmacy_lab'],
  ])('reads the label %s', (label, family) => {
    expect(roleFamilyFromLabel(label)).toBe(family);
  });

  it.each([
    ['Interne en médecine', 'students_interns'],
    ['Infirmier anesthésiste (IADE)', 'nurses_care_assistants'],
    ['Secrétaire médicale', 'secretaries_reception'],
    ['Technicien biomédical', 'it_biomedical'],
    ['Préparatrice en pharmacie', 'pharmacy_lab'],
    ['Praticien hospitalier', 'physicians'],
    ['Directrice des ressources humaines', 'administration_management'],
    ['Brancardier', 'technical_logistics'],
    ['Cadre de santé', 'nurses_care_assistants'],
  ])('infers %s from the job title', (title, family) => {
    expect(roleFamilyFromJobTitle(title)).toBe(family);
  });

  it('refuses an unknown label and infers nothing from an unknown title', () => {
    expect(roleFamilyFromLabel('Astronaute')).toBeNull();
    expect(roleFamilyFromJobTitle('Chargé de mécénat')).toBeNull();
  });
});

describe('plan', () => {
  it('plans every row of a generated file without errors', () => {
    const file = generateHrCsv({ rows: 500, multilineEvery: 7 });
    const d = decodeBytes(file.bytes);
    const parsed = parseCsv(d.text, detectDelimiter(d.text));
    expect(parsed.records).toHaveLength(500);
    let n = 0;
    const plan = buildPlan({
      parsed,
      mapping: suggestMapping(parsed.headers),
      mode: 'full',
      existing: [],
      now: '2026-11-28T00:00:00Z',
      newId: () => `id${++n}`,
    });
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toHaveLength(500);
    expect(plan.creates.map((p) => p.email)).toEqual(file.emails.map((e) => e.toLowerCase()));
  });

  it('deactivates nobody in full mode when a record could not be read', () => {
    const existing = [
      {
        id: 'p1',
        email: 'absent@ch.fr',
        first_name: 'A',
        last_name: 'B',
        job_title: null,
        role_family: 'physicians' as const,
        service: null,
        site: null,
        is_manager: 0 as const,
        active: 1 as const,
        deactivated_at: null,
      },
    ];
    const plan = (text: string) =>
      buildPlan({
        parsed: parseCsv(text, ';'),
        mapping: { email: 'mail', lastName: 'nom' },
        mode: 'full',
        existing,
        now: 'now',
        newId: () => 'x',
      });
    expect(plan('nom;mail\nDupont;d@ch.fr\n').deactivations).toEqual(['p1']);
    const broken = plan('nom;mail\nDupont;d@ch.fr\n"Durand;absent@ch.fr\n');
    expect(broken.errors.map((e) => [e.line, e.code])).toEqual([[3, 'malformed']]);
    expect(broken.deactivations).toEqual([]);
    expect(plan('nom;mail\n;pas-un-mail\n').deactivations).toEqual([]);
  });
});
