// `npm start`: builds the web front end when needed, then runs the server with the demo on SQLite.
// On a fresh clone with no configuration this is all it takes: the server migrates the database,
// seeds the demo when it is empty and prints the URL and the demo sign-ins.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv, newestMtime, root, runNode, supervise, tsxCli, viteCli } from './lib.mjs';

loadDotEnv();
process.env.DEMO ??= 'true';
process.env.DATABASE_URL ??= 'sqlite:data/rempart.sqlite';

const webIndex = join(root, process.env.WEB_DIST ?? 'dist/web', 'index.html');
const webSrc = join(root, 'src', 'web');
const hasWebSources = existsSync(join(webSrc, 'index.html')) && existsSync(join(root, 'vite.config.ts'));
const builtAt = existsSync(webIndex) ? statSync(webIndex).mtimeMs : 0;
const sourcesAt = Math.max(
  newestMtime(webSrc),
  existsSync(join(root, 'vite.config.ts')) ? statSync(join(root, 'vite.config.ts')).mtimeMs : 0,
);

if (hasWebSources && (builtAt === 0 || builtAt < sourcesAt)) {
  console.log(builtAt === 0 ? 'Building the web front end (first run)…' : 'Web sources changed: rebuilding the web front end…');
  const code = await runNode([viteCli(), 'build', '--logLevel', 'warn']);
  if (code !== 0) {
    console.error('\nThe web build failed (see above): starting the server anyway; the API works, the web pages may be stale or absent.\n');
  }
}

const server = spawn(process.execPath, [tsxCli(), join(root, 'src', 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
supervise([server]);
