import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite: the real built app (SQLite, demo territory) with a real SMTP sink and a real
 * OpenID Connect provider, all on 127.0.0.1, driven in Debian's chromium (never a downloaded one).
 */
export const E2E = {
  app: 'http://127.0.0.1:8190',
  sinkHttp: 'http://127.0.0.1:2591',
  oidc: 'http://127.0.0.1:9190',
  oidcUser: 'marc.delamare@chu-rivemont.demo',
  /** The app's public tracking listener (links in simulation emails) and its report receiver. */
  publicBase: 'http://127.0.0.1:8191',
  reportSmtpPort: 2592,
  reportAddress: 'signalement@rempart.test',
  /** start-app.mjs keeps the app's SQLite file and log here (E2E_DATA_DIR). */
  dataDir: '/tmp/rempart-e2e-8190',
};

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  // One retry in CI only: a test failing twice still fails the run, and scripts/e2e-failures.mjs
  // names every test that needed its retry at the end of the CI log, so flakiness stays visible.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'playwright-report/e2e.json' }]],
  use: {
    baseURL: E2E.app,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    // No fading modals (the theme honours it): an accessibility scan during a fade measured the
    // contrast of half-transparent text and failed now and then.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx test/support/smtp-sink.ts --port 2590 --http-port 2591',
      url: 'http://127.0.0.1:2591/messages',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command:
        'npx tsx test/support/oidc-server.ts --port 9190 --client-id rempart-e2e --client-secret e2e-oidc-secret-0123456789abcdef ' +
        `--redirect-uri ${'http://127.0.0.1:8190'}/api/auth/oidc/callback --users marc.delamare@chu-rivemont.demo`,
      url: 'http://127.0.0.1:9190/.well-known/openid-configuration',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'node test/e2e/start-app.mjs',
      url: 'http://127.0.0.1:8190/healthz',
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
  ],
});
