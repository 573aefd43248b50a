import { List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../admin/components/DataTable.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { exercisesApi } from './endpoints.js';
import { formatOffset } from './stimulus-form.js';
import { type Bilingual, pick } from './types.js';

/** The parts of a library scenario the preview shows (GET /api/exercises/scenarios/:id). */
interface ScenarioDetail {
  id: string;
  title: Bilingual;
  objectives: Array<{ id: string; text: Bilingual; criteria: Bilingual[] }>;
  personas: Array<{ id: string; name: Bilingual; function: Bilingual }>;
  cells: Array<{ id: string; name: Bilingual }>;
  stimuli: Array<{
    id: string;
    offsetMinutes?: number;
    channel: string;
    personaId: string;
    target: { cellId: string; roles: string[] };
    subject: Bilingual;
    spare?: boolean;
  }>;
}

/** Read-only look at a scenario before preparing an exercise from it: objectives, then the chronogram and the reserve. */
export function ScenarioPreview({ scenarioId, onClose }: { scenarioId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language;
  const detail = useQuery({
    queryKey: ['exercises', 'scenario', scenarioId],
    queryFn: () => api<ScenarioDetail>(exercisesApi.scenario(scenarioId)),
    staleTime: 5 * 60_000,
  });
  const s = detail.data;
  const persona = (id: string) => s?.personas.find((p) => p.id === id);
  const cell = (id: string) => s?.cells.find((c) => c.id === id);
  const rows = (spare: boolean) =>
    (s?.stimuli ?? [])
      .filter((x) => Boolean(x.spare) === spare)
      .map((x) => (
        <Table.Tr key={x.id}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{spare ? '—' : formatOffset(x.offsetMinutes)}</Table.Td>
          <Table.Td>{t(`channels.${x.channel}`)}</Table.Td>
          <Table.Td>{persona(x.personaId) ? pick(persona(x.personaId)!.name, lang) : x.personaId}</Table.Td>
          <Table.Td>{cell(x.target.cellId) ? pick(cell(x.target.cellId)!.name, lang) : x.target.cellId}</Table.Td>
          <Table.Td>{pick(x.subject, lang)}</Table.Td>
        </Table.Tr>
      ));
  const head = (
    <>
      <Th>{t('preview.when')}</Th>
      <Th>{t('preview.channel')}</Th>
      <Th>{t('preview.sender')}</Th>
      <Th>{t('preview.cell')}</Th>
      <Th>{t('preview.subject')}</Th>
    </>
  );
  return (
    <Modal opened onClose={onClose} size="xl" title={s ? pick(s.title, lang) : t('common.loading')}>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {s ? (
          <Stack>
            <Title order={3} size="h5">
              {t('preview.objectives')}
            </Title>
            <List size="sm" spacing={4}>
              {s.objectives.map((o) => (
                <List.Item key={o.id}>
                  {pick(o.text, lang)}
                  <Text size="xs" c="dimmed">
                    {o.criteria.map((c) => pick(c, lang)).join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
            <Title order={3} size="h5">
              {t('preview.timeline')}
            </Title>
            <DataTable caption={t('preview.timeline')} minWidth={640} head={head}>
              {rows(false)}
            </DataTable>
            <Title order={3} size="h5">
              {t('preview.spares')}
            </Title>
            <DataTable caption={t('preview.spares')} minWidth={640} head={head}>
              {rows(true)}
            </DataTable>
          </Stack>
        ) : null}
      </ListStatus>
    </Modal>
  );
}
