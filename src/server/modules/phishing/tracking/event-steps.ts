import { reportCounters, type StatsCounter, type StatsRecipient } from '../stats.js';
import type { EventKind, PhishingEventsTable, ScannerReason } from '../tables.js';
import type { ParsedAddress } from './addresses.js';
import { eventId } from './event-id.js';
import { FOLLOW_UP_SECONDS, type ScannerRules, scannerReason } from './scanner.js';

/**
 * What one tracked request does to the database, written once for both databases: a generator
 * that yields the reads and writes it needs (Op) and receives their results. The SQLite store
 * runs it synchronously inside one raw transaction per batch; the PostgreSQL store awaits each
 * step inside a Kysely transaction. Stats are returned, not written: the batch adds them up and
 * upserts each counters row once.
 */

/** The recipient columns an event reads (joined with its campaign's purge mark). */
export interface TrackedRecipient extends StatsRecipient {
  id: string;
  sent_at: string | null;
  delivered_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  submitted_at: string | null;
  reported_at: string | null;
  scanner_flagged: number;
  purged_at: string | null;
}

export type FirstTimeColumn = 'opened_at' | 'clicked_at' | 'submitted_at' | 'reported_at';

export type Op =
  /** → TrackedRecipient | undefined */
  | { op: 'recipient'; tokenHash: string }
  /** → void */
  | { op: 'event'; row: PhishingEventsTable }
  /** Sets the column where it is still null → number of rows changed (0 or 1). */
  | { op: 'first'; column: FirstTimeColumn; recipientId: string; at: string }
  /** Earliest unflagged click of the recipient at or after `since` → ISO time | null. */
  | { op: 'firstClick'; recipientId: string; since: string }
  /** scanner_flagged + 1 → its new value. */
  | { op: 'flag'; recipientId: string };

export interface TrackInput {
  tokenHash: string;
  kind: EventKind;
  method: string;
  userAgent: string | null;
  address: ParsedAddress | null;
  /** The address as stored: truncated to its /24 or /48 (addresses.ts). */
  storedAddress: string | null;
  at: Date;
}

export type TrackOutcome =
  | { recorded: false }
  | {
      recorded: true;
      recipientId: string;
      campaignId: string;
      scannerReason: ScannerReason | null;
      recipient: StatsRecipient;
      counters: Partial<Record<StatsCounter, number>>;
    };

const USER_AGENT_MAX = 200;

type Counters = Partial<Record<StatsCounter, number>>;

/** Sets a first-time column where still null; counts the recipient when it did. */
function* firstTime(
  recipientId: string,
  counters: Counters,
  column: FirstTimeColumn,
  at: string,
  counter: StatsCounter,
): Generator<Op, void, unknown> {
  const changed = (yield { op: 'first', column, recipientId, at }) as number;
  if (changed > 0) counters[counter] = (counters[counter] ?? 0) + 1;
}

/** A confirmed click implies the email was opened, even with its images blocked. */
function* confirmedClick(recipientId: string, counters: Counters, clickAt: string): Generator<Op, void, unknown> {
  yield* firstTime(recipientId, counters, 'clicked_at', clickAt, 'clicked');
  yield* firstTime(recipientId, counters, 'opened_at', clickAt, 'opened');
}

export function* trackSteps(t: TrackInput, rules: ScannerRules): Generator<Op, TrackOutcome, unknown> {
  const r = (yield { op: 'recipient', tokenHash: t.tokenHash }) as TrackedRecipient | undefined;
  // A purged campaign has forgotten who received what: nothing more is recorded for it.
  if (!r || r.purged_at !== null) return { recorded: false };
  const at = t.at.toISOString();
  const reason = scannerReason(
    { kind: t.kind, method: t.method, userAgent: t.userAgent, address: t.address, sentAt: r.sent_at, at: t.at },
    rules,
  );
  yield {
    op: 'event',
    row: {
      id: eventId(t.at.getTime()),
      campaign_id: r.campaign_id,
      recipient_id: r.id,
      kind: t.kind,
      at,
      scanner_reason: reason,
      user_agent: t.userAgent ? t.userAgent.slice(0, USER_AGENT_MAX) : null,
      address: t.storedAddress,
    },
  };
  const counters: Counters = {};
  const first = (column: FirstTimeColumn, when: string, counter: StatsCounter) => firstTime(r.id, counters, column, when, counter);
  const confirmClick = (clickAt: string) => confirmedClick(r.id, counters, clickAt);

  if (reason !== null) {
    const flagged = (yield { op: 'flag', recipientId: r.id }) as number;
    if (flagged === 1) counters.scanner_flagged = 1; // the figure counts recipients, like the other steps
  } else {
    switch (t.kind) {
      case 'open':
        if (r.opened_at === null) yield* first('opened_at', at, 'opened');
        break;
      case 'landing': {
        // The beacon proves a browser displayed the landing page: it confirms a recent click.
        if (r.clicked_at !== null) break;
        const since = new Date(t.at.getTime() - FOLLOW_UP_SECONDS * 1000).toISOString();
        const clickAt = (yield { op: 'firstClick', recipientId: r.id, since }) as string | null;
        if (clickAt !== null) yield* confirmClick(clickAt);
        break;
      }
      case 'submit': {
        if (r.submitted_at === null) yield* first('submitted_at', at, 'submitted');
        if (r.clicked_at === null) {
          // No click can precede the email: bounding by its sending keeps the lookup to recent clicks.
          const clickAt = (yield { op: 'firstClick', recipientId: r.id, since: r.sent_at ?? '' }) as string | null;
          yield* confirmClick(clickAt ?? at);
        }
        break;
      }
      case 'report': {
        if (r.reported_at !== null) break;
        const changed = (yield { op: 'first', column: 'reported_at', recipientId: r.id, at }) as number;
        const from = r.delivered_at ?? r.sent_at ?? at;
        if (changed > 0) Object.assign(counters, reportCounters((t.at.getTime() - Date.parse(from)) / 1000));
        break;
      }
      case 'click': // counted once a browser confirms it (landing beacon or submit)
      case 'teachable':
      case 'enrol':
        break;
      default: {
        const never: never = t.kind;
        throw new Error(`unknown event kind ${String(never)}`);
      }
    }
  }
  const recipient: StatsRecipient = {
    campaign_id: r.campaign_id,
    organization_id: r.organization_id,
    service: r.service,
    role_family: r.role_family,
    site: r.site,
  };
  return { recorded: true, recipientId: r.id, campaignId: r.campaign_id, scannerReason: reason, recipient, counters };
}
