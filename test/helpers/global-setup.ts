import pg from 'pg';

/**
 * On PostgreSQL, every run gets a fresh database so runs never see each other's rows.
 * Test files then share it; each test makes its own tenant with the factories.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base?.startsWith('postgres')) return;
  const name = `rempart_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.REMPART_TEST_PG_URL = url.toString();
  provide('pgUrl', url.toString());
  return async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
