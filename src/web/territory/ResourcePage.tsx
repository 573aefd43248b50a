import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { type LibraryScope, territoryApi, territoryKeys } from './endpoints.js';
import { type LibraryAccess, WithLibrary } from './library-scope.js';
import { Markdown } from './Markdown.js';
import { NewVersionForm } from './ResourceVersionForm.js';
import type { ResourceDetail } from './types.js';

/** One library resource: its current text, its files and every version. */
export function ResourcePage() {
  const { territoryId = '', resourceId = '' } = useParams();
  return <WithLibrary territoryParam={territoryId}>{(a) => <OneResource {...a} resourceId={resourceId} />}</WithLibrary>;
}

function OneResource({ scope, canManage, resourceId }: LibraryAccess & { resourceId: string }) {
  const { t, i18n } = useTranslation('territory');
  const client = useQueryClient();
  const key = [...territoryKeys.library(scope), 'one', resourceId];
  const detail = useQuery({ queryKey: key, queryFn: () => api<ResourceDetail>(territoryApi.resource(scope, resourceId)) });
  const [confirmArchive, setConfirmArchive] = useState(false);
  const update = (r: ResourceDetail) => {
    client.setQueryData(key, r);
    void client.invalidateQueries({ queryKey: [...territoryKeys.library(scope), 'list'] });
  };
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      api<ResourceDetail>(archived ? territoryApi.archive(scope, resourceId) : territoryApi.restore(scope, resourceId), { body: {} }),
    onSuccess: (r) => {
      setConfirmArchive(false);
      update(r);
    },
  });
  if (detail.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('library.loading')} />
      </Center>
    );
  }
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const r = detail.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('library.sizeKb', { n: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024)) })
      : t('library.sizeMb', { n: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024) });
  const current = r.versions.find((v) => v.version === r.currentVersion);
  return (
    <>
      <Anchor
        component={Link}
        to={scope.kind === 'member' ? `/territory/library?territory=${encodeURIComponent(scope.territoryId)}` : '/territory/library'}
        size="sm"
      >
        {t('library.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        description={
          <Group gap="xs">
            <Text size="sm">{t(`kinds.${r.kind}`)}</Text>
            <Text size="sm">· {t(`audiences.${r.audience}`)}</Text>
            <Text size="sm">· {t(`languages.${r.language}`)}</Text>
            {r.archived ? (
              <Badge variant="outline" color="gray.9">
                {t('library.archivedBadge')}
              </Badge>
            ) : null}
          </Group>
        }
        actions={
          canManage ? (
            r.archived ? (
              <Button variant="default" onClick={() => archive.mutate(false)} loading={archive.isPending}>
                {t('library.restore')}
              </Button>
            ) : (
              <Button variant="default" color="red.9" onClick={() => setConfirmArchive(true)}>
                {t('library.archive')}
              </Button>
            )
          ) : null
        }
      />
      {!confirmArchive ? <ErrorAlert error={archive.error} /> : null}
      <Stack gap="lg">
        {r.summary ? <Text>{r.summary}</Text> : null}
        {r.tags.length ? (
          <Group gap={6} aria-label={t('library.tags')}>
            {r.tags.map((tag) => (
              <Badge key={tag} variant="light" c="var(--mantine-color-text)">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Paper withBorder p="md" component="section" aria-labelledby="resource-content">
          <Title order={2} size="h3" id="resource-content" mb="sm">
            {current ? t('library.currentVersion', { version: current.version }) : t('library.noVersion')}
          </Title>
          {current?.file ? (
            <Button component="a" href={territoryApi.versionFile(scope, r.id, current.version)} variant="light" mb="md" download>
              {t('library.downloadFile', { name: current.file.fileName, size: size(current.file.size) })}
            </Button>
          ) : null}
          {r.body ? <Markdown source={r.body} /> : null}
          {!current ? <Text c="dimmed">{t('library.noVersionHint')}</Text> : null}
        </Paper>
        {canManage && !r.archived ? <NewVersionForm scope={scope} resource={r} onSaved={update} /> : null}
        <Versions scope={scope} resource={r} when={when} />
      </Stack>
      <ConfirmModal
        opened={confirmArchive}
        title={t('library.archiveTitle')}
        confirmLabel={t('library.archive')}
        onConfirm={() => archive.mutate(true)}
        onClose={() => {
          setConfirmArchive(false);
          archive.reset();
        }}
        loading={archive.isPending}
        error={archive.error}
      >
        {t('library.archiveText', { title: r.title })}
      </ConfirmModal>
    </>
  );
}

function Versions({ scope, resource, when }: { scope: LibraryScope; resource: ResourceDetail; when: (iso: string) => string }) {
  const { t } = useTranslation('territory');
  if (resource.versions.length === 0) return null;
  return (
    <section aria-labelledby="resource-versions">
      <Title order={2} size="h3" id="resource-versions" mb="sm">
        {t('library.versions')}
      </Title>
      <DataTable
        caption={t('library.versions')}
        minWidth={600}
        head={
          <>
            <Th>{t('library.version')}</Th>
            <Th>{t('library.changeNote')}</Th>
            <Th>{t('library.author')}</Th>
            <Th>{t('library.downloads')}</Th>
          </>
        }
      >
        {resource.versions.map((v) => (
          <Table.Tr key={v.version}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('library.versionN', { version: v.version })}
              <Text size="xs" c="dimmed">
                {when(v.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>{v.changeNote || '—'}</Table.Td>
            <Table.Td>{v.authorLabel || '—'}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {v.hasBody ? (
                  <Anchor href={territoryApi.versionMarkdown(scope, resource.id, v.version)} download size="sm">
                    {t('library.markdownFile')}
                  </Anchor>
                ) : null}
                {v.file ? (
                  <Anchor href={territoryApi.versionFile(scope, resource.id, v.version)} download size="sm">
                    {v.file.fileName}
                  </Anchor>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </section>
  );
}
