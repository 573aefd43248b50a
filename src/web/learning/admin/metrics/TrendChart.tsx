import { Box, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartGeometry, formatCount, formatPercent, seriesValues, type TrendSeries, trendSeries } from '../metrics-display.js';
import type { TrendPoint } from '../types.js';

const W = 640;
const H = 180;
const box = { left: 44, top: 12, width: W - 56, height: H - 40 };

/**
 * The last 90 days as a small line chart drawn in SVG (no chart library), named for screen
 * readers by a one-line summary, with the same figures as a table just below.
 */
export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const locale = i18n.language;
  const [series, setSeries] = useState<TrendSeries>('completions');
  const titleId = useId();
  const values = seriesValues(trend, series);
  const percentSeries = series !== 'completions';
  const geo = chartGeometry(values, box, percentSeries ? 100 : undefined);
  const fmt = (v: number | null) => (v === null ? '—' : percentSeries ? formatPercent(v, locale) : formatCount(v, locale));
  const present = values.filter((v): v is number => v !== null);
  const total = trend.reduce((s, p) => s + p.completions, 0);
  const day = (iso: string | undefined) =>
    iso ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(iso)) : '';
  const summary = t('metrics.trendSummary', {
    series: t(`metrics.series.${series}`),
    from: day(trend[0]?.day),
    to: day(trend.at(-1)?.day),
    last: fmt(present.at(-1) ?? null),
    max: fmt(present.length ? Math.max(...present) : null),
    total: formatCount(total, locale),
  });
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={series}
        onChange={(v) => setSeries(v as TrendSeries)}
        data={trendSeries.map((s) => ({ value: s, label: t(`metrics.series.${s}`) }))}
        aria-label={t('metrics.seriesChoice')}
      />
      <Box style={{ maxWidth: W }}>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
          <title id={titleId}>{summary}</title>
          {geo.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={box.left} x2={box.left + box.width} y1={tick.y} y2={tick.y} stroke="var(--mantine-color-gray-4)" strokeWidth={1} />
              <text x={box.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-text)">
                {percentSeries ? `${tick.value}` : formatCount(tick.value, locale)}
              </text>
            </g>
          ))}
          <text x={box.left} y={H - 6} fontSize={11} fill="var(--mantine-color-text)">
            {day(trend[0]?.day)}
          </text>
          <text x={box.left + box.width} y={H - 6} fontSize={11} textAnchor="end" fill="var(--mantine-color-text)">
            {day(trend.at(-1)?.day)}
          </text>
          {geo.segments.map((points) =>
            points.includes(' ') ? (
              <polyline
                key={points}
                points={points}
                fill="none"
                stroke="var(--mantine-color-rempart-7, #1c4e80)"
                strokeWidth={2}
                strokeLinejoin="round"
              />
            ) : (
              <circle
                key={points}
                cx={points.split(',')[0]}
                cy={points.split(',')[1]}
                r={2.5}
                fill="var(--mantine-color-rempart-7, #1c4e80)"
              />
            ),
          )}
        </svg>
      </Box>
      <Text size="sm">{summary}</Text>
      <details>
        <summary>{t('metrics.trendTable')}</summary>
        <Table striped mt="xs" miw={480}>
          <caption style={{ textAlign: 'left' }}>{t('metrics.trendTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('metrics.day')}</Table.Th>
              {trendSeries.map((s) => (
                <Table.Th key={s} scope="col">
                  {t(`metrics.series.${s}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('metrics.answers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map((p) => (
              <Table.Tr key={p.day}>
                <Table.Th scope="row" fw={400}>
                  {day(p.day)}
                </Table.Th>
                <Table.Td>{formatCount(p.completions, locale)}</Table.Td>
                <Table.Td>{formatPercent(p.averageScore, locale)}</Table.Td>
                <Table.Td>{formatPercent(p.correctRate, locale)}</Table.Td>
                <Table.Td>{formatCount(p.answers, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}
