import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { type DbHandle, openDatabase } from '../../db/index.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DomainError, errorBody } from '../errors.js';
import { LiveHub, type LiveHubOptions } from './hub.js';
import { type LiveStreamOptions, registerLive, streamTopics } from './sse.js';

/** A process-like unit for tests and the bench: a database handle, a hub and an HTTP server with one SSE route. */
export interface LiveServer {
  app: FastifyInstance;
  hub: LiveHub;
  dbh: DbHandle;
  /** http://127.0.0.1:port/live?topics= (comma-separated topics to append). */
  url: (topics: string[], query?: string) => string;
  close(): Promise<void>;
}

/**
 * Starts Fastify with `GET /live?topics=a,b` over `streamTopics`, the way a module's route will
 * use it (minus the access check). Bad input answers like the real app: a 4xx naming the field.
 */
export async function startLiveServer(
  dbh: DbHandle,
  opts: { hub?: LiveHubOptions; stream?: LiveStreamOptions; closeDb?: boolean } = {},
): Promise<LiveServer> {
  const hub = new LiveHub(dbh, opts.hub);
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof DomainError) return reply.status(err.status).send(errorBody(err.code, err.text.en, err.field));
    return reply.status(500).send(errorBody('internal', 'Internal error.'));
  });
  await registerLive(app, hub, opts.stream);
  app.get('/live', async (request, reply) => {
    const topics = String((request.query as { topics?: string }).topics ?? '')
      .split(',')
      .filter(Boolean);
    await streamTopics(request, reply, topics);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    app,
    hub,
    dbh,
    url: (topics, query) => `http://127.0.0.1:${port}/live?topics=${topics.join(',')}${query ? `&${query}` : ''}`,
    close: async () => {
      await app.close();
      if (opts.closeDb !== false) await dbh.close();
    },
  };
}

/** A migrated SQLite file of its own, so a test can close it and open it again (a restart). */
export async function sqliteFile(): Promise<{ path: string; open: () => Promise<DbHandle> }> {
  const path = join(mkdtempSync(join(tmpdir(), 'rempart-live-')), 'live.sqlite');
  const open = async () => {
    const dbh = openDatabase(`sqlite:${path}`);
    await migrateToLatest(dbh.db);
    return dbh;
  };
  return { path, open };
}
