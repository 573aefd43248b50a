import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import { errorsByPath } from '../field-errors.js';
import type { AuditDetail, ContractRef, GridSummary } from '../types.js';
import { SupplierSelect } from './SupplierSelect.js';

interface Props {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}

/** Plans an audit by hand (kind "extra"): provider, optional contract, grid and due date. */
export function AuditCreateModal({ orgId, opened, onClose }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [contractId, setContractId] = useState<string | null>(null);
  const [gridId, setGridId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [title, setTitle] = useState('');
  const contracts = useQuery({
    queryKey: ['suppliersAudits', orgId, 'contracts-of', supplierId],
    queryFn: () => api<Page<ContractRef>>(`${auditsApi.contracts(orgId)}${qs({ supplierId, status: 'all', pageSize: 200 })}`),
    enabled: opened && supplierId !== null,
  });
  const grids = useQuery({
    queryKey: [...auditsKeys.grids(orgId), 'pick'],
    queryFn: () => api<Page<GridSummary>>(`${auditsApi.grids(orgId)}${qs({ pageSize: 200, sort: 'title' })}`),
    enabled: opened,
  });
  const create = useMutation({
    mutationFn: () =>
      api<AuditDetail>(auditsApi.audits(orgId), {
        body: { supplierId, gridId, dueOn, contractId, ...(title.trim() ? { title: title.trim() } : {}) },
      }),
    onSuccess: (audit) => {
      void queryClient.invalidateQueries({ queryKey: auditsKeys.audits(orgId) });
      onClose();
      void navigate(`/suppliers/audits/${encodeURIComponent(audit.id)}`);
    },
  });
  const { byPath, rest } = errorsByPath(create.error);
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <SupplierSelect
            orgId={orgId}
            label={t('fields.provider')}
            value={supplierId}
            onChange={(v) => {
              setSupplierId(v);
              setContractId(null);
            }}
            error={byPath.supplierId}
            required
          />
          <Select
            label={t('fields.contract')}
            description={t('create.contractHelp')}
            data={(contracts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` }))}
            value={contractId}
            onChange={setContractId}
            clearable
            disabled={supplierId === null}
            error={byPath.contractId}
          />
          <Select
            label={t('fields.grid')}
            data={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: g.title }))}
            value={gridId}
            onChange={setGridId}
            searchable
            required
            error={byPath.gridId}
          />
          <TextInput
            label={t('fields.dueOn')}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            required
            error={byPath.dueOn}
          />
          <TextInput
            label={t('fields.title')}
            description={t('create.titleHelp')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            error={byPath.title}
          />
          {rest ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
