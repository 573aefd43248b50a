import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { api } from '../../api.js';
import { exercisesApi, exercisesKeys } from '../endpoints.js';
import { type MyExercise, type PlayerStimulus, pick } from '../types.js';
import { ChannelLabel } from './ChannelLabel.js';
import { playApi, playKeys } from './playApi.js';
import { timeOf } from './useWrite.js';

/** The simulated press and social feed delivered so far, newest first; refreshed every 30 s while open. */
export function MediaPage() {
  const { exerciseId = '' } = useParams();
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language;
  const media = useQuery({
    queryKey: playKeys.media(exerciseId),
    queryFn: () => api<{ items: PlayerStimulus[] }>(playApi.media(exerciseId)),
    refetchInterval: 30_000,
  });
  const mine = useQuery({ queryKey: exercisesKeys.mine, queryFn: () => api<{ items: MyExercise[] }>(exercisesApi.mine) });
  const cell = mine.data?.items.find((x) => x.id === exerciseId && x.cell)?.cell;
  return (
    <Stack gap="sm" maw={720}>
      <Title order={1} size="h3">
        {t('play.media.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('play.media.description')}
      </Text>
      {cell ? (
        <Anchor component={Link} to={`/exercises/play/${encodeURIComponent(exerciseId)}/${encodeURIComponent(cell.id)}`} size="sm">
          {t('play.media.back')}
        </Anchor>
      ) : null}
      <ListStatus
        isPending={media.isPending}
        error={media.error}
        isEmpty={(media.data?.items.length ?? 0) === 0}
        emptyTitle={t('play.media.empty')}
        emptyDescription={t('play.media.emptyHint')}
      >
        <Stack gap="sm" component="ol" aria-label={t('play.media.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {media.data?.items.map((s) => (
            <Card key={s.stimulusId} component="li" withBorder padding="md" data-testid="media-item">
              <Group justify="space-between" gap="xs">
                <ChannelLabel channel={s.channel} />
                <Text size="xs" c="dimmed">
                  {timeOf(s.deliveredAt, lang)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {s.media ? pick(s.media.source, lang) : `${pick(s.persona.name, lang)}, ${pick(s.persona.function, lang)}`}
              </Text>
              <Title order={2} size="h4" mt={4}>
                {s.media ? pick(s.media.headline, lang) : pick(s.subject, lang)}
              </Title>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {pick(s.content, lang)}
              </Text>
            </Card>
          ))}
        </Stack>
      </ListStatus>
    </Stack>
  );
}
