/**
 * From parsed CSV records and a mapping to what an import would do: which people to create,
 * update, leave unchanged or deactivate, and which rows are wrong and why. Pure: the dry run
 * and the apply compute the very same plan, so the preview never lies.
 */
import type { Bool01 } from '../../../db/dialect.js';
import type { RoleFamily } from '../domain.js';
import { personSearchKey } from '../people-repo.js';
import type { PeopleTable } from '../tables.js';
import type { ParsedCsv } from './csv.js';
import type { ImportField, Mapping } from './fields.js';
import type { RowErrorCode, RowErrorDetail } from './messages.js';
import { fallbackRoleFamily, roleFamilyFromJobTitle, roleFamilyFromLabel } from './role-family.js';
import type { ImportMode } from './tables.js';

export interface RowError {
  line: number;
  /** Our field name ('email', 'lastName'...), or '' for the whole line. */
  field: ImportField | '';
  code: RowErrorCode;
  detail: RowErrorDetail;
}

/** What the import needs to know of a person already in the directory. */
export type ExistingPerson = Pick<
  PeopleTable,
  | 'id'
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'job_title'
  | 'role_family'
  | 'service'
  | 'site'
  | 'is_manager'
  | 'active'
  | 'deactivated_at'
>;

/** A full people row to write (insert or update). */
export type PersonWrite = Omit<PeopleTable, 'organization_id' | 'created_at'>;

export interface ImportPlan {
  creates: PersonWrite[];
  updates: PersonWrite[];
  unchanged: number;
  /** Ids of active people absent from a full import. */
  deactivations: string[];
  errors: RowError[];
  validRows: number;
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  email: 254,
  firstName: 200,
  lastName: 200,
  jobTitle: 200,
  service: 200,
  site: 200,
};
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x', 'manager', 'encadrant', 'cadre']);
const FALSE_WORDS = new Set(['non', 'n', 'no', '0', 'false', 'faux', '-']);
const ACTIVE_WORDS = new Set([
  'actif',
  'active',
  'oui',
  'o',
  'yes',
  'y',
  '1',
  'true',
  'vrai',
  'present',
  'presente',
  'en poste',
  'en activite',
]);
const INACTIVE_WORDS = new Set([
  'inactif',
  'inactive',
  'non',
  'n',
  'no',
  '0',
  'false',
  'faux',
  'sorti',
  'sortie',
  'parti',
  'partie',
  'suspendu',
  'suspendue',
  'desactive',
  'desactivee',
  'disabled',
  'left',
]);

const simplify = (v: string): string =>
  v
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
/** Cells keep their words but lose line breaks and runs of spaces (multi-line quoted cells). */
const clean = (v: string | undefined): string => (v ?? '').replace(/\s+/g, ' ').trim();

export interface PlanInput {
  parsed: ParsedCsv;
  /** Already validated: every value is a header of the file. */
  mapping: Mapping;
  mode: ImportMode;
  existing: ExistingPerson[];
  now: string;
  newId: () => string;
}

