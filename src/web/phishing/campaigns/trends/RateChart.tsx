import { Box, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartGeometry } from '../../../learning/admin/metrics-display.js';
import { formatRate } from '../display.js';
import { type TrendKind, type TrendRow, trendKinds, trendLines } from './trend-rows.js';

const W = 640;
const H = 200;
const box = { left: 44, top: 12, width: W - 56, height: H - 40 };
const colors = {
  reported: 'var(--mantine-color-teal-8)',
  clicked: 'var(--mantine-color-red-8)',
  submitted: 'var(--mantine-color-orange-8)',
};
const dashes = { reported: undefined, clicked: '6 4', submitted: '2 3' };

/**
 * Rates campaign after campaign, drawn in SVG with the learning dashboard's chart geometry (the
 * learning TrendChart draws daily learning series, not these), with the same figures as a table.
 */
export function RateChart({ rows }: { rows: TrendRow[] }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  const [kind, setKind] = useState<TrendKind>('raw');
  const titleId = useId();
  const lines = trendLines(rows, kind);
  const top = Math.max(1, ...lines.flatMap((x) => x.values.filter((v): v is number => v !== null)));
  const geos = lines.map((x) => ({ key: x.key, geo: chartGeometry(x.values, box, top) }));
  const ticks = geos[0]?.geo.yTicks ?? [];
  const last = rows.at(-1);
  const summary = last
    ? t('trends.summary', {
        count: rows.length,
        name: last.name,
        reported: formatRate(kind === 'raw' ? last.reported : last.adjustedReported, l),
      })
    : '';
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as TrendKind)}
        data={trendKinds.map((k) => ({ value: k, label: t(`trends.kinds.${k}`) }))}
        aria-label={t('trends.kindChoice')}
        maw={420}
      />
      <Box style={{ maxWidth: W }}>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
          <title id={titleId}>{summary}</title>
          {ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={box.left} x2={box.left + box.width} y1={tick.y} y2={tick.y} stroke="var(--mantine-color-gray-4)" strokeWidth={1} />
              <text x={box.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-text)">
                {`${tick.value} %`}
              </text>
            </g>
          ))}
          {geos.flatMap(({ key, geo }) =>
            geo.segments.map((points) =>
              points.includes(' ') ? (
                <polyline
                  key={`${key}-${points}`}
                  points={points}
                  fill="none"
                  stroke={colors[key]}
                  strokeWidth={2}
                  strokeDasharray={dashes[key]}
                />
              ) : (
                <circle key={`${key}-${points}`} cx={points.split(',')[0]} cy={points.split(',')[1]} r={3} fill={colors[key]} />
              ),
            ),
          )}
        </svg>
      </Box>
      <Text size="sm">
        {lines.map((x) => (
          <Text key={x.key} span mr="md">
            <span aria-hidden="true" style={{ color: colors[x.key] }}>
              {x.key === 'reported' ? '━' : x.key === 'clicked' ? '╍' : '┅'}
            </span>{' '}
            {t(`trends.series.${x.key}`)}
          </Text>
        ))}
      </Text>
      <Text size="sm">{summary}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped captionSide="top">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('trends.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trends.campaign')}</Table.Th>
              <Table.Th scope="col">{t('trends.launched')}</Table.Th>
              {lines.map((x) => (
                <Table.Th key={x.key} scope="col">
                  {t(`trends.series.${x.key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.id || i}>
                <Table.Th scope="row" fw={600}>
                  {r.name}
                </Table.Th>
                <Table.Td>
                  {r.launchedAt ? new Intl.DateTimeFormat(l, { dateStyle: 'medium' }).format(new Date(r.launchedAt)) : '—'}
                </Table.Td>
                {lines.map((x) => (
                  <Table.Td key={x.key}>
                    {x.values[i] === null || x.values[i] === undefined ? '—' : formatRate((x.values[i] ?? 0) / 100, l)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
