import { type Kysely, PostgresAdapter, sql } from 'kysely';

// rempart_fold(text): lower case without accents, so that "helene" finds "Hélène" in columns that
// have no precomputed search_text. SQLite gets the same function from the connection (registered in
// db/index.ts with the app's searchKey); PostgreSQL gets this SQL twin. Frozen once shipped.

const ACCENTED = 'àáâãäåāçèéêëēìíîïñòóôõöōùúûüýÿÀÁÂÃÄÅĀÇÈÉÊËĒÌÍÎÏÑÒÓÔÕÖŌÙÚÛÜÝŸ';
const PLAIN = 'aaaaaaaceeeeeiiiinoooooouuuuyyaaaaaaaceeeeeiiiinoooooouuuuyy';

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Accents are mapped before lower(), which leaves non-ASCII letters alone under a C locale.
  await sql
    .raw(
      `create or replace function rempart_fold(t text) returns text language sql immutable parallel safe
       as $$ select lower(translate(t, '${ACCENTED}', '${PLAIN}')) $$`,
    )
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop function if exists rempart_fold(text)').execute(db);
}
