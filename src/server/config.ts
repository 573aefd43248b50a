import { z } from 'zod';

/** The one place that reads process.env. Every setting is documented in README.md. */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** Public tracking listener (phishing links); 0 disables it. */
  PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Base URL users reach the app at, used in emails (magic links). */
  BASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().default('sqlite:data/rempart.sqlite'),
  /** 32+ chars; encrypts secrets at rest (TOTP seeds, SMTP and OIDC secrets). */
  SECRET_KEY: z.string().min(32).optional(),
  /** smtp://user:pass@host:port or smtps://...; absent: emails go to the dev outbox in the log. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Rempart <no-reply@rempart.localhost>'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('SSO'),
  /** Behind TLS (directly or via a proxy): Secure cookies and HSTS. */
  TRUST_PROXY: bool.default(false),
  TLS: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo territory when the database is empty (npm start does). */
  DEMO: bool.default(false),
  WEB_DIST: z.string().default('dist/web'),
  /** Folder of the learning catalogue (Markdown + YAML), loaded into the database at start-up. */
  LEARNING_CONTENT_DIR: z.string().default('content/learning'),
  /** Periodic learning jobs (enrolment, reminders, escalation, flash alert mail); false in tests that drive them. */
  JOBS: bool.default(true),
  /** Folder of the phishing catalogue (templates and landing pages), loaded at start-up. */
  PHISHING_CONTENT_DIR: z.string().default('content/phishing'),
  /** SMTP receiver of the reporting address (staff forward suspicious emails to it); 0 disables it. */
  REPORT_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** The address staff forward suspicious emails to (shown in simulation emails and pages). */
  REPORT_ADDRESS: z.string().email().default('signalement@rempart.localhost'),
  /** Extra user-agent fragments (comma-separated, case-insensitive) that mark a mail security scanner. */
  PHISHING_SCANNER_USER_AGENTS: z.string().default(''),
  /** Address ranges (comma-separated CIDR) of mail security scanners. */
  PHISHING_SCANNER_ADDRESSES: z.string().default(''),
  /** An open or click sooner than this after delivery is a scanner's, not a person's. */
  PHISHING_SCANNER_MIN_SECONDS: z.coerce.number().int().min(0).default(10),
  /** Parallel SMTP connections of the campaign sender. */
  PHISHING_SEND_CONNECTIONS: z.coerce.number().int().min(1).max(32).default(4),
  /** Seconds between two runs of the periodic jobs. */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** How long a computed learning dashboard is kept (per organization, grouping and language); 0 computes every request. */
  LEARNING_METRICS_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Folder of uploaded files (audit evidence), each under a random name; back it up with the database. */
  FILES_DIR: z.string().default('data/files'),
  /** Largest evidence file a provider may upload (bytes); above it the upload gets a 413. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function isSecure(config: Config): boolean {
  return config.TLS ?? config.BASE_URL?.startsWith('https://') === true;
}

export function baseUrl(config: Config): string {
  return (config.BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
}