export function buildPlan(input: PlanInput): ImportPlan {
  const { parsed, mapping, mode, now } = input;
  const column = (f: ImportField): number => (mapping[f] === undefined ? -1 : parsed.headers.indexOf(mapping[f]));
  const col = {
    email: column('email'),
    firstName: column('firstName'),
    lastName: column('lastName'),
    jobTitle: column('jobTitle'),
    roleFamily: column('roleFamily'),
    service: column('service'),
    site: column('site'),
    isManager: column('isManager'),
    active: column('active'),
  } satisfies Record<ImportField, number>;
  const byEmail = new Map<string, ExistingPerson>();
  for (const p of input.existing) byEmail.set(p.email.toLowerCase(), p);

  const errors: RowError[] = input.parsed.problems.map((p) => ({ line: p.line, field: '', code: p.code, detail: {} }));
  const firstLineOf = new Map<string, number>();
  const creates: PersonWrite[] = [];
  const updates: PersonWrite[] = [];
  let unchanged = 0;
  let validRows = 0;
  const headerWidth = parsed.headers.length;

  for (const rec of parsed.records) {
    const rowErrors: RowError[] = [];
    const fail = (field: ImportField | '', code: RowErrorCode, detail: RowErrorDetail = {}) =>
      rowErrors.push({ line: rec.line, field, code, detail });
    const cell = (i: number): string | undefined => (i === -1 ? undefined : clean(rec.cells[i]));
    const text = (f: ImportField, i: number): string | null | undefined => {
      const v = cell(i);
      if (v === undefined) return undefined;
      const max = MAX_LENGTH[f] ?? 200;
      if (v.length > max) fail(f, 'too_long', { max });
      return v === '' ? null : v;
    };

    if (rec.cells.length > headerWidth && rec.cells.slice(headerWidth).some((c) => c.trim() !== '')) fail('', 'too_many_columns');

    const emailCell = cell(col.email) ?? '';
    const email = emailCell.toLowerCase();
    if (email === '') fail('email', 'required');
    else if (email.length > 254 || !EMAIL.test(email)) fail('email', 'invalid_email', { value: emailCell });
    else {
      const first = firstLineOf.get(email);
      if (first !== undefined) fail('email', 'duplicate_email', { line: first });
      else firstLineOf.set(email, rec.line);
    }

    const lastName = text('lastName', col.lastName);
    if (!lastName) fail('lastName', 'required');
    const firstName = text('firstName', col.firstName);
    const jobTitle = text('jobTitle', col.jobTitle);
    const service = text('service', col.service);
    const site = text('site', col.site);

    let family: RoleFamily | null = null;
    const familyCell = cell(col.roleFamily);
    if (familyCell) {
      family = roleFamilyFromLabel(familyCell);
      if (!family) fail('roleFamily', 'unknown_role_family', { value: familyCell });
    }
    if (!family && jobTitle) family = roleFamilyFromJobTitle(jobTitle);

    const managerCell = cell(col.isManager);
    let isManager: boolean | undefined;
    if (managerCell !== undefined) {
      const m = simplify(managerCell);
      if (m === '' || FALSE_WORDS.has(m)) isManager = false;
      else if (TRUE_WORDS.has(m)) isManager = true;
      else fail('isManager', 'invalid_boolean', { value: managerCell });
    }

    // Appearing in the file means working here: a person deactivated earlier is reactivated,
    // unless the file itself says the person is inactive.
    let active = true;
    const activeCell = cell(col.active);
    if (activeCell) {
      const a = simplify(activeCell);
      if (INACTIVE_WORDS.has(a)) active = false;
      else if (!ACTIVE_WORDS.has(a)) fail('active', 'invalid_active', { value: activeCell });
    }

    if (rowErrors.length > 0) {
      // A wrong row is skipped whole: never half a person.
      for (const e of rowErrors) errors.push(e);
      continue;
    }
    validRows += 1;

    const before = byEmail.get(email);
    const merged: PersonWrite = {
      id: before?.id ?? input.newId(),
      email,
      first_name: firstName === undefined ? (before?.first_name ?? '') : (firstName ?? ''),
      last_name: lastName as string,
      job_title: jobTitle === undefined ? (before?.job_title ?? null) : jobTitle,
      role_family: family ?? before?.role_family ?? fallbackRoleFamily,
      service: service === undefined ? (before?.service ?? null) : service,
      site: site === undefined ? (before?.site ?? null) : site,
      is_manager: (isManager === undefined ? (before?.is_manager ?? 0) : isManager ? 1 : 0) as Bool01,
      active: (active ? 1 : 0) as Bool01,
      search_text: '',
      updated_at: now,
      deactivated_at: null,
    };
    // The same searchable text as people edited one by one (names, email, job title, service).
    merged.search_text = personSearchKey(merged);
    if (!before) {
      merged.deactivated_at = active ? null : now;
      creates.push(merged);
      continue;
    }
    merged.deactivated_at = active ? null : before.active ? now : before.deactivated_at;
    if (sameContent(before, merged)) unchanged += 1;
    else updates.push(merged);
  }

  const deactivations: string[] = [];
  // A full import deactivates only when the file was read whole: not when no row is usable
  // (wrong file, wrong mapping), which would empty the directory, nor when a record could not be
  // read (an unclosed quote swallows every line after it, whose people would look absent).
  if (mode === 'full' && validRows > 0 && parsed.problems.length === 0) {
    const present = new Set<string>();
    // Everyone whose email appears in the file counts as present, even on a wrong row: a typo in
    // another column must not deactivate the person.
    for (const rec of parsed.records) present.add(clean(rec.cells[col.email]).toLowerCase());
    for (const p of input.existing) if (p.active && !present.has(p.email.toLowerCase())) deactivations.push(p.id);
  }

  errors.sort((a, b) => a.line - b.line);
  return { creates, updates, unchanged, deactivations, errors, validRows };
}

function sameContent(a: ExistingPerson, b: PersonWrite): boolean {
  return (
    a.email === b.email &&
    a.first_name === b.first_name &&
    a.last_name === b.last_name &&
    a.job_title === b.job_title &&
    a.role_family === b.role_family &&
    a.service === b.service &&
    a.site === b.site &&
    Number(a.is_manager) === b.is_manager &&
    Number(a.active) === b.active
  );
}
