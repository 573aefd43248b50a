import { Anchor } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { ActionForm } from './ActionForm.js';
import { actionsApi, actionsKeys } from './endpoints.js';
import type { Action, ActionInput } from './types.js';

/** A new action written by hand (actions from audits, diagnostics or exercises arrive by themselves). */
export function ActionNewPage() {
  return <WithOrg>{(orgId) => <NewAction orgId={orgId} />}</WithOrg>;
}

function NewAction({ orgId }: { orgId: string }) {
  const { t } = useTranslation('actions');
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (input: ActionInput) => api<Action>(actionsApi.list(orgId), { body: input }),
    onSuccess: async (a) => {
      await client.invalidateQueries({ queryKey: actionsKeys.all(orgId) });
      void navigate(`/actions/${encodeURIComponent(a.id)}`);
    },
  });
  return (
    <>
      <Anchor component={Link} to="/actions" size="sm">
        {t('detail.back')}
      </Anchor>
      <PageHeader title={t('page.new')} description={t('form.newHint')} />
      <ActionForm
        orgId={orgId}
        submitLabel={t('form.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(i) => create.mutate(i)}
      />
    </>
  );
}
