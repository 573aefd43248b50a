import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import { type Bilingual, pick } from '../types.js';
import type { CellActivity, Clock, ConsoleOwner, ConsoleStimulus } from './console-api.js';
import { PlayNowModal } from './PlayNowModal.js';
import { dueLabel, type TimelineRow, timelineSections } from './timeline-view.js';

const statusColor = { pending: 'gray', delivered: 'green', skipped: 'orange' } as const;

interface Props {
  owner: ConsoleOwner;
  exerciseId: string;
  clock: Clock;
  stimuli: ConsoleStimulus[];
  cells: CellActivity[];
  now: number;
  manages: boolean;
  /** The scenario's cells, to name a stimulus's target. */
  scenarioCells: Array<{ id: string; name: Bilingual }>;
  onPlayed: (s: ConsoleStimulus) => void;
}

/** The live timeline and the spare stimuli kept in hand, each playable now while the exercise runs. */
export function TimelinePanel({ owner, exerciseId, clock, stimuli, cells, now, manages, scenarioCells, onPlayed }: Props) {
  const { t } = useTranslation('exercises');
  const [playing, setPlaying] = useState<ConsoleStimulus | null>(null);
  const { rows, spares, next } = timelineSections(stimuli, clock, now);
  const canPlay = manages && clock.status === 'running';
  const play = (s: ConsoleStimulus) => setPlaying(s);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('console.timeline.title')}
      </Title>
      {rows.length === 0 ? <Text c="dimmed">{t('console.timeline.empty')}</Text> : null}
      {rows.map((r) => (
        <StimulusRow
          key={r.stimulus.stimulusId}
          row={r}
          cells={cells}
          isNext={r.stimulus.stimulusId === next}
          scenarioCells={scenarioCells}
          canPlay={canPlay}
          onPlay={play}
        />
      ))}
      <Title order={2} size="h3" mt="md">
        {t('console.spares.title')}
      </Title>
      {spares.length === 0 ? <Text c="dimmed">{t('console.spares.empty')}</Text> : null}
      {spares.map((s) => (
        <StimulusRow
          key={s.stimulusId}
          row={{ stimulus: s, atMs: null, inMinutes: null }}
          cells={cells}
          isNext={false}
          scenarioCells={scenarioCells}
          canPlay={canPlay}
          onPlay={play}
        />
      ))}
      {playing ? (
        <PlayNowModal
          owner={owner}
          exerciseId={exerciseId}
          stimulus={playing}
          cells={cells}
          onPlayed={onPlayed}
          onClose={() => setPlaying(null)}
        />
      ) : null}
    </Stack>
  );
}

interface RowProps {
  row: TimelineRow;
  scenarioCells: Props['scenarioCells'];
  cells: CellActivity[];
  isNext: boolean;
  canPlay: boolean;
  onPlay: (s: ConsoleStimulus) => void;
}

function StimulusRow({ row, cells, isNext, canPlay, onPlay, scenarioCells }: RowProps) {
  const { t, i18n } = useTranslation('exercises');
  const s = row.stimulus;
  const lang = i18n.language;
  const received = cells.filter((c) => s.cellIds.includes(c.id)).map((c) => c.name);
  const when = dueLabel(row, lang);
  const target = scenarioCells.find((c) => c.id === s.target.cellId);
  const targetName = target ? pick(target.name, lang) : s.target.cellId;
  let relative: string | null = null;
  if (row.inMinutes !== null) {
    relative = row.inMinutes > 0 ? t('console.timeline.inMinutes', { count: row.inMinutes }) : t('console.timeline.dueNow');
  }
  return (
    <Paper withBorder p="sm" bg={isNext ? 'blue.0' : 'transparent'} {...(isNext ? { 'aria-current': 'step' as const } : {})}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text fw={700}>{s.id}</Text>
          {when ? <Text size="sm">{when}</Text> : null}
          {relative ? <Badge variant="light">{relative}</Badge> : null}
          {isNext ? <Badge color="blue.9">{t('console.timeline.next')}</Badge> : null}
        </Group>
        <Group gap="xs">
          <StatusBadge color={statusColor[s.status]}>{t(`stimulusStatuses.${s.status}`)}</StatusBadge>
          {canPlay && s.status === 'pending' ? (
            <Button size="xs" onClick={() => onPlay(s)}>
              {t('console.play.now')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Text fw={600} mt={4}>
        {pick(s.subject, lang)}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`channels.${s.channel}`)} · {pick(s.persona.name, lang)} · {t('console.timeline.target', { cell: targetName })}
        {s.target.roles.length ? ` (${s.target.roles.map((r) => t(`functions.${r}`)).join(', ')})` : ''}
      </Text>
      {s.after ? <Text size="sm">{t(`conditions.${s.after.condition}`, { code: s.after.stimulusId })}</Text> : null}
      <Text size="sm">{t('console.timeline.expected', { text: pick(s.expectedReaction, lang) })}</Text>
      {received.length ? <Text size="sm">{t('console.timeline.receivedBy', { cells: received.join(', ') })}</Text> : null}
    </Paper>
  );
}
