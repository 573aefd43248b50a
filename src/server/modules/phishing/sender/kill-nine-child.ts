/**
 * The sender alone in a process, on a SQLite file: what kill-nine.test.ts starts, kills with
 * SIGKILL and starts again. Usage: node --import tsx kill-nine-child.ts <file.sqlite>
 * Prints "ready" once start-up recovery is done; SIGTERM stops it cleanly.
 */
import { openDatabase } from '../../../db/index.js';
import { AuditLog } from '../../../platform/audit-log/audit-log.js';
import { systemClock } from '../../../platform/clock.js';
import { SecretBox } from '../../../platform/secrets.js';
import { CampaignSender } from './worker.js';

const file = process.argv[2];
if (!file) throw new Error('usage: kill-nine-child.ts <file.sqlite>');
const dbh = openDatabase(`sqlite:${file}`);
const sender = new CampaignSender(
  {
    db: dbh.db,
    dbh,
    clock: systemClock,
    secrets: new SecretBox('kill-nine-child-secret-key-0123456789'),
    audit: new AuditLog('sqlite', systemClock),
  },
  {
    baseUrl: 'http://clic.test',
    reportAddress: 'signalement@test',
    connections: Number(process.env.SENDER_CONNECTIONS ?? 4),
    idleMs: 50,
    log: (message, err) => console.error(message, err ?? ''),
  },
);
await sender.recover();
process.stdout.write('ready\n');
sender.start();
process.on('SIGTERM', () => {
  void sender
    .stop()
    .then(() => dbh.close())
    .then(() => process.exit(0));
});
