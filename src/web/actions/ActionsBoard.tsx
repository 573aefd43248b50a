import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { api } from '../api.js';
import { actionsApi, actionsKeys, listQuery } from './endpoints.js';
import { StatusSelect } from './StatusSelect.js';
import type { Board } from './types.js';

/** Columns by status; each card moves with its status select. */
export function ActionsBoard({ orgId, state }: { orgId: string; state: Record<string, string> }) {
  const { t, i18n } = useTranslation('actions');
  const board = useQuery({
    queryKey: [...actionsKeys.all(orgId), 'board', state],
    queryFn: () => api<Board>(`${actionsApi.board(orgId)}${listQuery({ ...state, status: '' })}`),
  });
  if (board.error) return <ErrorAlert error={board.error} />;
  const date = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {board.data?.columns.map((col) => (
        <Paper key={col.status} withBorder p="sm" component="section" aria-labelledby={`col-${col.status}`}>
          <Title order={2} size="h4" id={`col-${col.status}`} mb="xs">
            {t(`statuses.${col.status}`)} ({col.total})
          </Title>
          <Stack gap="xs">
            {col.items.map((a) => (
              <Paper key={a.id} withBorder p="xs" component="article">
                <Anchor component={Link} to={`/actions/${encodeURIComponent(a.id)}`} fw={600}>
                  {a.title}
                </Anchor>
                <Group gap={6} my={4}>
                  <Badge size="xs" variant="light" c="var(--mantine-color-text)">
                    {t(`priorities.${a.priority}`)}
                  </Badge>
                  {a.dueOn ? <Text size="xs">{date(a.dueOn)}</Text> : null}
                  {a.overdue ? (
                    <Badge size="xs" color="red" variant="light" c="var(--mantine-color-text)">
                      {t('list.overdue')}
                    </Badge>
                  ) : null}
                </Group>
                <StatusSelect orgId={orgId} action={a} />
              </Paper>
            ))}
            {col.total > col.items.length ? (
              <Text size="xs" c="dimmed">
                {t('board.more', { count: col.total - col.items.length })}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
