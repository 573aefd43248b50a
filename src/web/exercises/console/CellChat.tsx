import { Button, Group, Paper, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import { type ConsoleOwner, consoleApi, type Entry } from './console-api.js';

interface Props {
  owner: ConsoleOwner;
  exerciseId: string;
  cellId: string;
  cellName: string;
  messages: Entry[];
  canWrite: boolean;
  onSent: (e: Entry) => void;
}

const time = (iso: string, lang: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

/** The animators' chat with one cell: what the cell wrote and what the animators (local ones included) answered. */
export function CellChat({ owner, exerciseId, cellId, cellName, messages, canWrite, onSent }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => api<Entry>(consoleApi.message(owner, exerciseId, cellId), { body: { text: text.trim() } }),
    onSuccess: (e) => {
      onSent(e);
      setText('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) send.mutate();
  };
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('console.chat.title')}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Stack gap={4} role="log" aria-label={t('console.chat.log', { cell: cellName })}>
          {messages.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('console.chat.empty')}
            </Text>
          ) : null}
          {messages.map((m) => (
            <Paper
              key={m.id}
              p={6}
              withBorder
              bg={m.fromAnimators ? 'gray.0' : 'transparent'}
              ml={m.fromAnimators ? 'lg' : 0}
              mr={m.fromAnimators ? 0 : 'lg'}
            >
              <Text size="xs" c="dimmed">
                {time(m.createdAt, i18n.language)} · {m.fromAnimators ? t('console.chat.animators', { name: m.authorName }) : m.authorName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {m.text}
              </Text>
            </Paper>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {canWrite ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('console.chat.write')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={1}
              maxRows={4}
            />
            <ErrorAlert error={send.error} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={send.isPending} disabled={!text.trim()}>
                {t('console.chat.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
