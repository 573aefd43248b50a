import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 ids for tracking events, the shape newId() makes, drawn from a pool of random bytes:
 * newId() asks the system for 16 fresh bytes per id, a measurable share of the hot path at
 * thousands of events per second. Like newId(), ids of one process sort in creation order: within
 * a millisecond, the 12 bits after the version count up (RFC 9562, method 1).
 */
const pool = Buffer.alloc(8 * 512);
let offset = pool.length;
let lastMs = -1;
let sequence = 0;

function randomBytes8(): Buffer {
  if (offset + 8 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 8);
  offset += 8;
  return bytes;
}

export function eventId(ms: number): string {
  const r = randomBytes8();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = (r[0]! << 2) & 0x3ff; // a random start in the lower part leaves room to count up
  } else if (++sequence > 0xfff) {
    lastMs += 1; // over 3,000 ids in one millisecond: borrow the next one
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const hex = r.toString('hex');
  const variant = ((r[1]! & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${hex.slice(4, 7)}-${hex.slice(7, 16)}${hex.slice(1, 4)}`;
}
