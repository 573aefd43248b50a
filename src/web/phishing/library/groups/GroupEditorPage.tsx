import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { TargetingFields } from '../../../learning/admin/components/targeting-fields.js';
import { useNotify } from '../../../shell/notifications.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { fieldMessages, generalError } from '../form-errors.js';
import { emptyGroupForm, type GroupForm, groupFieldErrors, groupFormOf, toGroupInput } from '../group-form.js';
import { type GroupKind, groupKinds, type TargetGroup } from '../types.js';
import { GroupPreview, PeopleField } from './group-fields.js';

const groupPlaced = ['name', 'kind', 'roleFamilies', 'services', 'sites', 'personIds'];

/** Creates a group (no id in the path, `?kind=exclusion` for an exclusion list) or edits one, with its live head count. */
export function GroupEditorPage() {
  const { groupId } = useParams();
  const [params] = useSearchParams();
  const kind: GroupKind = params.get('kind') === 'exclusion' ? 'exclusion' : 'target';
  return (
    <WithOrg>{(orgId) => (groupId ? <Loaded orgId={orgId} id={groupId} /> : <Editor orgId={orgId} initial={null} kind={kind} />)}</WithOrg>
  );
}

function Loaded({ orgId, id }: { orgId: string; id: string }) {
  const detail = useQuery({
    queryKey: [...libraryKeys.groups(orgId), 'one', id],
    queryFn: () => api<TargetGroup>(libraryApi.group(orgId, id)),
  });
  return (
    <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
      {detail.data ? <Editor key={detail.data.updatedAt} orgId={orgId} initial={detail.data} kind={detail.data.kind} /> : null}
    </ListStatus>
  );
}

function Editor({ orgId, initial, kind }: { orgId: string; initial: TargetGroup | null; kind: GroupKind }) {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<GroupForm>(() => (initial ? groupFormOf(initial) : emptyGroupForm(kind)));
  const [deleting, setDeleting] = useState(false);
  const save = useMutation({
    mutationFn: (f: GroupForm) =>
      initial
        ? api<TargetGroup>(libraryApi.group(orgId, initial.id), { method: 'PUT', body: toGroupInput(f) })
        : api<TargetGroup>(libraryApi.groups(orgId), { body: toGroupInput(f) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: libraryKeys.groups(orgId) });
      notify({ tone: 'success', message: t('common.saved', { title: saved.name }) });
      void navigate(libraryPath('groups'));
    },
  });
  const remove = useMutation({
    mutationFn: () => api<void>(libraryApi.group(orgId, initial?.id ?? ''), { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: libraryKeys.groups(orgId) });
      notify({ tone: 'success', message: t('groups.deleted', { name: initial?.name ?? '' }) });
      void navigate(libraryPath('groups'));
    },
  });
  const errors = groupFieldErrors(fieldMessages(save.error));
  const patch = (p: Partial<GroupForm>) => setForm((f) => ({ ...f, ...p }));
  return (
    <>
      <Anchor component={Link} to={libraryPath('groups')} size="sm">
        {t('groups.back')}
      </Anchor>
      <PageHeader
        title={initial ? initial.name : t(`groups.createTitle.${form.kind}`)}
        description={t(`groups.kindHint.${form.kind}`)}
        actions={
          initial ? (
            <Button variant="subtle" color="red" c="red.9" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
          ) : undefined
        }
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('groups.name')}
              value={form.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
              error={errors.name}
              required
            />
            <NativeSelect
              label={t('groups.kind')}
              value={form.kind}
              onChange={(e) => patch({ kind: e.currentTarget.value as GroupKind })}
              data={groupKinds.map((k) => ({ value: k, label: t(`groupKinds.${k}`) }))}
              error={errors.kind}
            />
          </SimpleGrid>
          <TargetingFields orgId={orgId} value={form.targeting} onChange={(targeting) => patch({ targeting })} errors={errors} />
          <PeopleField orgId={orgId} value={form.personIds} onChange={(personIds) => patch({ personIds })} error={errors.personIds} />
          <GroupPreview orgId={orgId} form={form} />
          <ErrorAlert error={generalError(save.error, errors, groupPlaced)} title={t('editor.notSaved')} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={libraryPath('groups')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={deleting}
        title={t('groups.deleteTitle')}
        confirmLabel={t('common.delete')}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('groups.deleteText', { name: initial?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
