import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transaction } from 'kysely';
import { searchKey } from '../server/db/dialect.js';
import type { DbHandle } from '../server/db/index.js';
import type { Database } from '../server/db/schema.js';
import type { RoleFamily } from '../server/modules/identity/domain.js';
import { personSearchKey } from '../server/modules/identity/people-repo.js';
import type { PeopleTable } from '../server/modules/identity/tables.js';
import { sharingDomains } from '../server/modules/territory/tables.js';
import type { Role, ScopeKind } from '../server/platform/access/roles.js';
import { type AuditActor, AuditLog } from '../server/platform/audit-log/audit-log.js';
import { provisionAccount } from '../server/platform/auth/accounts.js';
import { checkPasswordPolicy, hashPassword } from '../server/platform/auth/password.js';
import { systemClock } from '../server/platform/clock.js';
import { newId } from '../server/platform/ids.js';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_PASSWORD,
  type DemoOrg,
  demoAccounts,
  demoOrgs,
  demoTerritories,
  type JobTemplate,
} from './demo-catalog.js';
import { seedDemoLearning } from './demo-learning.js';
import { femaleFirstNames, lastNames, maleFirstNames } from './demo-names.js';
import { seedDemoPhishing } from './demo-phishing.js';

export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo-catalog.js';

/** The learning catalogue shipped with the code (the demo does not depend on the working directory). */
const demoContentDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'learning');
const demoPhishingDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'phishing');

