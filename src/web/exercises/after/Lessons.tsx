import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import type { Owner } from '../types.js';
import { type AfterView, afterApi } from './api.js';

/** The lessons kept so far and the animators' form to add one; each becomes an action at the closing. */
export function Lessons({
  after,
  owner,
  disabled,
  onSaved,
}: {
  after: AfterView;
  owner: Owner;
  disabled: boolean;
  onSaved: (a: AfterView) => void;
}) {
  const { t } = useTranslation('exercises');
  const [lesson, setLesson] = useState('');
  const [cellId, setCellId] = useState<string | null>(after.cells.length === 1 ? (after.cells[0]?.id ?? null) : null);
  const [priority, setPriority] = useState<string | null>('medium');
  const add = useMutation({
    mutationFn: () =>
      api<AfterView>(afterApi.lessons(owner, after.exerciseId), {
        body: { lesson, ...(cellId ? { cellId } : {}), ...(priority ? { priority } : {}) },
      }),
    onSuccess: (data) => {
      setLesson('');
      onSaved(data);
    },
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('after.lessons')}
      </Title>
      {after.lessons.length === 0 ? <Text>{t('after.noLessons')}</Text> : null}
      <Stack component="ul" gap={4} style={{ paddingInlineStart: '1.2rem' }}>
        {after.lessons.map((l) => (
          <li key={l.id}>
            <Text>
              {l.lesson}{' '}
              <Text span c="dimmed" size="sm">
                ({l.anonymous ? t('after.anonymous') : (l.authorName ?? '')}
                {l.actionId ? ` · ${t('after.inPlan')}` : ''})
              </Text>
            </Text>
          </li>
        ))}
      </Stack>
      {disabled ? null : (
        <Card
          withBorder
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('after.newLesson')}
              value={lesson}
              onChange={(e) => setLesson(e.currentTarget.value)}
              required
              autosize
              minRows={2}
            />
            <Group grow>
              <Select
                label={t('after.lessonCell')}
                data={after.cells.map((c) => ({ value: c.id, label: c.name }))}
                value={cellId}
                onChange={setCellId}
                clearable
              />
              <Select
                label={t('after.priority')}
                data={['low', 'medium', 'high', 'critical'].map((p) => ({ value: p, label: t(`after.priorities.${p}`) }))}
                value={priority}
                onChange={setPriority}
              />
            </Group>
            {add.error ? <ErrorAlert error={add.error} /> : null}
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('after.addLesson')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
