// `npm run bench [name...]`: runs every bench/*.ts in turn (helpers named gen-*.ts excepted);
// each prints its own figures (see BENCHMARKS.md).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, runNode, tsxCli } from './lib.mjs';

const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('gen-'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const code = await runNode([tsxCli(), join('bench', f)]);
  if (code !== 0) {
    failed += 1;
    console.error(`bench/${f} exited with code ${code}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
