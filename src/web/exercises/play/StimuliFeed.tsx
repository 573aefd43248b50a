import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import type { PlayerStimulus } from '../types.js';
import { pick } from '../types.js';
import { ChannelLabel } from './ChannelLabel.js';
import type { Entry } from './playApi.js';
import { type CellCtx, timeOf, useWrite } from './useWrite.js';

type Props = CellCtx & { isPending: boolean; items: PlayerStimulus[]; fresh: ReadonlySet<string>; replies: Entry[] };

/** What the cell received, newest first; the ones that arrived while the page was open carry a "new" mark. */
export function StimuliFeed({ items, fresh, replies, isPending, ...ctx }: Props) {
  const { t } = useTranslation('exercises');
  if (isPending) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  }
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('play.stimuli.empty')}
      </Text>
    );
  }
  const sorted = [...items].sort((a, b) => ((a.deliveredAt ?? '') < (b.deliveredAt ?? '') ? 1 : -1));
  return (
    <Stack
      gap="sm"
      component="ol"
      aria-label={t('play.tabs.stimuli', { count: items.length })}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {sorted.map((s) => (
        <StimulusCard
          key={s.stimulusId}
          ctx={ctx}
          stimulus={s}
          isNew={fresh.has(s.stimulusId)}
          replies={replies.filter((r) => r.stimulusId === s.stimulusId)}
        />
      ))}
    </Stack>
  );
}

function StimulusCard({ ctx, stimulus: s, isNew, replies }: { ctx: CellCtx; stimulus: PlayerStimulus; isNew: boolean; replies: Entry[] }) {
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language;
  const headingId = `stimulus-${s.stimulusId}`;
  return (
    <Card component="li" withBorder padding="sm" aria-labelledby={headingId} data-testid="stimulus">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <ChannelLabel channel={s.channel} />
          <Group gap={4}>
            {isNew ? <StatusBadge color="red">{t('play.stimuli.new')}</StatusBadge> : null}
            <Text size="xs" c="dimmed">
              {timeOf(s.deliveredAt, lang)}
            </Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('play.stimuli.from', { name: pick(s.persona.name, lang), function: pick(s.persona.function, lang) })}
        </Text>
        <Text size="sm" fw={700} id={headingId} component="h2" m={0}>
          {pick(s.subject, lang)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {pick(s.content, lang)}
        </Text>
        {replies.map((r) => (
          <Card key={r.id} padding="xs" bg="var(--mantine-color-gray-light)">
            <Text size="xs" c="dimmed">
              {t('play.stimuli.repliedBy', { time: timeOf(r.createdAt, lang), author: r.authorName })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.text}
            </Text>
          </Card>
        ))}
        {ctx.readOnly ? null : <ReplyForm ctx={ctx} stimulusId={s.stimulusId} subject={pick(s.subject, lang)} />}
      </Stack>
    </Card>
  );
}

/** Folded behind a button so a long feed stays readable on a phone. */
function ReplyForm({ ctx, stimulusId, subject }: { ctx: CellCtx; stimulusId: string; subject: string }) {
  const { t } = useTranslation('exercises');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const write = useWrite(ctx, 'replies');
  if (!open) {
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)} aria-label={t('play.stimuli.replyTo', { subject })}>
          {t('play.stimuli.reply')}
        </Button>
      </Group>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    write.mutate(
      { stimulusId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        <Textarea
          label={t('play.stimuli.replyLabel')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          required
          data-autofocus
        />
        <ErrorAlert error={write.error} />
        <Group>
          <Button type="submit" size="xs" loading={write.isPending}>
            {t('play.stimuli.send')}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
