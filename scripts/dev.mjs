// `npm run dev`: the Vite dev server (hot reload, proxies /api and /healthz to the server, see
// vite.config.ts) next to the server restarted by `tsx watch` on every change.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadDotEnv, root, supervise, tsxCli, viteCli } from './lib.mjs';

loadDotEnv();
process.env.DEMO ??= 'true';
process.env.DATABASE_URL ??= 'sqlite:data/rempart.sqlite';
process.env.PORT ??= '8080';
const env = { ...process.env, REMPART_API: `http://127.0.0.1:${process.env.PORT}` };

const server = spawn(process.execPath, [tsxCli(), 'watch', '--clear-screen=false', join(root, 'src', 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
const web = spawn(process.execPath, [viteCli()], { cwd: root, stdio: 'inherit', env });
console.log(`Web (hot reload): http://127.0.0.1:5173   API: ${env.REMPART_API}`);
supervise([server, web]);
