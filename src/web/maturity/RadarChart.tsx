import { Box, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from './questionnaire.js';
import { radarGeometry } from './radar.js';
import type { ThemeScore } from './types.js';

const SIZE = 320;
const RADIUS = 120;

/**
 * Theme scores as a radar drawn in SVG (no chart library). Axes carry the number of their theme in
 * the table under it, which holds every figure: long theme names would not fit a phone's drawing.
 */
export function RadarChart({ themes }: { themes: ThemeScore[] }) {
  const { t, i18n } = useTranslation('maturity');
  const lang = i18n.language;
  const titleId = useId();
  const scored = themes.filter((s) => s.score !== null);
  const notAsked = themes.filter((s) => s.score === null);
  const geo = radarGeometry(
    scored.map((s) => s.score),
    SIZE / 2,
    SIZE / 2,
    RADIUS,
  );
  const summary = t('results.radarSummary', {
    count: scored.length,
    list: scored.map((s) => `${inLanguage(s.title, lang)} ${s.score}`).join(', '),
  });
  return (
    <Stack gap="xs">
      {scored.length >= 3 ? (
        <Box style={{ maxWidth: SIZE }}>
          <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
            <title id={titleId}>{summary}</title>
            {geo.rings.map((ring) => (
              <polygon key={ring.value} points={ring.points} fill="none" stroke="var(--mantine-color-gray-4)" strokeWidth={1} />
            ))}
            {geo.axes.map((a, i) => (
              <g key={scored[i]?.themeId}>
                <line x1={SIZE / 2} y1={SIZE / 2} x2={a.x} y2={a.y} stroke="var(--mantine-color-gray-4)" strokeWidth={1} />
                <text x={a.labelX} y={a.labelY + 5} textAnchor={a.anchor} fontSize={15} fontWeight={700} fill="var(--mantine-color-text)">
                  {i + 1}
                </text>
              </g>
            ))}
            <polygon
              points={geo.polygon}
              fill="var(--mantine-color-rempart-7, #1c4e80)"
              fillOpacity={0.25}
              stroke="var(--mantine-color-rempart-7, #1c4e80)"
              strokeWidth={2}
            />
          </svg>
        </Box>
      ) : null}
      <Table striped captionSide="top">
        <caption style={{ textAlign: 'left' }}>{t('results.themesTable')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('results.theme')}</Table.Th>
            <Table.Th scope="col">{t('results.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scored.map((s, n) => {
            return (
              <Table.Tr key={s.themeId}>
                <Table.Th scope="row" fw={400}>
                  {`${n + 1}. `}
                  {inLanguage(s.title, lang)}
                  <Text span size="xs" c="dimmed">
                    {` (${t(`kinds.${s.kind}`)})`}
                  </Text>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('results.outOf100', { score: s.score })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {notAsked.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('results.notAsked', { list: notAsked.map((s) => inLanguage(s.title, lang)).join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}
