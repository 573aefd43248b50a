import { describe, expect, it } from 'vitest';
import { radarGeometry } from './radar.js';

describe('radar geometry', () => {
  it('starts at twelve o’clock, turns clockwise and scales each score on its axis', () => {
    const g = radarGeometry([100, 50, 0, 25], 100, 100, 80);
    expect(g.axes.map((a) => [a.x, a.y])).toEqual([
      [100, 20],
      [180, 100],
      [100, 180],
      [20, 100],
    ]);
    expect(g.polygon).toBe('100,20 140,100 100,100 80,100');
    expect(g.axes.map((a) => a.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
  });

  it('puts a missing score at the centre and clamps scores to 0..100', () => {
    const g = radarGeometry([null, 150, -5], 50, 50, 40);
    const [first, second, third] = g.polygon.split(' ');
    expect(first).toBe('50,50');
    expect(second).toBe(`${g.axes[1]?.x},${g.axes[1]?.y}`);
    expect(third).toBe('50,50');
  });

  it('draws four guide rings, the outer one through the axis ends', () => {
    const g = radarGeometry([10, 20, 30], 0, 0, 100);
    expect(g.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
    expect(g.rings[3]?.points).toBe(g.axes.map((a) => `${a.x},${a.y}`).join(' '));
  });
});
