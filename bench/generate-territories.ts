/**
 * National-scale territory data on PostgreSQL for bench/territory-dashboard.ts: 3,000 organizations,
 * 135 GHT and 800 CPTS in one region (the worst case for the regional view: every territory at
 * once), memberships, consent rows per domain, completed diagnostics, people with their learning
 * counters, phishing campaign counters, providers with audits, and actions.
 *
 *   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npx tsx bench/generate-territories.ts
 * BENCH_ORGS (3000), BENCH_GHT (135), BENCH_CPTS (800), BENCH_PEOPLE_PER_ORG (40).
 * Creates (and drops first) the database `rempart_bench_territories` on that server.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { sharingDomains } from '../src/server/modules/territory/tables.js';
import { newId } from '../src/server/platform/ids.js';
import { rng } from './gen-learning-data.js';

export const BENCH_DB = 'rempart_bench_territories';
export const REGION = 'Région du banc';
const DAY = 86_400_000;

export interface Generated {
  url: string;
  dbh: DbHandle;
  regionTerritoryId: string;
  largestTerritoryId: string;
  largestMembers: number;
  counts: Record<string, number>;
}

/** A fresh database on the server of `adminUrl`, migrated. */
async function freshDatabase(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${BENCH_DB} with (force)`);
  await client.query(`create database ${BENCH_DB}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

export async function generateTerritories(adminUrl: string): Promise<Generated> {
  const n = {
    orgs: Number(process.env.BENCH_ORGS ?? 3_000),
    ght: Number(process.env.BENCH_GHT ?? 135),
    cpts: Number(process.env.BENCH_CPTS ?? 800),
    people: Number(process.env.BENCH_PEOPLE_PER_ORG ?? 40),
  };
  const url = await freshDatabase(adminUrl);
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const random = rng(42);
  const now = Date.now();
  const iso = (t: number) => new Date(t).toISOString();
  const at = iso(now);
  const counts: Record<string, number> = {};
  const rows = new Map<string, Record<string, unknown>[]>();
  const add = (table: string, row: Record<string, unknown>) => {
    const list = rows.get(table) ?? [];
    list.push(row);
    rows.set(table, list);
  };

  const kinds = ['chu', 'ch', 'private_clinic', 'ehpad', 'ehpad', 'lab', 'pharmacy', 'gp_practice', 'gp_practice', 'nurses_practice'];
  const orgIds: string[] = [];
  for (let i = 0; i < n.orgs; i++) {
    const id = newId();
    orgIds.push(id);
    const name = `Établissement ${String(i).padStart(4, '0')}`;
    add('organizations', {
      id,
      name,
      short_name: null,
      kind: kinds[i % kinds.length],
      siret: null,
      city: 'Lyon',
      search_text: name.toLowerCase(),
      archived: 0,
      created_at: at,
      updated_at: at,
    });
  }
  const territory = (kind: string, i: number) => {
    const id = newId();
    add('territories', {
      id,
      name: `${kind.toUpperCase()} ${String(i).padStart(3, '0')}`,
      kind,
      region: REGION,
      created_at: at,
      updated_at: at,
    });
    return id;
  };
  const ghts = Array.from({ length: n.ght }, (_, i) => territory('ght', i));
  const cptss = Array.from({ length: n.cpts }, (_, i) => territory('cpts', i));
  const regionTerritoryId = territory('region', 0);
  const member = (territoryId: string, orgId: string, lead: boolean) => {
    add('territory_members', { territory_id: territoryId, organization_id: orgId, is_lead: lead ? 1 : 0, shares_data: 1, joined_at: at });
    for (const domain of sharingDomains) {
      if (random() < 0.75)
        add('territory_sharing', { territory_id: territoryId, organization_id: orgId, domain, shared_since: at, changed_by: null });
    }
  };
  // Every organization in one GHT (the first of each GHT is its lead); most in one CPTS as well.
  orgIds.forEach((orgId, i) => {
    member(ghts[i % n.ght]!, orgId, i < n.ght);
  });
  for (const orgId of orgIds) if (random() < 0.7) member(cptss[Math.floor(random() * n.cpts)]!, orgId, false);

  const referentialId = newId();
  add('maturity_referentials', {
    id: referentialId,
    referential_id: 'bench',
    version: 1,
    title_fr: 'Banc',
    title_en: 'Bench',
    content: '{}',
    last_reviewed: '2026-01-01',
    created_at: at,
  });
  const campaignId = newId();
  for (const orgId of orgIds) {
    for (let d = 0; d < Math.floor(random() * 3); d++) {
      const done = iso(now - Math.floor(random() * 700) * DAY);
      add('maturity_diagnostics', {
        id: newId(),
        organization_id: orgId,
        referential_version_id: referentialId,
        variant: random() < 0.5 ? 'short' : 'full',
        status: 'completed',
        answers: '{}',
        provenance: '{}',
        scores: '{}',
        overall: Math.round(random() * 100),
        started_by: null,
        created_at: done,
        updated_at: done,
        completed_at: done,
      });
    }
    for (let p = 0; p < n.people; p++) {
      const personId = newId();
      add('people', {
        id: personId,
        organization_id: orgId,
        email: `p${personId}@bench.fr`,
        first_name: 'A',
        last_name: 'B',
        job_title: null,
        role_family: 'nurses_care_assistants',
        service: 'Soins',
        site: null,
        is_manager: 0,
        active: 1,
        search_text: 'a b',
        created_at: at,
        updated_at: at,
        deactivated_at: null,
      });
      const assigned = 1 + Math.floor(random() * 4);
      add('learning_person_stats', {
        person_id: personId,
        organization_id: orgId,
        assigned,
        completed: Math.floor(random() * (assigned + 1)),
        first_score_sum: 60,
        last_score_sum: 80,
        scored: 1,
        next_due_at: random() < 0.2 ? iso(now - 10 * DAY) : null,
        updated_at: at,
      });
    }
    // Counters of one campaign per organization (the dashboards never read recipients).
    const targets = n.people;
    const delivered = targets - Math.floor(random() * 3);
    add('phishing_campaign_stats', {
      campaign_id: campaignId,
      organization_id: orgId,
      dimension: 'all',
      group_key: '',
      targets,
      sent: targets,
      delivered,
      failed: targets - delivered,
      opened: Math.floor(delivered * 0.5),
      clicked: Math.floor(delivered * random() * 0.3),
      submitted: 0,
      reported: Math.floor(delivered * random() * 0.5),
      scanner_flagged: 0,
      report_seconds_sum: 0,
      report_b0: 0,
      report_b1: 0,
      report_b2: 0,
      report_b3: 0,
      report_b4: 0,
      report_b5: 0,
      updated_at: at,
    });
    for (let s = 0; s < 1 + Math.floor(random() * 8); s++) {
      const supplierId = newId();
      add('suppliers', {
        id: supplierId,
        organization_id: orgId,
        provider_organization_id: null,
        name: `Prestataire ${s}`,
        siren: '552100554',
        siret: null,
        services: 'Logiciel',
        handles_health_data: 1,
        data_volume: 'over_100k',
        storage_locations: '["FR"]',
        processing_locations: '["FR"]',
        remote_maintenance: 1,
        remote_maintenance_details: '',
        dependency: 'high',
        system_access: 'remote',
        criticality_computed: 1 + Math.floor(random() * 4),
        criticality_override: null,
        criticality_reason: null,
        archived: 0,
        created_at: at,
        updated_at: at,
      });
      if (random() < 0.5) {
        const closed = random() < 0.6;
        add('supplier_audits', {
          id: newId(),
          supplier_id: supplierId,
          organization_id: orgId,
          contract_id: null,
          kind: 'scheduled',
          trigger_reason: null,
          status: closed ? 'closed' : 'planned',
          title: 'Audit',
          due_on: iso(now + (random() - 0.5) * 200 * DAY).slice(0, 10),
          notice_sent_at: null,
          grid_id: 'bench',
          grid_version: 1,
          grid_snapshot: '{}',
          shared: 0,
          provider_agreed_shared_at: null,
          opened_at: null,
          submitted_at: null,
          reviewed_at: null,
          closed_at: closed ? iso(now - random() * 500 * DAY) : null,
          payer: null,
          auditor_account_id: null,
          created_at: at,
          updated_at: at,
        });
      }
    }
    for (let a = 0; a < Math.floor(random() * 15); a++) {
      const status = ['todo', 'todo', 'in_progress', 'done', 'cancelled'][Math.floor(random() * 5)];
      add('actions', {
        id: newId(),
        organization_id: orgId,
        title: 'Action',
        description: '',
        source_kind: 'manual',
        source_id: null,
        source_label: '',
        source_link: null,
        owner_account_id: null,
        owner_name: '',
        due_on: iso(now + (random() - 0.6) * 120 * DAY).slice(0, 10),
        priority: 'medium',
        status,
        done_at: status === 'done' ? iso(now - random() * 200 * DAY) : null,
        created_at: at,
        updated_at: at,
        reminded_at: null,
        search_text: 'action',
      });
    }
  }
  add('phishing_campaigns', {
    id: campaignId,
    organization_id: null,
    territory_id: regionTerritoryId,
    name: 'Banc',
    status: 'completed',
    template_id: 'bench',
    template_version: 1,
    difficulty: 'moderately-difficult',
    landing_page_id: null,
    sending_profile_id: 'bench',
    learning_module_id: null,
    targets: '{}',
    anonymous: 0,
    retention_days: 365,
    launch_at: iso(now - 30 * DAY),
    spread_until: null,
    paused_at: null,
    launched_at: iso(now - 30 * DAY),
    completed_at: iso(now - 20 * DAY),
    purged_at: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });

  // One connection with foreign keys off: the bench rows point at a fake template, grid and profile.
  await dbh.db.connection().execute(async (conn) => {
    await sql`set session_replication_role = replica`.execute(conn);
    for (const [table, list] of rows) {
      counts[table] = list.length;
      const width = Object.keys(list[0]!).length;
      const chunk = Math.floor(30_000 / width);
      for (let i = 0; i < list.length; i += chunk) {
        // Bench rows are checked by the database itself, table by table.
        await conn
          .insertInto(table as 'organizations')
          .values(list.slice(i, i + chunk) as never)
          .execute();
      }
    }
    await sql`set session_replication_role = origin`.execute(conn);
    await sql`analyze`.execute(conn);
  });

  const sizes = new Map<string, number>();
  for (const m of rows.get('territory_members') ?? []) sizes.set(m.territory_id as string, (sizes.get(m.territory_id as string) ?? 0) + 1);
  const [largestTerritoryId, largestMembers] = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return { url, dbh, regionTerritoryId, largestTerritoryId, largestMembers, counts };
}

if (process.argv[1]?.endsWith('generate-territories.ts')) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const t0 = performance.now();
  const g = await generateTerritories(adminUrl);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${BENCH_DB}:`, g.counts);
  await g.dbh.close();
}
