import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/db/index.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
for (const cache of [0, -65536, 0, -65536]) {
  const dbh = openDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'c-')), 'x.sqlite')}`);
  await migrateToLatest(dbh.db);
  const s = dbh.sqlite!;
  s.prepare(`insert into organizations (id,name,kind,search_text,archived,created_at,updated_at) values ('o','o','ch','',0,'','')`).run();
  if (cache) s.pragma(`cache_size = ${cache}`);
  const ins = s.prepare(`insert into people (id, organization_id, email, first_name, last_name, job_title, role_family, service, site, is_manager, active, search_text, created_at, updated_at, deactivated_at) values (?, 'o', ?, ?, ?, ?, 'physicians', ?, 'Site', 0, 1, ?, 'now', 'now', null)`);
  const t0 = performance.now();
  s.exec('begin');
  for (let i = 0; i < 100000; i++) { const r = Math.random().toString(36).slice(2); ins.run(newId(), `${r}.${i}@x.fr`, `F${r}`, `L${r.slice(3)}`, 'Infirmière', `Service ${i % 40}`, `f l ${r}@x.fr infirmiere service`); }
  const t1 = performance.now();
  s.exec('commit');
  console.log('cache', cache, 'insert', ((t1 - t0) / 1000).toFixed(2), 'commit', ((performance.now() - t1) / 1000).toFixed(2));
  await dbh.close();
}
