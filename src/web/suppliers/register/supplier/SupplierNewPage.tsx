import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { emptySupplierForm } from '../supplier-form.js';
import type { SupplierDetail, SupplierInput } from '../types.js';
import { SupplierForm } from './SupplierForm.js';

/** Adds a provider to the register, then opens its page (certificates, contacts, contracts). */
export function SupplierNewPage() {
  return <WithOrg>{(orgId) => <NewSupplier orgId={orgId} />}</WithOrg>;
}

function NewSupplier({ orgId }: { orgId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: SupplierInput) => api<SupplierDetail>(registerApi.suppliers(orgId), { body }),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: registerKeys.org(orgId) });
      notify({ tone: 'success', message: t('supplier.created', { name: s.name }) });
      void navigate(`/suppliers/${encodeURIComponent(s.id)}`);
    },
  });
  return (
    <>
      <PageHeader title={t('supplier.newTitle')} description={t('supplier.newDescription')} />
      <SupplierForm
        initial={emptySupplierForm}
        submitLabel={t('supplier.createSubmit')}
        onSubmit={(body) => create.mutate(body)}
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate('/suppliers')}
      />
    </>
  );
}
