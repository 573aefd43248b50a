import { describe, expect, it } from 'vitest';
import { trendLines, trendRows } from './trend-rows.js';

describe('trend rows', () => {
  it('reads items in launch order with nested rates', () => {
    const rows = trendRows({
      items: [
        {
          campaignId: 'b',
          name: 'B',
          launchedAt: '2026-10-01T08:00:00Z',
          rates: { reported: 0.4, clicked: 0.1, submitted: 0.02 },
          adjusted: { reported: 0.6, clicked: 0.05 },
        },
        { campaignId: 'a', name: 'A', launchedAt: '2026-09-01T08:00:00Z', rates: { reported: 0.2, clicked: null } },
      ],
    });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({ reported: 0.2, clicked: null, submitted: null, adjustedReported: null });
    expect(trendLines(rows, 'raw')[0]).toEqual({ key: 'reported', values: [20, 40] });
    expect(trendLines(rows, 'adjusted').map((l) => l.key)).toEqual(['reported', 'clicked']);
    expect(trendLines(rows, 'adjusted')[0]?.values).toEqual([null, 60]);
  });

  it('accepts a bare list or a campaigns key, and nothing at all', () => {
    expect(trendRows([{ id: 'x', name: 'X' }])[0]?.id).toBe('x');
    expect(trendRows({ campaigns: [{ campaign: { id: 'y', name: 'Y' } }] })[0]?.name).toBe('Y');
    expect(trendRows(null)).toEqual([]);
    expect(trendRows({ unexpected: true })).toEqual([]);
  });
});
