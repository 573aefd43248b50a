import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import type { Origin } from '../types.js';

interface Props {
  item: { id: string; title: string; origin: Origin; archived: boolean };
  forkUrl: string;
  archiveUrl: string;
  /** Where an item's editor lives, from its id. */
  editPath: (id: string) => string;
  listPath: string;
  /** Query key to refresh after a change (the list and the item). */
  invalidate: readonly unknown[];
}

/**
 * Fork (any item: the copy opens in its editor), and for the organization's own items, Edit and
 * Archive (asked first). Catalogue items are read-only: editing them is forking them.
 */
export function ItemActions({ item, forkUrl, archiveUrl, editPath, listPath, invalidate }: Props) {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const own = item.origin !== 'catalogue';
  const fork = useMutation({
    mutationFn: () => api<{ id: string; title: string }>(forkUrl, { method: 'POST' }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: invalidate });
      notify({ tone: 'success', message: t('common.forked', { title: copy.title }) });
      void navigate(editPath(copy.id));
    },
    onError: (e) => notify({ tone: 'error', title: t('common.errorTitle'), message: errorText(e) }),
  });
  const archive = useMutation({
    mutationFn: () => api<void>(archiveUrl, { method: 'DELETE' }),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: invalidate });
      notify({ tone: 'success', message: t('common.archivedDone', { title: item.title }) });
      void navigate(listPath);
    },
  });
  return (
    <Group gap="sm">
      <Button variant="light" onClick={() => fork.mutate()} loading={fork.isPending}>
        {t('common.fork')}
      </Button>
      {own && !item.archived ? (
        <Button variant="light" component={Link} to={editPath(item.id)}>
          {t('common.edit')}
        </Button>
      ) : null}
      {own && !item.archived ? (
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          onClick={() => {
            archive.reset();
            setConfirming(true);
          }}
        >
          {t('common.archive')}
        </Button>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('common.archiveTitle')}
        confirmLabel={t('common.archive')}
        onConfirm={() => archive.mutate()}
        onClose={() => setConfirming(false)}
        loading={archive.isPending}
        error={archive.error}
      >
        {t('common.archiveText', { title: item.title })}
      </ConfirmModal>
    </Group>
  );
}
