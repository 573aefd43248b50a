/**
 * Realistic HR CSV files, as French hospital HR software exports them: Windows-1252 or UTF-8,
 * semicolon or comma, French or English headers, CRLF line ends, accented names, quoted cells
 * with the delimiter or line breaks inside. Deterministic (seeded) so tests can rely on it.
 *
 *   npx tsx bench/gen-hr-csv.ts out.csv [rows] [--utf8] [--comma] [--en]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';

export interface HrCsvOptions {
  rows: number;
  encoding?: 'windows-1252' | 'utf-8';
  bom?: boolean;
  delimiter?: ';' | ',' | '\t';
  language?: 'fr' | 'en';
  /** Every n-th row gets a comment cell spanning two lines (0: never). */
  multilineEvery?: number;
  seed?: number;
  /** Email domain, so two generated files can target the same or different people. */
  domain?: string;
}

export interface HrCsv {
  bytes: Buffer;
  text: string;
  rows: number;
  headers: string[];
  /** Emails in file order. */
  emails: string[];
}

const firstNames = [
  'Hélène',
  'Françoise',
  'Jérôme',
  'Zoé',
  'Noël',
  'Gaëlle',
  'Benoît',
  'Chloé',
  'Loïc',
  'Cécile',
  'Léa',
  'Anaïs',
  'Joël',
  'Agnès',
  'Maël',
  'Thérèse',
  'Raphaël',
  'Inès',
  'Stéphane',
  'Amélie',
  'Frédéric',
  'Océane',
  'Clément',
  'Élodie',
  'Jean-François',
  'Marie',
  'Nicolas',
  'Camille',
  'Sophie',
  'Thomas',
  'Julie',
  'Pierre',
  'Nathalie',
  'Laurent',
  'Isabelle',
  'Mohamed',
  'Fatima',
  'Yasmine',
];
const lastNames = [
  'Lefèvre',
  'Bœuf',
  'Dupré',
  'Lemaître',
  'Côté',
  'Périer',
  'Garçon',
  'Bréhault',
  'Mérault',
  'Hébert',
  'Lécuyer',
  'Benoît',
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  "D'Almeida",
  'Le Goff',
  'Nguyen',
  'Ben Saïd',
  'Deschênes',
  'Lœuillet',
  'Castaño',
];
const jobs = [
  'Infirmier(e) diplômé(e) d’État',
  'Aide-soignant(e)',
  'Médecin praticien hospitalier',
  'Interne en médecine',
  'Secrétaire médicale',
  'Préparateur en pharmacie',
  'Technicien de laboratoire',
  'Cadre de santé',
  'Adjoint administratif',
  'Brancardier',
  'Ingénieur biomédical',
  'Technicien informatique',
  'Pharmacien',
  'Sage-femme',
  'Kinésithérapeute',
  'Agent d’accueil',
  'Directeur des soins',
  'Cuisinier',
  'Étudiant infirmier',
  'Masseur',
  'Chargée de communication',
  'Manipulateur radio',
];
const services = [
  'Urgences',
  'Réanimation',
  'Cardiologie',
  'Pédiatrie',
  'Maternité',
  'Bloc opératoire',
  'Pharmacie',
  'Laboratoire',
  'Direction des ressources humaines',
  'DSI',
  'Biomédical',
  'Cuisine centrale',
  'Gériatrie',
  'Psychiatrie adulte',
  'Pôle Femme, Mère; Enfant',
  'Imagerie médicale',
  'Accueil – Admissions',
];
const sites = ['Site principal', 'Hôpital Saint-Éloi', 'Clinique du Parc', 'EHPAD Les Tilleuls', 'Centre Médico-Psychologique'];
const comments = [
  'Temps partiel 80 %',
  'Retour de congé\nmaternité le 03/01',
  'Astreintes le week-end',
  'Mutation prévue\n(voir DRH)',
  'Télétravail 1 j/sem.',
];

const headersFr = ['Matricule', 'Nom', 'Prénom', 'Courriel', 'Fonction', 'Service', 'Site', 'Encadrant', 'Statut', 'Commentaire'];
const headersEn = ['Employee ID', 'Last name', 'First name', 'Email', 'Job title', 'Department', 'Site', 'Manager', 'Status', 'Comment'];

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Builds the file; the text keeps CRLF line ends like Windows exports. */
export function generateHrCsv(opts: HrCsvOptions): HrCsv {
  const d = opts.delimiter ?? ';';
  const lang = opts.language ?? 'fr';
  const domain = opts.domain ?? 'chu-exemple.fr';
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const quote = (v: string): string => (v.includes(d) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);
  const headers = lang === 'fr' ? headersFr : headersEn;
  const yes = lang === 'fr' ? 'Oui' : 'Yes';
  const no = lang === 'fr' ? 'Non' : 'No';
  const active = lang === 'fr' ? 'Actif' : 'Active';
  const lines: string[] = [headers.join(d)];
  const emails: string[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const email = `${ascii(first)}.${ascii(last)}.${i + 1}@${domain}`;
    emails.push(email);
    const every = opts.multilineEvery ?? 0;
    const comment =
      every > 0 && i % every === every - 1
        ? pick(comments.filter((c) => c.includes('\n')))
        : rnd() < 0.2
          ? pick(comments.filter((c) => !c.includes('\n')))
          : '';
    const cells = [
      `M${String(100000 + i)}`,
      last.toUpperCase() === last ? last : rnd() < 0.3 ? last.toUpperCase() : last,
      first,
      rnd() < 0.1 ? email.toUpperCase() : email,
      pick(jobs),
      pick(services),
      pick(sites),
      rnd() < 0.08 ? yes : no,
      active,
      comment,
    ];
    lines.push(cells.map(quote).join(d));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const encoding = opts.encoding ?? 'windows-1252';
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'windows-1252');
  const bytes = opts.bom && encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  return { bytes, text, rows: opts.rows, headers, emails };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'hr.csv';
  const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const file = generateHrCsv({
    rows,
    encoding: args.includes('--utf8') ? 'utf-8' : 'windows-1252',
    delimiter: args.includes('--comma') ? ',' : ';',
    language: args.includes('--en') ? 'en' : 'fr',
    multilineEvery: 50,
  });
  writeFileSync(out, file.bytes);
  console.log(`${out}: ${rows} rows, ${file.bytes.length} bytes`);
}
