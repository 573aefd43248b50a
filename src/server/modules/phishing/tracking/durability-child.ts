/**
 * Child process of durability.test.ts: the tracking listener over DATABASE_URL on an ephemeral
 * port, which it reports to the parent. The parent kills it with SIGKILL mid-traffic.
 */
import { openDatabase } from '../../../db/index.js';
import { systemClock } from '../../../platform/clock.js';
import { listenOnEphemeralPort, trackingDeps } from './standalone.js';

const dbh = openDatabase(process.env.DATABASE_URL ?? '');
const { port } = await listenOnEphemeralPort(trackingDeps(dbh, systemClock));
process.send?.({ port });
