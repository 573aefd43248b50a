// Starts the built app for the e2e suite on a fresh SQLite file with the demo territory,
// sending mail to the SMTP sink and trusting the local OIDC provider.
import { execSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

// The suite runs against the built front end (.ci/run builds it first; build here if missing).
if (!existsSync('dist/web/index.html')) execSync('npx vite build', { stdio: 'inherit' });

const dir = `/tmp/rempart-e2e-${process.pid}`;
rmSync(dir, { recursive: true, force: true });
const env = {
  ...process.env,
  PORT: '8190',
  PUBLIC_PORT: '0',
  REPORT_SMTP_PORT: '0',
  HOST: '127.0.0.1',
  BASE_URL: 'http://127.0.0.1:8190',
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
  LOG_LEVEL: 'warn',
};
const child = spawn('npx', ['tsx', 'src/server/main.ts'], { env, stdio: 'inherit' });
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
