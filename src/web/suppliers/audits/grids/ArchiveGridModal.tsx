import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { auditsApi, auditsKeys } from '../endpoints.js';

/** Archives an own grid after a confirmation (never deleted: audits keep their frozen copy). */
export function ArchiveGridModal({
  orgId,
  grid,
  onClose,
  onArchived,
}: {
  orgId: string;
  grid: { id: string; title: string } | null;
  onClose: () => void;
  onArchived?: () => void;
}) {
  const { t } = useTranslation('suppliersAudits');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (id: string) => api<void>(auditsApi.grid(orgId, id), { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: auditsKeys.grids(orgId) });
      notify({ tone: 'success', message: t('grids.archived', { title: grid?.title ?? '' }) });
      onClose();
      onArchived?.();
    },
  });
  return (
    <ConfirmModal
      opened={grid !== null}
      title={t('grids.archiveTitle')}
      confirmLabel={t('grids.archive')}
      onConfirm={() => grid && archive.mutate(grid.id)}
      onClose={() => {
        archive.reset();
        onClose();
      }}
      loading={archive.isPending}
      error={archive.error}
    >
      {t('grids.archiveText', { title: grid?.title ?? '' })}
    </ConfirmModal>
  );
}
