/**
 * A real OpenID Connect provider (oidc-provider 9) on 127.0.0.1, for integration and e2e tests.
 * Its login page (oidc-provider's development interactions) accepts any password: the login
 * typed is the user's id or email, looked up in the configured users. A login that is not listed
 * but looks like an email signs in as that address, verified.
 *
 * From code:   const idp = await startOidcServer({ clientId, clientSecret, redirectUris, users })
 * As a script: npx tsx test/support/oidc-server.ts --port 9090 --client-id rempart \
 *                --client-secret s3cret --redirect-uri http://127.0.0.1:8080/api/auth/oidc/callback \
 *                --users 'alice@chu.test,bob@chu.test:unverified'
 *              (or env OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS, OIDC_USERS;
 *              OIDC_USERS may also be a JSON array of users) prints OIDC_ISSUER=http://127.0.0.1:<port>.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

export interface OidcUser {
  email: string;
  /** Subject; defaults to the lower-cased email. */
  sub?: string;
  name?: string;
  /** true (default), false, or null to leave the claim out. */
  emailVerified?: boolean | null;
}

export interface OidcServerOptions {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris: string[];
  users?: OidcUser[];
}

export interface OidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: OidcUser[];
  stop(): Promise<void>;
}

export async function startOidcServer(opts: OidcServerOptions): Promise<OidcServer> {
  const host = opts.host ?? '127.0.0.1';
  const clientId = opts.clientId ?? 'rempart';
  const clientSecret = opts.clientSecret ?? 'rempart-test-secret-0123456789abcdef';
  const users = [...(opts.users ?? [])];
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const lookup = (login: string): OidcUser | undefined => {
    const l = login.trim().toLowerCase();
    const listed = users.find((u) => (u.sub ?? u.email.toLowerCase()) === l || u.email.toLowerCase() === l);
    if (listed) return listed;
    return /^[^@\s]+@[^@\s]+$/.test(l) ? { email: l } : undefined;
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...jwk, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const user = lookup(id);
      if (!user) return undefined;
      const sub = user.sub ?? user.email.toLowerCase();
      return {
        accountId: id,
        claims: () => ({
          sub,
          email: user.email,
          ...(user.emailVerified === null ? {} : { email_verified: user.emailVerified ?? true }),
          ...(user.name ? { name: user.name } : {}),
        }),
      };
    },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Minimal cookie jar for driving the provider's pages with fetch. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the user at the provider: follows the authorization URL, signs in as `login` on the login
 * page, grants consent, and returns the URL the provider sends the browser back to (the
 * relying party's callback with code and state). Redirects are followed by hand, carrying cookies.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUriPrefix: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUriPrefix)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    jar.store(res);
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`Provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`Unexpected provider page at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    method = 'POST';
    body =
      prompt === 'login'
        ? new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString()
        : new URLSearchParams({ prompt }).toString();
  }
  throw new Error('Too many redirects at the provider');
}

function argValues(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1]) out.push(process.argv[i + 1] as string);
    else if (a.startsWith(`--${name}=`)) out.push(a.slice(name.length + 3));
  });
  return out;
}

/** 'a@x.fr,b@y.fr:unverified,c@z.fr:absent' or a JSON array of OidcUser. */
export function parseUsers(spec: string | undefined): OidcUser[] {
  if (!spec?.trim()) return [];
  if (spec.trim().startsWith('[')) return JSON.parse(spec) as OidcUser[];
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [email = '', flag] = s.split(':');
      return { email, emailVerified: flag === 'unverified' ? false : flag === 'absent' ? null : true };
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const redirectUris = [...argValues('redirect-uri'), ...(process.env.OIDC_REDIRECT_URIS?.split(',') ?? [])].filter(Boolean);
  if (redirectUris.length === 0) redirectUris.push('http://127.0.0.1:8080/api/auth/oidc/callback');
  const idp = await startOidcServer({
    port: Number(argValues('port')[0] ?? process.env.OIDC_PORT ?? 0),
    clientId: argValues('client-id')[0] ?? process.env.OIDC_CLIENT_ID ?? 'rempart',
    clientSecret: argValues('client-secret')[0] ?? process.env.OIDC_CLIENT_SECRET ?? 'rempart-test-secret-0123456789abcdef',
    redirectUris,
    users: parseUsers(argValues('users')[0] ?? process.env.OIDC_USERS),
  });
  console.log(`OIDC_ISSUER=${idp.issuer}`);
  console.log(`OIDC_CLIENT_ID=${idp.clientId}`);
  console.log(`OIDC_CLIENT_SECRET=${idp.clientSecret}`);
  const stop = async () => {
    await idp.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
