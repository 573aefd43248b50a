import { Anchor, Badge, Button, Center, Divider, Group, Loader } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { contractToForm, emptyContractForm } from '../contract-form.js';
import { registerApi, registerKeys } from '../endpoints.js';
import type { ContractDetail, ContractInput, SupplierDetail } from '../types.js';
import { ContractForm } from './ContractForm.js';
import { GapsPanel } from './GapsPanel.js';
import { TriggeredAuditModal } from './TriggeredAuditModal.js';

/** Records a contract of a provider, then opens it with its gap analysis. */
export function ContractNewPage() {
  const { supplierId = '' } = useParams();
  return <WithOrg>{(orgId) => <NewContract orgId={orgId} supplierId={supplierId} />}</WithOrg>;
}

function NewContract({ orgId, supplierId }: { orgId: string; supplierId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const supplier = useQuery({
    queryKey: registerKeys.supplier(orgId, supplierId),
    queryFn: () => api<SupplierDetail>(registerApi.supplier(orgId, supplierId)),
  });
  const create = useMutation({
    mutationFn: (body: ContractInput) => api<ContractDetail>(registerApi.supplierContracts(orgId, supplierId), { body }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: registerKeys.org(orgId) });
      notify({ tone: 'success', message: t('contracts.created', { reference: c.reference }) });
      void navigate(`/suppliers/contracts/${encodeURIComponent(c.id)}`);
    },
  });
  const back = `/suppliers/${encodeURIComponent(supplierId)}`;
  return (
    <>
      <PageHeader
        title={t('contracts.newTitle')}
        description={
          supplier.data ? (
            <Anchor component={Link} to={back}>
              {supplier.data.name}
            </Anchor>
          ) : null
        }
      />
      <ErrorAlert error={supplier.error} />
      <ContractForm
        orgId={orgId}
        initial={emptyContractForm()}
        submitLabel={t('contracts.createSubmit')}
        onSubmit={(b) => create.mutate(b)}
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate(back)}
      />
    </>
  );
}

/** A contract: its terms, clauses and audit clause, what it lacks, and the triggered-audit action. */
export function ContractPage() {
  const { contractId = '' } = useParams();
  return <WithOrg>{(orgId) => <ContractView orgId={orgId} contractId={contractId} />}</WithOrg>;
}

function ContractView({ orgId, contractId }: { orgId: string; contractId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [archiving, setArchiving] = useState(false);
  const [triggering, setTriggering] = useState(false);
  const contract = useQuery({
    queryKey: registerKeys.contract(orgId, contractId),
    queryFn: () => api<ContractDetail>(registerApi.contract(orgId, contractId)),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: registerKeys.org(orgId) });
  const update = useMutation({
    mutationFn: (body: ContractInput) => api<ContractDetail>(registerApi.contract(orgId, contractId), { method: 'PATCH', body }),
    onSuccess: () => {
      refresh();
      notify({ tone: 'success', message: t('contracts.saved') });
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      api<void>(registerApi.contractAction(orgId, contractId, archived ? 'restore' : 'archive'), { method: 'POST' }),
    onSuccess: () => {
      setArchiving(false);
      refresh();
    },
  });
  if (contract.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (contract.error) return <ErrorAlert error={contract.error} />;
  const c = contract.data;
  return (
    <>
      <PageHeader
        title={`${c.reference} — ${c.title}`}
        description={
          <Group gap="xs">
            <Anchor component={Link} to={`/suppliers/${encodeURIComponent(c.supplierId)}`}>
              {c.supplierName}
            </Anchor>
            {c.archived ? (
              <Badge color="gray">{t('common.archived')}</Badge>
            ) : (
              <Badge variant="light">{c.active ? t('contracts.active') : t('contracts.inactive')}</Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button variant="light" onClick={() => setTriggering(true)} disabled={c.archived}>
              {t('triggered.open')}
            </Button>
            <Button
              variant="default"
              {...(c.archived ? {} : { c: 'red.9' })}
              onClick={() => {
                archive.reset();
                setArchiving(true);
              }}
            >
              {c.archived ? t('contracts.restore') : t('contracts.archive')}
            </Button>
          </>
        }
      />
      <GapsPanel orgId={orgId} contractId={c.id} />
      <Divider my="lg" />
      <ContractForm
        key={c.updatedAt}
        orgId={orgId}
        initial={contractToForm(c)}
        submitLabel={t('contracts.save')}
        onSubmit={(b) => update.mutate(b)}
        pending={update.isPending}
        error={update.error}
      />
      <TriggeredAuditModal orgId={orgId} contractId={c.id} opened={triggering} onClose={() => setTriggering(false)} />
      <ConfirmModal
        opened={archiving}
        title={c.archived ? t('contracts.restoreTitle') : t('contracts.archiveTitle')}
        confirmLabel={c.archived ? t('contracts.restore') : t('contracts.archive')}
        color={c.archived ? undefined : 'red.9'}
        onConfirm={() => archive.mutate(c.archived)}
        onClose={() => setArchiving(false)}
        loading={archive.isPending}
        error={archive.error}
      >
        {c.archived ? t('contracts.restoreText', { reference: c.reference }) : t('contracts.archiveText', { reference: c.reference })}
      </ConfirmModal>
    </>
  );
}
