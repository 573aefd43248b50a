import { NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useCanManageActions } from './can-manage.js';
import { actionsApi, actionsKeys } from './endpoints.js';
import { type Action, actionStatuses } from './types.js';

/**
 * Moves an action to another status: a plain select, usable by keyboard and screen readers (the
 * board has no drag and drop). An action whose source decides its status shows it read-only.
 */
export function StatusSelect({ orgId, action }: { orgId: string; action: Action }) {
  const { t } = useTranslation('actions');
  const canManage = useCanManageActions(orgId);
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (status: string) => api<Action>(actionsApi.action(orgId, action.id), { method: 'PATCH', body: { status } }),
    onSettled: () => client.invalidateQueries({ queryKey: actionsKeys.all(orgId) }),
  });
  return (
    <NativeSelect
      size="xs"
      label={t('columns.status')}
      aria-label={t('board.move', { title: action.title })}
      value={action.status}
      disabled={!canManage || action.statusOwnedBySource || move.isPending}
      description={action.statusOwnedBySource ? t('detail.statusOwned') : undefined}
      error={move.error instanceof Error ? move.error.message : undefined}
      onChange={(e) => move.mutate(e.currentTarget.value)}
      data={actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
    />
  );
}
