import type { Permission } from './roles.js';

/**
 * Every API route declares one access rule in its route config (`config: { access }`).
 * A route without one is refused at start-up, and test/access-matrix.test.ts enumerates
 * every registered route against every role and a foreign tenant.
 */
export type AccessRule =
  | { kind: 'public'; why: string }
  | { kind: 'signed_in' }
  | { kind: 'permission'; permission: Permission; scope: 'platform' }
  | { kind: 'permission'; permission: Permission; scope: 'organization'; param: string }
  | { kind: 'permission'; permission: Permission; scope: 'territory'; param: string };

export const access = {
  /** Reachable without a session; say why. */
  public: (why: string): AccessRule => ({ kind: 'public', why }),
  /** Any signed-in account, including one that still has to pass TOTP. */
  signedIn: (): AccessRule => ({ kind: 'signed_in' }),
  platform: (permission: Permission): AccessRule => ({ kind: 'permission', permission, scope: 'platform' }),
  /** Organization-scoped: the organization id is the route param `param` (default `orgId`). */
  org: (permission: Permission, param = 'orgId'): AccessRule => ({ kind: 'permission', permission, scope: 'organization', param }),
  territory: (permission: Permission, param = 'territoryId'): AccessRule => ({
    kind: 'permission',
    permission,
    scope: 'territory',
    param,
  }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** false only for requests that cannot carry the CSRF header (none so far on the API). */
    csrf?: boolean;
  }
}
