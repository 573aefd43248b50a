import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.js';
import type { LiveEvent } from './hub.js';
import { frameOf, parseLastEventId } from './sse.js';

describe('SSE framing and cursors', () => {
  it('reads any Last-Event-ID as a cursor or a 400 on lastEventId, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        try {
          const cursor = parseLastEventId(raw);
          expect(cursor === null || (Number.isSafeInteger(cursor) && cursor >= 0)).toBe(true);
          if (cursor !== null) expect(String(cursor)).toBe(raw.replace(/^0+(?=\d)/, ''));
        } catch (err) {
          expect(err).toBeInstanceOf(Invalid);
          expect((err as Invalid).field).toBe('lastEventId');
        }
      }),
    );
    expect(parseLastEventId(undefined)).toBeNull();
    expect(parseLastEventId('42')).toBe(42);
    expect(() => parseLastEventId('9'.repeat(16))).toThrow(Invalid);
  });

  it('frames an event on SSE lines, a payload line break becoming another data line', () => {
    const event: LiveEvent = { id: 7, topic: 't', kind: 'chat.message', payload: '{"a":1}\n{"b":2}', createdAt: '' };
    expect(frameOf(event)).toBe('id: 7\nevent: chat.message\ndata: {"a":1}\ndata: {"b":2}\n\n');
    expect(frameOf(event)).toBe(frameOf(event));
  });
});
