import { Anchor, Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { WithTerritory } from '../learning/admin/components/scoped.js';
import { useMe } from '../me.js';
import { isCoordinator } from './can.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import { bandOf, bands, heatmapCsv, sortMembers } from './heatmap.js';
import { Sparkline } from './Sparkline.js';
import type { Heatmap, HeatmapMember } from './types.js';

/** Maturity of the territory's members, theme by theme: latest completed diagnostic of each sharing member. */
export function HeatmapPage() {
  return <WithTerritory>{(territoryId) => <HeatmapView territoryId={territoryId} />}</WithTerritory>;
}

function HeatmapView({ territoryId }: { territoryId: string }) {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const me = useMe().data?.account;
  // Journey 4: a member with no diagnostic or a low score is one click away from a mentor.
  const canPair = me ? isCoordinator(me, territoryId) : false;
  const map = useQuery({ queryKey: territoryKeys.heatmap(territoryId), queryFn: () => api<Heatmap>(territoryApi.heatmap(territoryId)) });
  const rows = useMemo(() => (map.data ? sortMembers(map.data.members, order, i18n.language) : []), [map.data, order, i18n.language]);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const download = () => {
    if (!map.data) return;
    const csv = heatmapCsv(map.data, rows, lang, {
      member: t('heatmap.member'),
      shares: t('heatmap.status'),
      notSharing: t('heatmap.notSharing'),
      noDiagnostic: t('heatmap.noDiagnostic'),
      completedAt: t('heatmap.completedAt'),
      variant: t('heatmap.variant'),
      overall: t('heatmap.overall'),
      variants: { full: t('heatmap.variants.full'), short: t('heatmap.variants.short') },
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('heatmap.fileName');
    a.click();
    URL.revokeObjectURL(url);
  };
  const trendLabel = (m: HeatmapMember) =>
    m.trend.length
      ? t('heatmap.trendLabel', { scores: m.trend.map((p) => `${p.overall} (${date(p.completedAt)})`).join(', ') })
      : t('heatmap.noTrend');
  const ariaSort = order === 'desc' ? 'descending' : 'ascending';
  return (
    <>
      <PageHeader
        title={t('heatmap.title')}
        description={t('heatmap.description')}
        actions={
          <Button variant="default" onClick={download} disabled={!map.data?.members.length}>
            {t('heatmap.export')}
          </Button>
        }
      />
      <Group gap="md" mb="sm" aria-label={t('heatmap.legend')} role="group" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('heatmap.legend')}
        </Text>
        {bands.map((b) => (
          <Text key={b.key} size="sm" px={8} py={2} style={{ background: b.background, borderRadius: 4, color: '#1a1b1e' }}>
            {t(`heatmap.bands.${b.key}`, { min: b.min })}
          </Text>
        ))}
      </Group>
      <ListStatus
        isPending={map.isPending}
        error={map.error}
        isEmpty={(map.data?.members.length ?? 0) === 0}
        emptyTitle={t('heatmap.emptyTitle')}
        emptyDescription={t('heatmap.emptyHint')}
      >
        <DataTable
          caption={t('heatmap.title')}
          minWidth={420 + (map.data?.themes.length ?? 0) * 90}
          head={
            <>
              <Th>{t('heatmap.member')}</Th>
              <Table.Th scope="col" aria-sort={ariaSort}>
                <UnstyledButton onClick={() => setOrder(order === 'desc' ? 'asc' : 'desc')} fw={700} fz="sm">
                  {t('heatmap.overall')} {order === 'desc' ? '↓' : '↑'}
                </UnstyledButton>
              </Table.Th>
              <Th>{t('heatmap.trend')}</Th>
              {map.data?.themes.map((th) => (
                <Th key={th.id}>
                  {th.title[lang]}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`heatmap.themeKinds.${th.kind}`)}
                  </Text>
                </Th>
              ))}
            </>
          }
        >
          {rows.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Th scope="row" fw={600} miw={180}>
                {m.name}
                <Text size="xs" c="dimmed" fw={400}>
                  {!m.shares
                    ? t('heatmap.notSharing')
                    : m.latest
                      ? `${date(m.latest.completedAt)} · ${t(`heatmap.variants.${m.latest.variant}`)}`
                      : t('heatmap.noDiagnostic')}
                </Text>
                {canPair && !m.isLead && (m.latest?.overall ?? 0) < 60 ? (
                  <Anchor component={Link} to={`/territory/mentoring?mentee=${encodeURIComponent(m.organizationId)}`} size="xs" fw={400}>
                    {t('heatmap.offerMentor')}
                  </Anchor>
                ) : null}
              </Table.Th>
              <ScoreCell score={m.latest?.overall ?? null} bold />
              <Table.Td>{m.trend.length ? <Sparkline scores={m.trend.map((p) => p.overall)} label={trendLabel(m)} /> : '—'}</Table.Td>
              {map.data?.themes.map((th) => (
                <ScoreCell key={th.id} score={m.latest ? (m.latest.themes[th.id] ?? null) : null} />
              ))}
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
    </>
  );
}

function ScoreCell({ score, bold = false }: { score: number | null; bold?: boolean }) {
  const { t } = useTranslation('territory');
  const band = bandOf(score);
  if (!band || score === null) return <Table.Td ta="center">—</Table.Td>;
  return (
    <Table.Td ta="center" fw={bold ? 700 : 400} style={{ background: band.background, color: '#1a1b1e' }}>
      {Math.round(score)}
      <Text span size="xs" style={{ display: 'block' }}>
        {t(`heatmap.bandWord.${band.key}`)}
      </Text>
    </Table.Td>
  );
}
