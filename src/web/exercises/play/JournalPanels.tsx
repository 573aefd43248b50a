import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import type { Entry } from './playApi.js';
import { type CellCtx, newestFirst, timeOf, useWrite } from './useWrite.js';

type PanelProps = CellCtx & { items: Entry[] };

/** The shared main courante: every line timestamped with its author. */
export function LogbookPanel(props: PanelProps) {
  const { t } = useTranslation('exercises');
  return (
    <Stack gap="sm">
      <EntryForm ctx={props} what="logbook" label={t('play.logbook.label')} submit={t('play.logbook.add')} extra="category" />
      <EntryList items={props.items} empty={t('play.logbook.empty')} label={t('play.tabs.logbook')} />
    </Stack>
  );
}

export function DecisionsPanel(props: PanelProps) {
  const { t } = useTranslation('exercises');
  return (
    <Stack gap="sm">
      <EntryForm ctx={props} what="decisions" label={t('play.decisions.label')} submit={t('play.decisions.add')} extra="decidedBy" />
      <EntryList items={props.items} empty={t('play.decisions.empty')} label={t('play.tabs.decisions')} />
    </Stack>
  );
}

/** The chat with the animators; their lines stand out so a player sees at once who answers. */
export function ChatPanel(props: PanelProps) {
  const { t } = useTranslation('exercises');
  return (
    <Stack gap="sm">
      <EntryForm ctx={props} what="messages" label={t('play.chat.label')} submit={t('play.chat.send')} />
      <EntryList items={props.items} empty={t('play.chat.empty')} label={t('play.tabs.chat')} />
    </Stack>
  );
}

function EntryForm({
  ctx,
  what,
  label,
  submit,
  extra,
}: {
  ctx: CellCtx;
  what: 'logbook' | 'decisions' | 'messages';
  label: string;
  submit: string;
  extra?: 'category' | 'decidedBy';
}) {
  const { t } = useTranslation('exercises');
  const [text, setText] = useState('');
  const [more, setMore] = useState('');
  const write = useWrite(ctx, what);
  if (ctx.readOnly) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const body: Record<string, unknown> = { text: text.trim() };
    if (extra && more.trim()) body[extra] = more.trim();
    write.mutate(body, {
      onSuccess: () => {
        setText('');
        setMore('');
      },
    });
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        <Textarea
          label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          required
        />
        {extra ? (
          <TextInput
            label={t(`play.${extra}`)}
            value={more}
            onChange={(e) => setMore(e.currentTarget.value)}
            maxLength={extra === 'category' ? 60 : 200}
          />
        ) : null}
        <ErrorAlert error={write.error} />
        <Group>
          <Button type="submit" loading={write.isPending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EntryList({ items, empty, label }: { items: Entry[]; empty: string; label: string }) {
  const { t, i18n } = useTranslation('exercises');
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {newestFirst(items).map((e) => (
        <Card key={e.id} component="li" withBorder padding="sm" {...(e.fromAnimators ? { bg: 'var(--mantine-color-blue-light)' } : {})}>
          <Group gap="xs" justify="space-between">
            <Text size="xs" c="dimmed">
              {t('play.by', { time: timeOf(e.createdAt, i18n.language), author: e.authorName })}
              {e.decidedBy ? ` · ${t('play.decidedByShort', { who: e.decidedBy })}` : ''}
            </Text>
            <Group gap={4}>
              {e.fromAnimators ? <StatusBadge color="blue">{t('play.chat.animators')}</StatusBadge> : null}
              {e.category ? <StatusBadge color="gray">{e.category}</StatusBadge> : null}
            </Group>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {e.text}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
