import { describe, expect, it } from 'vitest';
import { allowedActions, bucketBars, formatRate, isLive, isSuppressedGroup, sentPercent } from './display.js';

describe('campaign display', () => {
  it('writes fractions as local percentages, a dash when there is none', () => {
    expect(formatRate(0.1234, 'en')).toBe('12.3%');
    expect(formatRate(0.5, 'fr').replace(/\s/g, ' ')).toBe('50 %');
    expect(formatRate(null, 'fr')).toBe('—');
  });

  it('measures progress on the targets', () => {
    expect(sentPercent({ targets: 0, sent: 0, delivered: 0, failed: 0 })).toBe(0);
    expect(sentPercent({ targets: 200, sent: 50, delivered: 49, failed: 1 })).toBe(25);
    expect(sentPercent({ targets: 3, sent: 4, delivered: 4, failed: 0 })).toBe(100);
  });

  it('scales time-to-report bars on the largest bucket', () => {
    expect(bucketBars([0, 0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(bucketBars([2, 4, 1, 0, 0, 0])).toEqual([50, 100, 25, 0, 0, 0]);
  });

  it('offers only the actions a status allows', () => {
    expect(allowedActions('draft')).toEqual(['edit', 'cancel']);
    expect(allowedActions('running')).toEqual(['pause', 'cancel']);
    expect(allowedActions('paused')).toEqual(['resume', 'cancel']);
    expect(allowedActions('completed')).toEqual([]);
    expect(isLive('running')).toBe(true);
    expect(isLive('completed')).toBe(false);
  });

  it('recognises suppressed groups', () => {
    expect(isSuppressedGroup({ key: 'a', label: 'A', suppressed: true })).toBe(true);
  });
});
