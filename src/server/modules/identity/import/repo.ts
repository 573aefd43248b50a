/** Storage of uploaded imports and the bulk writes of an apply. Organization id first. */
import type { Transaction } from 'kysely';
import type { Db, DbHandle } from '../../../db/index.js';
import type { Database } from '../../../db/schema.js';
import type { ExistingPerson, PersonWrite } from './plan.js';
import type { PeopleImportsTable } from './tables.js';

type Executor = Db | Transaction<Database>;

export async function insertImport(trx: Executor, row: PeopleImportsTable): Promise<void> {
  await trx.insertInto('people_imports').values(row).execute();
}

export async function findImport(db: Executor, organizationId: string, importId: string): Promise<PeopleImportsTable | undefined> {
  return db
    .selectFrom('people_imports')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', importId)
    .executeTakeFirst();
}

export type ImportListRow = Omit<PeopleImportsTable, 'content'> & { created_by_email: string | null };

export async function listImports(
  db: Db,
  organizationId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: ImportListRow[]; total: number }> {
  const rows = await db
    .selectFrom('people_imports as i')
    .leftJoin('accounts as a', 'a.id', 'i.created_by')
    .select([
      'i.id',
      'i.organization_id',
      'i.filename',
      'i.size',
      'i.encoding',
      'i.delimiter',
      'i.headers',
      'i.row_count',
      'i.status',
      'i.mode',
      'i.mapping',
      'i.summary',
      'i.created_by',
      'i.created_at',
      'i.applied_at',
      'a.email as created_by_email',
    ])
    .where('i.organization_id', '=', organizationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await db
    .selectFrom('people_imports')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function markApplied(
  trx: Executor,
  organizationId: string,
  importId: string,
  values: Pick<PeopleImportsTable, 'mode' | 'mapping' | 'summary' | 'applied_at'>,
): Promise<void> {
  await trx
    .updateTable('people_imports')
    .set({ ...values, status: 'applied' })
    .where('organization_id', '=', organizationId)
    .where('id', '=', importId)
    .execute();
}

export async function loadPeople(db: Executor, organizationId: string): Promise<ExistingPerson[]> {
  return db
    .selectFrom('people')
    .select([
      'id',
      'email',
      'first_name',
      'last_name',
      'job_title',
      'role_family',
      'service',
      'site',
      'is_manager',
      'active',
      'deactivated_at',
    ])
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function findOrganization(db: Db, idOrName: string): Promise<{ id: string; name: string } | undefined> {
  const byId = await db.selectFrom('organizations').select(['id', 'name']).where('id', '=', idOrName).executeTakeFirst();
  return byId ?? db.selectFrom('organizations').select(['id', 'name']).where('name', '=', idOrName).executeTakeFirst();
}

const PG_CHUNK = 500;
/** Negative: KiB. 64 MiB of page cache during a bulk write. */
const BULK_CACHE_KIB = -65_536;

/**
 * Writes the planned people inside the caller's transaction. SQLite: the raw better-sqlite3
 * prepared statements of the same connection (Kysely holds the connection for the transaction,
 * so these run inside it): several times faster than building 100,000 Kysely queries.
 * PostgreSQL: multi-row upserts of 500 rows keyed by id (new people have fresh ids, so they are
 * inserted; known people are updated, including an email whose case changed).
 */
export async function writePeople(
  dbh: DbHandle,
  trx: Transaction<Database>,
  organizationId: string,
  plan: { creates: PersonWrite[]; updates: PersonWrite[]; deactivations: string[] },
  now: string,
): Promise<void> {
  if (dbh.dialect === 'sqlite' && dbh.sqlite) {
    const s = dbh.sqlite;
    // SQLite's default page cache is 2 MiB: 100,000 rows going into five indexes in random
    // order would spill pages to disk mid-transaction. A larger cache for the write keeps the
    // indexes in memory (the time of the write phase is then CPU, not disk).
    const cacheSize = s.pragma('cache_size', { simple: true }) as number;
    s.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      writeSqlite(s, organizationId, plan, now);
    } finally {
      s.pragma(`cache_size = ${cacheSize}`);
    }
    return;
  }

  const rows = [...plan.creates, ...plan.updates];
  for (let i = 0; i < rows.length; i += PG_CHUNK) {
    const chunk = rows.slice(i, i + PG_CHUNK).map((p) => ({ ...p, organization_id: organizationId, created_at: now }));
    await trx
      .insertInto('people')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            first_name: eb.ref('excluded.first_name'),
            last_name: eb.ref('excluded.last_name'),
            job_title: eb.ref('excluded.job_title'),
            role_family: eb.ref('excluded.role_family'),
            service: eb.ref('excluded.service'),
            site: eb.ref('excluded.site'),
            is_manager: eb.ref('excluded.is_manager'),
            active: eb.ref('excluded.active'),
            search_text: eb.ref('excluded.search_text'),
            updated_at: eb.ref('excluded.updated_at'),
            deactivated_at: eb.ref('excluded.deactivated_at'),
          }))
          .where('people.organization_id', '=', organizationId),
      )
      .execute();
  }
  for (let i = 0; i < plan.deactivations.length; i += PG_CHUNK * 2) {
    await trx
      .updateTable('people')
      .set({ active: 0, deactivated_at: now, updated_at: now })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', plan.deactivations.slice(i, i + PG_CHUNK * 2))
      .execute();
  }
}

function writeSqlite(
  s: NonNullable<DbHandle['sqlite']>,
  organizationId: string,
  plan: { creates: PersonWrite[]; updates: PersonWrite[]; deactivations: string[] },
  now: string,
): void {
  const insert = s.prepare(
    `insert into people (id, organization_id, email, first_name, last_name, job_title, role_family, service, site, is_manager, active,
      search_text, created_at, updated_at, deactivated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of plan.creates) {
    insert.run(
      p.id,
      organizationId,
      p.email,
      p.first_name,
      p.last_name,
      p.job_title,
      p.role_family,
      p.service,
      p.site,
      p.is_manager,
      p.active,
      p.search_text,
      now,
      p.updated_at,
      p.deactivated_at,
    );
  }
  const update = s.prepare(
    `update people set email = ?, first_name = ?, last_name = ?, job_title = ?, role_family = ?, service = ?, site = ?, is_manager = ?,
      active = ?, search_text = ?, updated_at = ?, deactivated_at = ? where organization_id = ? and id = ?`,
  );
  for (const p of plan.updates) {
    update.run(
      p.email,
      p.first_name,
      p.last_name,
      p.job_title,
      p.role_family,
      p.service,
      p.site,
      p.is_manager,
      p.active,
      p.search_text,
      p.updated_at,
      p.deactivated_at,
      organizationId,
      p.id,
    );
  }
  const deactivate = s.prepare('update people set active = 0, deactivated_at = ?, updated_at = ? where organization_id = ? and id = ?');
  for (const id of plan.deactivations) deactivate.run(now, now, organizationId, id);
}
