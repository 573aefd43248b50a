/** The tracking listener on an ephemeral port over the test database, with a clock tests move. */
import { testDb } from '../../../../../test/helpers/db.js';
import type { DbHandle } from '../../../db/index.js';
import { FixedClock } from '../../../platform/clock.js';
import type { AppDeps } from '../../../platform/context.js';
import type { TrackingServer } from './server.js';
import { type Hit, listenOnEphemeralPort, trackingDeps } from './standalone.js';

export interface Listening {
  deps: AppDeps;
  dbh: DbHandle;
  clock: FixedClock;
  server: TrackingServer;
  hit: Hit;
  /** Another listener over the same database with some settings changed. */
  variant(config: Partial<AppDeps['config']>): Promise<{ hit: Hit; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** A moment no other test file uses, so rows written "now" can be told apart on a shared database. */
export const uniqueInstant = (): Date => new Date(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e12));

export async function startListening(env: Record<string, string> = {}): Promise<Listening> {
  const clock = new FixedClock(uniqueInstant());
  const dbh = await testDb();
  const deps = trackingDeps(dbh, clock, env);
  const { server, hit } = await listenOnEphemeralPort(deps);
  return {
    deps,
    dbh,
    clock,
    server,
    hit,
    variant: async (config) => {
      const v = await listenOnEphemeralPort({ ...deps, config: { ...deps.config, ...config } });
      return { hit: v.hit, close: () => v.server.close() };
    },
    close: async () => {
      await server.close();
      await dbh.close();
    },
  };
}
