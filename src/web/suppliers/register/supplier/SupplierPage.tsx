import { Badge, Button, Center, Group, Loader, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { TierBadge } from '../components/TierBadge.js';
import { ContractsSection } from '../contracts/ContractsSection.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { supplierToForm } from '../supplier-form.js';
import type { SupplierDetail, SupplierInput } from '../types.js';
import { ContactsSection } from './ContactsSection.js';
import { HdsSection } from './HdsSection.js';
import { SubcontractorsSection } from './SubcontractorsSection.js';
import { SupplierForm } from './SupplierForm.js';

/** One provider: identity and criticality, HDS certificates, subcontractors, contacts, contracts. */
export function SupplierPage() {
  const { supplierId = '' } = useParams();
  return <WithOrg>{(orgId) => <SupplierView orgId={orgId} supplierId={supplierId} />}</WithOrg>;
}

function SupplierView({ orgId, supplierId }: { orgId: string; supplierId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const supplier = useQuery({
    queryKey: registerKeys.supplier(orgId, supplierId),
    queryFn: () => api<SupplierDetail>(registerApi.supplier(orgId, supplierId)),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: registerKeys.org(orgId) });
  const update = useMutation({
    mutationFn: (body: SupplierInput) => api<SupplierDetail>(registerApi.supplier(orgId, supplierId), { method: 'PATCH', body }),
    onSuccess: (s) => {
      queryClient.setQueryData(registerKeys.supplier(orgId, supplierId), s);
      refresh();
      notify({ tone: 'success', message: t('supplier.saved') });
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      api<void>(registerApi.supplierAction(orgId, supplierId, archived ? 'restore' : 'archive'), { method: 'POST' }),
    onSuccess: (_v, archived) => {
      setConfirming(false);
      refresh();
      notify({ tone: 'success', message: t(archived ? 'supplier.restored' : 'supplier.archived') });
    },
  });

  if (supplier.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (supplier.error) return <ErrorAlert error={supplier.error} />;
  const s = supplier.data;
  const hdsCount = s.hdsCertificates.length;
  return (
    <>
      <PageHeader
        title={s.name}
        description={
          <Group gap="xs">
            <TierBadge criticality={s.criticality} withReason />
            <Text size="sm">{t('supplier.sirenLine', { siren: s.siret ?? s.siren })}</Text>
            {s.handlesHealthData ? (
              <Badge color="grape" variant="light" c="var(--mantine-color-text)">
                {t('supplier.healthDataBadge')}
              </Badge>
            ) : null}
            {s.hdsExpiring ? (
              <Badge color="red" variant="light" c="var(--mantine-color-text)">
                {t('hds.expiringBadge')}
              </Badge>
            ) : null}
            {s.archived ? <Badge color="gray">{t('common.archived')}</Badge> : null}
          </Group>
        }
        actions={
          <Button
            variant="default"
            {...(s.archived ? {} : { c: 'red.9' })}
            onClick={() => {
              archive.reset();
              setConfirming(true);
            }}
          >
            {s.archived ? t('supplier.restore') : t('supplier.archive')}
          </Button>
        }
      />
      <Tabs defaultValue="identity" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="identity">{t('supplier.tabs.identity')}</Tabs.Tab>
          <Tabs.Tab value="contracts">{t('supplier.tabs.contracts', { count: s.contracts.length })}</Tabs.Tab>
          <Tabs.Tab value="hds">{t('supplier.tabs.hds', { count: hdsCount })}</Tabs.Tab>
          <Tabs.Tab value="subcontractors">{t('supplier.tabs.subcontractors')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('supplier.tabs.contacts', { count: s.contacts.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identity">
          <SupplierForm
            key={s.updatedAt}
            initial={supplierToForm(s)}
            submitLabel={t('supplier.save')}
            onSubmit={(body) => update.mutate(body)}
            pending={update.isPending}
            error={update.error}
          />
        </Tabs.Panel>
        <Tabs.Panel value="contracts">
          <ContractsSection supplierId={s.id} contracts={s.contracts} />
        </Tabs.Panel>
        <Tabs.Panel value="hds">
          <HdsSection orgId={orgId} supplier={s} />
        </Tabs.Panel>
        <Tabs.Panel value="subcontractors">
          <SubcontractorsSection orgId={orgId} supplier={s} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsSection orgId={orgId} supplier={s} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirming}
        title={s.archived ? t('supplier.restoreTitle') : t('supplier.archiveTitle')}
        confirmLabel={s.archived ? t('supplier.restore') : t('supplier.archive')}
        color={s.archived ? undefined : 'red.9'}
        onConfirm={() => archive.mutate(s.archived)}
        onClose={() => setConfirming(false)}
        loading={archive.isPending}
        error={archive.error}
      >
        {s.archived ? t('supplier.restoreText', { name: s.name }) : t('supplier.archiveText', { name: s.name })}
      </ConfirmModal>
    </>
  );
}
