import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * WAL checkpoints on a worker thread while the tracking listener runs (SQLite only).
 *
 * Each batch of tracking events writes its pages (event rows, index ends, counters, recipients
 * seen for the first time) to the WAL, which fills fast under load, and SQLite's automatic
 * checkpoint runs inside whichever COMMIT crosses 1,000 pages: on
 * the event loop, copying pages back and calling fsync. Here the app's connection stops
 * checkpointing by itself and a second connection, on its own thread, runs a PASSIVE checkpoint
 * every second (it never blocks a writer or a reader). Durability is unchanged: a transaction is
 * durable once in the WAL; a checkpoint only moves committed pages into the main file. On stop
 * (or if the thread dies), the connection gets its own automatic checkpoint back.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); process.exit(0); });
`;

export function startCheckpointer(sqlite: SQLite.Database, intervalMs = 1000): Checkpointer | null {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  const previous = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: sqlite.name, intervalMs },
  });
  worker.unref(); // the listener keeps the process alive, not this thread
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const restore = () => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${previous}`);
  };
  // A thread that cannot run must not leave the WAL growing without end.
  worker.once('error', restore);
  worker.once('exit', restore);
  sqlite.pragma('wal_autocheckpoint = 0');
  return {
    stop: async () => {
      if (running) worker.postMessage('stop');
      await exited;
      restore();
    },
  };
}
