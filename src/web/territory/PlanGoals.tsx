import { Button, Group, List, NativeSelect, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { StatusBadge } from '../admin/components/StatusBadge.js';
import { api } from '../api.js';
import { territoryApi } from './endpoints.js';
import { type Goal, type GoalStatus, goalStatuses, type Plan } from './types.js';

const statusColor: Record<GoalStatus, string> = { planned: 'gray', in_progress: 'blue', reached: 'green', dropped: 'orange' };

/** The plan's goals with their status; the writing parties add goals and move them along. */
export function GoalsSection({ plan, writable, onChange }: { plan: Plan; writable: boolean; onChange: () => void }) {
  const { t } = useTranslation('territory');
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api<Goal>(territoryApi.goals(plan.territoryId, plan.id), { body: { text: text.trim() } }),
    onSuccess: () => {
      setText('');
      onChange();
    },
  });
  // Text is saved when the field loses focus, status as soon as it is chosen.
  const patch = useMutation({
    mutationFn: (p: { goal: Goal; change: { text?: string; status?: GoalStatus } }) =>
      api<Goal>(territoryApi.goals(plan.territoryId, plan.id, p.goal.id), { method: 'PATCH', body: p.change }),
    onSuccess: onChange,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-goals">
      <Title order={2} size="h3" id="plan-goals" mb="sm">
        {t('plan.goals')}
      </Title>
      <ErrorAlert error={patch.error} />
      {plan.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.noGoal')}
        </Text>
      ) : (
        <List listStyleType="none" p={0} spacing="sm">
          {plan.goals.map((g) => (
            <List.Item key={g.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                {writable ? (
                  <TextInput
                    key={g.updatedAt}
                    aria-label={t('plan.goalText')}
                    defaultValue={g.text}
                    maxLength={500}
                    style={{ flex: 1, minWidth: 200 }}
                    onBlur={(e) => {
                      const text = e.currentTarget.value.trim();
                      if (text && text !== g.text) patch.mutate({ goal: g, change: { text } });
                    }}
                  />
                ) : (
                  <Text size="sm" style={{ flex: 1, minWidth: 200 }}>
                    {g.text}
                  </Text>
                )}
                {writable ? (
                  <NativeSelect
                    size="xs"
                    aria-label={t('plan.goalStatusOf', { goal: g.text.slice(0, 60) })}
                    value={g.status}
                    onChange={(e) => patch.mutate({ goal: g, change: { status: e.currentTarget.value as GoalStatus } })}
                    data={goalStatuses.map((s) => ({ value: s, label: t(`goalStatuses.${s}`) }))}
                  />
                ) : (
                  <StatusBadge color={statusColor[g.status]}>{t(`goalStatuses.${g.status}`)}</StatusBadge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {writable ? (
        <form onSubmit={submit}>
          <ErrorAlert error={add.error} />
          <Group align="flex-end" mt="md" gap="sm" wrap="wrap">
            <TextInput
              label={t('plan.newGoal')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={500}
              required
              miw={240}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={add.isPending}>
              {t('plan.addGoal')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Paper>
  );
}
