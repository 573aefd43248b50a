import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../../test/helpers/db.js';
import { makeOrg } from '../../../../../test/helpers/factories.js';
import { importPeople, parseMapOption, register } from '../../../../cli/commands/import-people.js';
import type { DbHandle } from '../../../db/index.js';
import { AuditLog } from '../../../platform/audit-log/audit-log.js';
import { systemClock } from '../../../platform/clock.js';

describe('rempart import-people', () => {
  let dbh: DbHandle;
  let audit: AuditLog;
  const dir = mkdtempSync(join(tmpdir(), 'rempart-cli-import-'));
  beforeAll(async () => {
    dbh = await testDb();
    audit = new AuditLog(dbh.dialect, systemClock);
  });
  afterAll(async () => dbh.close());

  const run = async (file: string, opts: Parameters<typeof importPeople>[2]) => {
    const lines: string[] = [];
    const code = await importPeople({ dbh, audit, out: (l) => lines.push(l) }, file, opts);
    return { code, text: lines.join('\n') };
  };
  const count = async (orgId: string) =>
    Number(
      (
        await dbh.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organization_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('registers its command on the program', () => {
    const program = new Command();
    register(program);
    const cmd = program.commands.find((c) => c.name() === 'import-people');
    expect(cmd?.options.map((o) => o.long)).toEqual(['--org', '--full', '--dry-run', '--map', '--strict', '--lang']);
  });

  it('dry-runs, applies by organization name with a mapping override, and fails on errors with --strict', async () => {
    const org = await makeOrg(dbh.db, { name: `CH Import CLI ${Date.now()}` });
    const file = join(dir, 'agents.csv');
    // "Identifiant" is not a known header: --map names it as the email column.
    writeFileSync(file, 'Nom;Prénom;Identifiant;Fonction\nLefèvre;Hélène;helene@ch.fr;IDE\nBœuf;Françoise;pas-un-mail;Médecin\n', 'latin1');

    const dry = await run(file, { org: org.id, dryRun: true, map: 'email=Identifiant' });
    expect(dry.code).toBe(0);
    expect(dry.text).toContain('windows-1252');
    expect(dry.text).toContain('créées 1, mises à jour 0');
    expect(dry.text).toContain('ligne 3 (email)');
    expect(await count(org.id)).toBe(0);

    const strict = await run(file, { org: org.name, map: 'email=Identifiant', strict: true, lang: 'en' });
    expect(strict.code).toBe(1);
    expect(strict.text).toContain('created 1, updated 0');
    expect(await count(org.id)).toBe(1);
    const again = await run(file, { org: org.name, map: 'email=Identifiant', full: true });
    expect(again.code).toBe(0);
    expect(again.text).toContain('créées 0, mises à jour 0, inchangées 1, désactivées 0');
    const imports = await dbh.db.selectFrom('people_imports').select('status').where('organization_id', '=', org.id).execute();
    expect(imports.map((i) => i.status)).toEqual(['applied', 'applied']);
  });

  it('refuses an unknown organization and a malformed --map', async () => {
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'Nom;Courriel\nA;a@b.fr\n');
    await expect(run(file, { org: 'Nulle part' })).rejects.toMatchObject({ code: 'org_not_found' });
    expect(() => parseMapOption('email')).toThrow(/field=Column/);
    expect(parseMapOption('email=Adresse mail, lastName=Nom')).toEqual({ email: 'Adresse mail', lastName: 'Nom' });
  });
});
