/** Geometry of the radar chart of theme scores (0 to 100), drawn by hand in SVG. */
export interface RadarAxis {
  /** End of the axis (score 100). */
  x: number;
  y: number;
  /** Where the label sits, a little outside the axis end, and how it is anchored. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface RadarGeometry {
  axes: RadarAxis[];
  /** The scores' polygon as SVG points; a missing score sits at the centre. */
  polygon: string;
  /** Guide rings at 25, 50, 75 and 100 as SVG points. */
  rings: Array<{ value: number; points: string }>;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Axes start at twelve o'clock and turn clockwise, one per score. */
export function radarGeometry(scores: Array<number | null>, cx: number, cy: number, radius: number): RadarGeometry {
  const n = scores.length;
  const at = (i: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    const r = (radius * Math.max(0, Math.min(100, value))) / 100;
    return { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)), cos: Math.cos(angle) };
  };
  const axes = scores.map((_, i) => {
    const end = at(i, 100);
    const label = at(i, 114);
    const anchor: RadarAxis['anchor'] = Math.abs(end.cos) < 0.2 ? 'middle' : end.cos > 0 ? 'start' : 'end';
    return { x: end.x, y: end.y, labelX: label.x, labelY: label.y, anchor };
  });
  const points = (values: number[]) =>
    values
      .map((v, i) => {
        const p = at(i, v);
        return `${p.x},${p.y}`;
      })
      .join(' ');
  return {
    axes,
    polygon: points(scores.map((s) => s ?? 0)),
    rings: [25, 50, 75, 100].map((value) => ({ value, points: points(scores.map(() => value)) })),
  };
}
