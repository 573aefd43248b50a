import { Anchor, Badge, Button, Center, FileInput, Group, List, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { ActionForm } from './ActionForm.js';
import { useCanManageActions } from './can-manage.js';
import { actionsApi, actionsKeys } from './endpoints.js';
import type { ActionDetail, ActionInput } from './types.js';

/** One action: edit it, follow its source, keep notes and evidence files. */
export function ActionPage() {
  const { actionId = '' } = useParams();
  return <WithOrg>{(orgId) => <OneAction orgId={orgId} actionId={actionId} />}</WithOrg>;
}

function OneAction({ orgId, actionId }: { orgId: string; actionId: string }) {
  const { t, i18n } = useTranslation('actions');
  const canManage = useCanManageActions(orgId);
  const client = useQueryClient();
  const key = actionsKeys.one(orgId, actionId);
  const detail = useQuery({ queryKey: key, queryFn: () => api<ActionDetail>(actionsApi.action(orgId, actionId)) });
  const refresh = (a: ActionDetail) => {
    client.setQueryData(key, a);
    void client.invalidateQueries({ queryKey: actionsKeys.all(orgId) });
  };
  const save = useMutation({
    mutationFn: (input: ActionInput) => api<ActionDetail>(actionsApi.action(orgId, actionId), { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
  if (detail.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('detail.loading')} />
      </Center>
    );
  }
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const a = detail.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <Anchor component={Link} to="/actions" size="sm">
        {t('detail.back')}
      </Anchor>
      <PageHeader
        title={a.title}
        description={
          <Group gap="xs">
            <Badge variant="light" c="var(--mantine-color-text)">
              {t(`statuses.${a.status}`)}
            </Badge>
            <Text size="sm">{t(`sources.${a.sourceKind}`)}</Text>
            {a.sourceLink ? (
              <Anchor component={Link} to={a.sourceLink} size="sm">
                {a.sourceLabel || t('detail.openSource')}
              </Anchor>
            ) : null}
            {a.overdue ? (
              <Badge color="red" variant="light" c="var(--mantine-color-text)">
                {t('list.overdue')}
              </Badge>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        {/* A reader sees the same form, disabled: the browser disables every field inside the fieldset. */}
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <ActionForm
            key={a.updatedAt}
            orgId={orgId}
            action={a}
            submitLabel={t('form.save')}
            pending={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate(input)}
          />
        </fieldset>
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {t('form.saved')}
          </Text>
        ) : null}
        <Notes orgId={orgId} action={a} when={when} onChange={refresh} canManage={canManage} />
        <Evidence orgId={orgId} action={a} when={when} onChange={refresh} canManage={canManage} />
      </Stack>
    </>
  );
}

type Part = {
  orgId: string;
  action: ActionDetail;
  when: (iso: string) => string;
  onChange: (a: ActionDetail) => void;
  canManage: boolean;
};

function Notes({ orgId, action, when, onChange, canManage }: Part) {
  const { t } = useTranslation('actions');
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api<ActionDetail>(actionsApi.notes(orgId, action.id), { body: { body } }),
    onSuccess: (a) => {
      setBody('');
      onChange(a);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="action-notes">
      <Title order={2} size="h3" id="action-notes" mb="sm">
        {t('detail.notes')}
      </Title>
      {action.notes.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('detail.noNotes')}
        </Text>
      ) : (
        <List listStyleType="none" spacing="sm" mb="sm">
          {action.notes.map((n) => (
            <List.Item key={n.id}>
              <Text size="xs" c="dimmed">
                {n.authorLabel} · {when(n.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
            </List.Item>
          ))}
        </List>
      )}
      {canManage ? (
        <form onSubmit={submit}>
          <Stack gap="xs" maw={640}>
            <Textarea
              label={t('detail.addNote')}
              autosize
              minRows={2}
              value={body}
              error={add.error instanceof Error ? add.error.message : undefined}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" variant="default" loading={add.isPending} disabled={body.trim() === ''}>
                {t('detail.saveNote')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}

function Evidence({ orgId, action, when, onChange, canManage }: Part) {
  const { t } = useTranslation('actions');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      await api(actionsApi.upload(orgId, action.id, f.name), { raw: f, contentType: f.type || 'application/octet-stream' });
      return api<ActionDetail>(actionsApi.action(orgId, action.id));
    },
    onSuccess: (a) => {
      setFile(null);
      onChange(a);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="action-evidence">
      <Title order={2} size="h3" id="action-evidence" mb="sm">
        {t('detail.evidence')}
      </Title>
      {action.evidence.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('detail.noEvidence')}
        </Text>
      ) : (
        <List spacing="xs" mb="sm">
          {action.evidence.map((e) => (
            <List.Item key={e.id}>
              <Anchor href={actionsApi.evidence(orgId, action.id, e.id)} download>
                {e.fileName}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {when(e.uploadedAt)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canManage ? (
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('detail.file')}
            description={t('detail.fileHint')}
            value={file}
            onChange={setFile}
            clearable
            error={upload.error instanceof Error ? upload.error.message : undefined}
            w={320}
          />
          <Button variant="default" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('detail.upload')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
