import type { Clock } from '../../../platform/clock.js';
import type { TrackInput, TrackOutcome } from './event-steps.js';
import type { EventStore } from './event-store.js';

interface Pending {
  input: TrackInput;
  resolve(outcome: TrackOutcome): void;
  reject(err: unknown): void;
}

/**
 * Group commit for tracking events. The requests that arrive during one turn of the event loop
 * are written together in one transaction (setImmediate runs after the poll phase has read
 * them all); each request is answered only when that transaction has committed, so an answer
 * the client received always stands for a durable event. While a batch is being written (an
 * await on PostgreSQL), the next one fills up: batches grow with the load.
 */
export class EventRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  record(input: TrackInput): Promise<TrackOutcome> {
    return new Promise<TrackOutcome>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every event recorded so far is written (on close). */
  async drain(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      if (this.writing) await this.writing;
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.flush().finally(() => {
        this.writing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const outcomes = await this.store.write(
        batch.map((p) => p.input),
        this.clock.now().toISOString(),
      );
      batch.forEach((p, i) => {
        p.resolve(outcomes[i] ?? { recorded: false });
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
