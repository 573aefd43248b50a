import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { formErrorsOf } from '../admin/components/formErrors.js';
import { api, type Page } from '../api.js';
import { actionsApi } from './endpoints.js';
import { type Action, type ActionInput, actionStatuses, priorities } from './types.js';

const fields = ['title', 'description', 'ownerAccountId', 'ownerName', 'dueOn', 'priority', 'status'] as const;

/** The form of an action (new or edited); the status is read-only when the source decides it. */
export function ActionForm({
  orgId,
  action,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  orgId: string;
  action?: Action;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ActionInput) => void;
}) {
  const { t } = useTranslation('actions');
  const [v, setV] = useState({
    title: action?.title ?? '',
    description: action?.description ?? '',
    ownerAccountId: action?.ownerAccountId ?? '',
    ownerName: action?.ownerName ?? '',
    dueOn: action?.dueOn ?? '',
    priority: action?.priority ?? 'medium',
    status: action?.status ?? 'todo',
  });
  // Only organization admins may list accounts; others still give a free owner name.
  const accounts = useQuery({
    queryKey: ['actions', orgId, 'owners'],
    queryFn: () => api<Page<{ id: string; displayName: string; email: string; active: boolean }>>(actionsApi.accounts(orgId)),
    retry: false,
  });
  const owners = (accounts.data?.items ?? []).filter((a) => a.active || a.id === v.ownerAccountId);
  const { byField, general } = formErrorsOf(error, fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: ActionInput = {
      title: v.title,
      description: v.description,
      ownerAccountId: v.ownerAccountId || null,
      ownerName: v.ownerName,
      dueOn: v.dueOn || null,
      priority: v.priority,
    };
    if (!action?.statusOwnedBySource) input.status = v.status;
    onSubmit(input);
  };
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        {general ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={t('form.title')}
          required
          value={v.title}
          maxLength={200}
          error={byField.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Textarea
          label={t('form.description')}
          autosize
          minRows={3}
          value={v.description}
          error={byField.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.ownerAccount')}
            value={v.ownerAccountId}
            error={byField.ownerAccountId}
            onChange={(e) => set({ ownerAccountId: e.currentTarget.value })}
            data={[{ value: '', label: t('form.ownerNone') }, ...owners.map((a) => ({ value: a.id, label: a.displayName || a.email }))]}
          />
          <TextInput
            label={t('form.ownerName')}
            description={t('form.ownerNameHint')}
            value={v.ownerName}
            maxLength={200}
            error={byField.ownerName}
            onChange={(e) => set({ ownerName: e.currentTarget.value })}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('form.dueOn')}
            value={v.dueOn}
            error={byField.dueOn}
            onChange={(e) => set({ dueOn: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('columns.priority')}
            value={v.priority}
            error={byField.priority}
            onChange={(e) => set({ priority: e.currentTarget.value as ActionInput['priority'] })}
            data={priorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
          />
          <NativeSelect
            label={t('columns.status')}
            value={v.status}
            disabled={action?.statusOwnedBySource ?? false}
            description={action?.statusOwnedBySource ? t('detail.statusOwned') : undefined}
            error={byField.status}
            onChange={(e) => set({ status: e.currentTarget.value as Action['status'] })}
            data={actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
        </Group>
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
