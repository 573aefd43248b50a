import { useId } from 'react';
import { sparkPoints } from './heatmap.js';

const W = 64;
const H = 20;

/** A tiny line of the last overall scores; its title says the same figures in words. */
export function Sparkline({ scores, label }: { scores: number[]; label: string }) {
  const titleId = useId();
  const points = sparkPoints(scores, W, H);
  const last = points.at(-1);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={titleId} style={{ verticalAlign: 'middle' }}>
      <title id={titleId}>{label}</title>
      <line x1={0} x2={W} y1={H / 2} y2={H / 2} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
      {points.length > 1 ? (
        <polyline
          points={points.map((p) => `${p.x},${p.y}`).join(' ')}
          fill="none"
          stroke="var(--mantine-color-rempart-7, #1c4e80)"
          strokeWidth={1.5}
        />
      ) : null}
      {last ? <circle cx={last.x} cy={last.y} r={2} fill="var(--mantine-color-rempart-7, #1c4e80)" /> : null}
    </svg>
  );
}
