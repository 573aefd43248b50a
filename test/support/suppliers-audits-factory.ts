import type { Db } from '../../src/server/db/index.js';
import type { GridDefinition } from '../../src/server/modules/suppliers/grid-definition.js';
import { newId } from '../../src/server/platform/ids.js';
import { insertContract, insertGrid, insertSupplier } from './suppliers-register-factory.js';

/** Test kit of the audits and portal part: register rows (from the register's row builders) and grids written straight to the database. */
const now = () => new Date().toISOString();

/** A random SIREN with a valid Luhn key, so tests on the shared PostgreSQL never meet each other's providers. */
export function randomSiren(): string {
  const body = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
  for (let check = 0; check < 10; check++) {
    const digits = [...body, check];
    const sum = digits.reduce((s, d, i) => {
      const v = i % 2 === 1 ? d * 2 : d;
      return s + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return digits.join('');
  }
  throw new Error('unreachable');
}

export async function makeSupplier(db: Db, orgId: string, over: { name?: string; siren?: string } = {}) {
  const siren = over.siren ?? randomSiren();
  const { id } = await insertSupplier(db, orgId, {
    name: over.name ?? `Éditeur ${siren}`,
    siren,
    services: 'Dossier patient informatisé',
    data_volume: '1k_100k',
  });
  return { id, siren };
}

export async function makeContact(db: Db, supplierId: string, over: { email?: string; name?: string } = {}) {
  const id = newId();
  const email = over.email ?? `contact.${newId().slice(-12)}@provider.test`;
  await db
    .insertInto('supplier_contacts')
    .values({
      id,
      supplier_id: supplierId,
      name: over.name ?? 'Dominique Leroy',
      email,
      phone: null,
      role: 'security',
      account_id: null,
      created_at: now(),
    })
    .execute();
  return { id, email };
}

export const makeContract = (db: Db, orgId: string, supplierId: string) => insertContract(db, orgId, supplierId, { title: 'Infogérance' });

const t = (fr: string, en: string) => ({ fr, en });

/** q1 yes/no with required evidence; q2 (text) only when q1 is "no"; q3 single; q4 number; q5 multiple; q6 date. */
export const testGrid: GridDefinition = {
  sections: [
    {
      id: 'gouvernance',
      title: t('Gouvernance', 'Governance'),
      questions: [
        {
          id: 'q1',
          text: t('Disposez-vous d’une PSSI ?', 'Do you have a security policy?'),
          type: 'yes_no',
          weight: 3,
          evidence: 'required',
        },
        {
          id: 'q2',
          text: t('Pourquoi ?', 'Why not?'),
          type: 'text',
          weight: 1,
          evidence: 'none',
          showIf: { questionId: 'q1', anyOf: ['no'] },
        },
        {
          id: 'q3',
          text: t('Hébergement', 'Hosting'),
          type: 'single',
          options: [
            { id: 'hds', label: t('Hébergeur HDS', 'HDS host') },
            { id: 'onprem', label: t('Sur site', 'On premises') },
          ],
          weight: 2,
          evidence: 'optional',
        },
        { id: 'q4', text: t('Nombre d’administrateurs', 'Number of administrators'), type: 'number', weight: 1, evidence: 'none' },
        {
          id: 'q5',
          text: t('Authentification', 'Authentication'),
          type: 'multiple',
          options: [
            { id: 'mfa', label: t('Double facteur', 'Two factors') },
            { id: 'sso', label: t('SSO', 'SSO') },
          ],
          weight: 2,
          evidence: 'none',
        },
        { id: 'q6', text: t('Dernier test de restauration', 'Last restore test'), type: 'date', weight: 1, evidence: 'none' },
      ],
    },
  ],
};

export const makeGrid = (db: Db, orgId: string | null, definition: GridDefinition = testGrid) =>
  insertGrid(db, orgId, { origin: 'custom', definition: JSON.stringify(definition) });

/** Minimal files of each kind, as their first bytes really are. */
export const sampleFiles = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.\r\n$')]),
  csv: Buffer.from('mesure;statut\nMFA;fait\nSauvegardes;en cours\n'),
};
