// Starts the built app for the e2e suite on a fresh SQLite file with the demo territory,
// sending mail to the SMTP sink and trusting the local OIDC provider.
//
// Defaults serve the suite's main app (playwright.config.ts). A spec can start another one with
// E2E_PORT, E2E_PUBLIC_PORT, E2E_REPORT_SMTP_PORT and E2E_DATA_DIR; E2E_KEEP_DATA=1 restarts on
// the same database (after a kill -9). The server's pid is written to <dir>/server.pid and its
// output copied to <dir>/app.log, so a spec can kill the server itself and search its logs.
import { execSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

// The suite runs against the built front end (.ci/run builds it first; build here if missing).
if (!existsSync('dist/web/index.html')) execSync('npx vite build', { stdio: 'inherit' });

const port = process.env.E2E_PORT ?? '8190';
const publicPort = process.env.E2E_PUBLIC_PORT ?? '8191';
const dir = process.env.E2E_DATA_DIR ?? `/tmp/rempart-e2e-${port}`;
if (process.env.E2E_KEEP_DATA !== '1') rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = {
  ...process.env,
  PORT: port,
  PUBLIC_PORT: publicPort,
  PUBLIC_BASE_URL: `http://127.0.0.1:${publicPort}`,
  REPORT_SMTP_PORT: process.env.E2E_REPORT_SMTP_PORT ?? '2592',
  REPORT_ADDRESS: 'signalement@rempart.test',
  HOST: '127.0.0.1',
  BASE_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: `sqlite:${dir}/rempart.sqlite`,
  SECRET_KEY: 'e2e-secret-key-e2e-secret-key-0123456789',
  SMTP_URL: 'smtp://127.0.0.1:2590',
  OIDC_ISSUER: 'http://127.0.0.1:9190',
  OIDC_CLIENT_ID: 'rempart-e2e',
  OIDC_CLIENT_SECRET: 'e2e-oidc-secret-0123456789abcdef',
  OIDC_LABEL: 'SSO GHT',
  DEMO: 'true',
  // Reminders and flash-alert mail within seconds rather than a minute.
  JOBS_INTERVAL_SECONDS: '5',
  // A person in the suite clicks within seconds of delivery: only faster than that counts as a scanner.
  PHISHING_SCANNER_MIN_SECONDS: '1',
  // Request logs included, so the phishing spec can check that typed values never reach them.
  LOG_LEVEL: 'info',
};
// node with the tsx loader (not npx): the child is the server itself, so a SIGKILL reaches it.
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
writeFileSync(`${dir}/server.pid`, String(child.pid));
const log = createWriteStream(`${dir}/app.log`, { flags: 'a' });
child.stdout.on('data', (d) => {
  log.write(d);
  process.stdout.write(d);
});
child.stderr.on('data', (d) => {
  log.write(d);
  process.stderr.write(d);
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
