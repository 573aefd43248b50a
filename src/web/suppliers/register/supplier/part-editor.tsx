import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { errorsByField, generalError } from '../field-errors.js';
import { type Part, usePartMutations } from './use-supplier.js';

/** What the edit dialog holds: the row being changed (null: a new one), its form body and any extra the section needs. */
export interface Editing<Body, Extra = undefined> {
  id: string | null;
  body: Body;
  extra?: Extra;
}

/**
 * The state shared by the provider's certificates, subcontractors and contacts sections: which row
 * is being edited or deleted, the mutations, and the server's errors per form field.
 */
export function usePartEditor<Body, Row, Extra = undefined>(orgId: string, supplierId: string, part: Part, names: readonly string[]) {
  const [editing, setEditing] = useState<Editing<Body, Extra> | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const { save, remove } = usePartMutations<Body>(orgId, supplierId, part, () => {
    setEditing(null);
    setDeleting(null);
  });
  return {
    editing,
    deleting,
    save,
    remove,
    errors: errorsByField(save.error, names),
    generalError: generalError(save.error, names),
    /** Opens the dialog on a new row (id null) or an existing one, forgetting the last error. */
    open: (id: string | null, body: Body, extra?: Extra) => {
      save.reset();
      setEditing(extra === undefined ? { id, body } : { id, body, extra });
    },
    close: () => setEditing(null),
    set: (patch: Partial<Body>) => setEditing((e) => (e ? { ...e, body: { ...e.body, ...patch } } : e)),
    askDelete: (row: Row) => {
      remove.reset();
      setDeleting(row);
    },
    cancelDelete: () => setDeleting(null),
  };
}

interface EditModalProps {
  opened: boolean;
  title: string;
  size?: ModalProps['size'];
  saving: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}

/** The add/edit dialog of a section: the fields, the error not tied to a field, cancel and save. */
export function PartEditModal({ opened, title, size, saving, error, onClose, onSubmit, children }: EditModalProps) {
  const { t } = useTranslation('suppliersRegister');
  return (
    <Modal opened={opened} onClose={onClose} title={title} {...(size ? { size } : {})}>
      {opened ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <Stack>
            {children}
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

interface DeleteProps {
  opened: boolean;
  title: string;
  confirmLabel?: string;
  deleting: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** Confirmation before a row of the provider's file is deleted. */
export function PartDeleteConfirm({ opened, title, confirmLabel, deleting, error, onConfirm, onClose, children }: DeleteProps) {
  const { t } = useTranslation('suppliersRegister');
  return (
    <ConfirmModal
      opened={opened}
      title={title}
      confirmLabel={confirmLabel ?? t('common.delete')}
      onConfirm={onConfirm}
      onClose={onClose}
      loading={deleting}
      error={error}
    >
      {children}
    </ConfirmModal>
  );
}
