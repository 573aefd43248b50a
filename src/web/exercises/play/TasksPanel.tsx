import { Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import { type Entry, playApi, playKeys, type TaskStatus } from './playApi.js';
import { type CellCtx, newestFirst, timeOf, useWrite } from './useWrite.js';

/** The cell's tasks: open ones first, each with its assignee, ticked when done. */
export function TasksPanel(props: CellCtx & { items: Entry[] }) {
  const { t } = useTranslation('exercises');
  const open = newestFirst(props.items.filter((x) => x.status !== 'done'));
  const done = newestFirst(props.items.filter((x) => x.status === 'done'));
  return (
    <Stack gap="sm">
      {props.readOnly ? null : <NewTask ctx={props} />}
      {props.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('play.tasks.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" aria-label={t('play.tabs.tasks')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {[...open, ...done].map((task) => (
            <TaskRow key={task.id} ctx={props} task={task} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NewTask({ ctx }: { ctx: CellCtx }) {
  const { t } = useTranslation('exercises');
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const write = useWrite(ctx, 'tasks');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    write.mutate(
      { text: text.trim(), ...(assignee.trim() ? { assignee: assignee.trim() } : {}) },
      {
        onSuccess: () => {
          setText('');
          setAssignee('');
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        <TextInput label={t('play.tasks.label')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={1000} required />
        <TextInput label={t('play.tasks.assignee')} value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} maxLength={200} />
        <ErrorAlert error={write.error} />
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('play.tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TaskRow({ ctx, task }: { ctx: CellCtx; task: Entry }) {
  const { t, i18n } = useTranslation('exercises');
  const qc = useQueryClient();
  // Shown at once, in the same render as the tap, while the change travels: a tap on a slow phone
  // network is not tapped twice, and the box never flips back before the answer. Dropped once the
  // journal is read again (or the change failed, the box then shows the stored state).
  const [wanted, setWanted] = useState<TaskStatus | null>(null);
  const update = useMutation({
    mutationFn: (status: TaskStatus) =>
      api<Entry>(playApi.task(ctx.exerciseId, ctx.cellId, task.id), { method: 'PATCH', body: { status } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: playKeys.journal(ctx.exerciseId, ctx.cellId) }),
    onSettled: () => setWanted(null),
  });
  const isDone = wanted ? wanted === 'done' : task.status === 'done';
  return (
    <Card component="li" withBorder padding="sm">
      <Checkbox
        checked={isDone}
        disabled={ctx.readOnly}
        onChange={(e) => {
          const status = e.currentTarget.checked ? 'done' : 'todo';
          setWanted(status);
          update.mutate(status);
        }}
        label={
          <Text size="sm" td={isDone ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {task.text}
          </Text>
        }
        description={`${task.assignee ? t('play.tasks.for', { who: task.assignee }) : t('play.tasks.unassigned')} · ${t('play.by', {
          time: timeOf(task.createdAt, i18n.language),
          author: task.authorName,
        })}`}
      />
      <ErrorAlert error={update.error} />
    </Card>
  );
}