/** mulberry32: a tiny seeded PRNG, so every demo has the same people. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function pickWeighted<T extends { weight: number }>(rnd: () => number, list: readonly T[]): T {
  const total = list.reduce((s, x) => s + x.weight, 0);
  let r = rnd() * total;
  for (const x of list) {
    r -= x.weight;
    if (r < 0) return x;
  }
  return list[list.length - 1] as T;
}

/** "Jean-Marc", "Le Gall" -> "jean-marc.le-gall": ASCII, lower case, no spaces or apostrophes. */
export function emailLocalPart(firstName: string, lastName: string): string {
  const slug = (s: string) =>
    searchKey(s)
      .replace(/['’\s]+/g, '-')
      .replace(/[^a-z0-9-]/g, '');
  return `${slug(firstName)}.${slug(lastName)}`;
}

interface DemoPerson {
  row: PeopleTable;
  key?: string;
}

/** The staff of one organization: its key people first, then people drawn by job weights. */
export function generatePeople(org: DemoOrg, organizationId: string, rnd: () => number, now: string): DemoPerson[] {
  const used = new Set<string>();
  const out: DemoPerson[] = [];
  const add = (
    p: { firstName: string; lastName: string; job: string; family: RoleFamily; service: string; manager: boolean; site: string },
    key?: string,
  ) => {
    const base = emailLocalPart(p.firstName, p.lastName);
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    const email = `${local}@${org.domain}`;
    const row: PeopleTable = {
      id: newId(),
      organization_id: organizationId,
      email,
      first_name: p.firstName,
      last_name: p.lastName,
      job_title: p.job,
      role_family: p.family,
      service: p.service,
      site: p.site,
      is_manager: p.manager ? 1 : 0,
      // A few departed staff, as in any real directory.
      active: key === undefined && rnd() < 0.015 ? 0 : 1,
      search_text: '',
      created_at: now,
      updated_at: now,
      deactivated_at: null,
    };
    row.search_text = personSearchKey(row);
    if (row.active === 0) row.deactivated_at = now;
    out.push(key === undefined ? { row } : { row, key });
  };
  const siteOf = () =>
    pickWeighted(
      rnd,
      org.sites.map(([name, weight]) => ({ name, weight })),
    ).name;
  for (const k of org.keyPeople ?? []) {
    add(
      {
        firstName: k.firstName,
        lastName: k.lastName,
        job: k.job,
        family: k.family,
        service: k.service,
        manager: k.manager ?? false,
        site: org.sites[0]?.[0] ?? '',
      },
      k.key,
    );
  }
  while (out.length < org.size) {
    const job: JobTemplate = pickWeighted(rnd, org.jobs);
    const female = rnd() < (job.family === 'nurses_care_assistants' || job.family === 'secretaries_reception' ? 0.85 : 0.55);
    const firstName = pick(rnd, female ? femaleFirstNames : maleFirstNames);
    const lastName = pick(rnd, lastNames);
    add({
      firstName,
      lastName,
      job: female ? job.f : job.m,
      family: job.family,
      service: pick(rnd, job.services ?? org.careServices),
      manager: job.manager ?? false,
      site: siteOf(),
    });
  }
  return out;
}

async function insertPeople(trx: Transaction<Database>, rows: PeopleTable[]): Promise<void> {
  // 400 rows x 16 columns stays well under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 400)
    await trx
      .insertInto('people')
      .values(rows.slice(i, i + 400))
      .execute();
}

export interface DemoSummary {
  organizations: number;
  territories: number;
  people: number;
  accounts: number;
  learningAssignments?: number;
}

export const demoSystemActor: AuditActor = { accountId: null, label: 'system:demo', ip: null };

/**
 * Writes the demo territory in one transaction: organizations, territories, about 3,000 people,
 * the demo accounts and their roles, with one audit entry per organization and territory and a
 * summary entry. Refuses when the demo admin account already exists.
 */
export async function seedDemo(dbh: DbHandle, actor: AuditActor = demoSystemActor): Promise<DemoSummary> {
  const audit = new AuditLog(dbh.dialect, systemClock);
  const rnd = seededRandom(20261128);
  const now = systemClock.now().toISOString();
  // Hash before the transaction: argon2 is slow on purpose and SQLite holds its write lock.
  for (const a of demoAccounts) if (a.password) checkPasswordPolicy(DEMO_PASSWORD, { email: a.email ?? '', name: a.displayName ?? '' });
  const hashes = new Map<number, string>();
  for (const [i, a] of demoAccounts.entries()) if (a.password) hashes.set(i, await hashPassword(DEMO_PASSWORD));

  const summary = await dbh.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('accounts').select('id').where('email', '=', DEMO_ADMIN_EMAIL).executeTakeFirst();
    if (existing) throw new Error(`The demo is already seeded (${DEMO_ADMIN_EMAIL} exists).`);
    const orgIds = new Map<string, string>();
    const keyPeople = new Map<string, PeopleTable>();
    let peopleCount = 0;
    for (const org of demoOrgs) {
      const id = newId();
      orgIds.set(org.key, id);
      await trx
        .insertInto('organizations')
        .values({
          id,
          name: org.name,
          short_name: org.shortName,
          kind: org.kind,
          siret: null,
          city: org.city,
          search_text: searchKey(org.name, org.shortName, org.city),
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const people = generatePeople(org, id, rnd, now);
      await insertPeople(
        trx,
        people.map((p) => p.row),
      );
      for (const p of people) if (p.key) keyPeople.set(p.key, p.row);
      peopleCount += people.length;
      await audit.record(trx, actor, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: id,
        organizationId: id,
        after: { name: org.name, shortName: org.shortName, kind: org.kind, city: org.city, people: people.length, source: 'demo' },
      });
    }

    const territoryIds = new Map<string, string>();
    for (const t of demoTerritories) {
      const id = newId();
      territoryIds.set(t.key, id);
      await trx
        .insertInto('territories')
        .values({ id, name: t.name, kind: t.kind, region: t.region, created_at: now, updated_at: now })
        .execute();
      const members = t.members.map((m) => ({
        territory_id: id,
        organization_id: orgIds.get(m.org) ?? '',
        is_lead: m.lead ? (1 as const) : (0 as const),
        shares_data: m.shares ? (1 as const) : (0 as const),
        joined_at: now,
      }));
      await trx.insertInto('territory_members').values(members).execute();
      // The demo's sharing members agreed to every domain.
      const sharing = members
        .filter((m) => m.shares_data === 1)
        .flatMap((m) =>
          sharingDomains.map((domain) => ({
            territory_id: id,
            organization_id: m.organization_id,
            domain,
            shared_since: now,
            changed_by: null,
          })),
        );
      if (sharing.length > 0) await trx.insertInto('territory_sharing').values(sharing).execute();
      await audit.record(trx, actor, {
        action: 'territory.created',
        entityType: 'territory',
        entityId: id,
        territoryId: id,
        after: {
          name: t.name,
          kind: t.kind,
          region: t.region,
          members: t.members.map((m) => ({ organizationId: orgIds.get(m.org), isLead: m.lead ?? false, sharesData: m.shares ?? false })),
          source: 'demo',
        },
      });
    }

    const accounts: Array<{ email: string; roles: string[] }> = [];
    for (const [i, a] of demoAccounts.entries()) {
      const person = a.person ? keyPeople.get(a.person) : undefined;
      if (a.person && !person) throw new Error(`Demo catalog: no key person ${a.person}`);
      const email = person?.email ?? a.email ?? '';
      const accountId = await provisionAccount(trx, {
        email,
        displayName: person ? `${person.first_name} ${person.last_name}` : (a.displayName ?? email),
        personId: person?.id ?? null,
      });
      const hash = hashes.get(i);
      if (hash)
        await trx
          .updateTable('accounts')
          .set({ password_hash: hash, password_changed_at: now, updated_at: now })
          .where('id', '=', accountId)
          .execute();
      for (const g of a.grants) {
        const [kind, key] = g.scope.split(':') as ['platform' | 'org' | 'territory', string | undefined];
        const scopeKind: ScopeKind = kind === 'org' ? 'organization' : kind;
        const scopeId = kind === 'platform' ? '' : ((kind === 'org' ? orgIds.get(key ?? '') : territoryIds.get(key ?? '')) ?? '');
        await trx
          .insertInto('role_grants')
          .values({
            id: newId(),
            account_id: accountId,
            role: g.role as Role,
            scope_kind: scopeKind,
            scope_id: scopeId,
            granted_by: null,
            created_at: now,
          })
          .execute();
      }
      accounts.push({ email, roles: a.grants.map((g) => `${g.role}@${g.scope}`) });
    }

    const summary: DemoSummary = {
      organizations: demoOrgs.length,
      territories: demoTerritories.length,
      people: peopleCount,
      accounts: accounts.length,
    };
    await audit.record(trx, actor, {
      action: 'demo.seeded',
      entityType: 'demo',
      entityId: null,
      after: { ...summary, accountList: accounts },
    });
    return summary;
  });
  const learning = await seedDemoLearning(dbh, demoContentDir, rnd, systemClock.now());
  await seedDemoPhishing(dbh, demoPhishingDir, rnd, systemClock.now());
  await (await import('./demo-suppliers.js')).seedDemoSuppliers(dbh, systemClock.now());
  await (await import('./demo-territory.js')).seedDemoTerritory(dbh, systemClock.now());
  return { ...summary, learningAssignments: learning.assignments };
}

/** Seeds the demo territory when the database has no organization yet. */
export async function seedDemoIfEmpty(dbh: DbHandle, log: (line: string) => void, actor: AuditActor = demoSystemActor): Promise<boolean> {
  const any = await dbh.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const started = Date.now();
  const s = await seedDemo(dbh, actor);
  log(
    `Demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${s.organizations} organizations, ${s.territories} territories, ${s.people} people, ${s.accounts} accounts, ${s.learningAssignments ?? 0} learning assignments.`,
  );
  return true;
}

/** The sign-in block printed at start-up and by `rempart demo`, or [] when the demo is absent. */
export async function demoSignIns(dbh: DbHandle, url: string): Promise<string[]> {
  const admin = await dbh.db.selectFrom('accounts').select('id').where('email', '=', DEMO_ADMIN_EMAIL).executeTakeFirst();
  if (!admin) return [];
  const keyEmails = new Map<string, string>();
  for (const org of demoOrgs) {
    for (const k of org.keyPeople ?? []) keyEmails.set(k.key, `${emailLocalPart(k.firstName, k.lastName)}@${org.domain}`);
  }
  const rows = demoAccounts.map((a) => {
    const email = a.person ? (keyEmails.get(a.person) ?? '') : (a.email ?? '');
    const how = a.password ? DEMO_PASSWORD : 'lien magique / magic link';
    return `  ${email.padEnd(38)} ${how.padEnd(26)} ${a.label.fr} / ${a.label.en}`;
  });
  const bar = '-'.repeat(100);
  const patientPage = await dbh.db.selectFrom('learning_public_pages').select('slug').where('enabled', '=', 1).limit(1).executeTakeFirst();
  return [
    bar,
    `Comptes de démonstration / Demo sign-ins  (${url})`,
    bar,
    ...rows,
    '',
    '  Les rôles d’administration enrôlent un TOTP à la première connexion. / Admin roles enrol TOTP at first sign-in.',
    '  Sans SMTP_URL, les liens de connexion s’affichent dans ce journal. / Without SMTP_URL, sign-in links are printed in this log.',
    ...(patientPage ? [`  Page patients (salle d’attente) / Patient page (waiting room): ${url}/sensibilisation/${patientPage.slug}`] : []),
    bar,
  ];
}
