import { Button, Checkbox, FileInput, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { api } from '../api.js';
import { type LibraryScope, territoryApi } from './endpoints.js';
import type { ResourceDetail } from './types.js';

/**
 * A new version, as Markdown (starting from the current text) or as a file. Versions never
 * change once written; the other half of the current version is kept unless dropped.
 */
export function NewVersionForm({
  scope,
  resource,
  onSaved,
}: {
  scope: LibraryScope;
  resource: ResourceDetail;
  onSaved: (r: ResourceDetail) => void;
}) {
  const { t } = useTranslation('territory');
  const current = resource.versions.find((v) => v.version === resource.currentVersion);
  const [mode, setMode] = useState<'markdown' | 'file'>('markdown');
  const [body, setBody] = useState(resource.body ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [dropOther, setDropOther] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      if (mode === 'file') {
        if (!file) throw new Error(t('library.fileRequired'));
        return api<ResourceDetail>(
          territoryApi.fileVersion(scope, resource.id, { filename: file.name, changeNote: changeNote.trim(), dropBody: dropOther }),
          { raw: file, contentType: file.type || 'application/octet-stream' },
        );
      }
      return api<ResourceDetail>(territoryApi.versions(scope, resource.id), {
        body: { body: body.trim() ? body : null, changeNote: changeNote.trim(), dropFile: dropOther },
      });
    },
    onSuccess: (r) => {
      setChangeNote('');
      setFile(null);
      setDropOther(false);
      onSaved(r);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-version">
      <Title order={2} size="h3" id="new-version" mb="xs">
        {t('library.newVersion')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('library.newVersionHint')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('library.versionKind')}
            value={mode}
            onChange={(v) => {
              setMode(v as 'markdown' | 'file');
              setDropOther(false);
              save.reset();
            }}
            data={[
              { value: 'markdown', label: t('library.asMarkdown') },
              { value: 'file', label: t('library.asFile') },
            ]}
          />
          {mode === 'markdown' ? (
            <>
              <Textarea
                label={t('library.body')}
                description={t('library.bodyHint')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={8}
                maxRows={24}
              />
              {current?.file ? (
                <Checkbox
                  label={t('library.dropFile', { name: current.file.fileName })}
                  checked={dropOther}
                  onChange={(e) => setDropOther(e.currentTarget.checked)}
                />
              ) : null}
            </>
          ) : (
            <>
              <FileInput label={t('library.file')} description={t('library.fileHint')} value={file} onChange={setFile} clearable required />
              {current?.hasBody ? (
                <Checkbox label={t('library.dropBody')} checked={dropOther} onChange={(e) => setDropOther(e.currentTarget.checked)} />
              ) : null}
            </>
          )}
          <TextInput
            label={t('library.changeNote')}
            value={changeNote}
            onChange={(e) => setChangeNote(e.currentTarget.value)}
            maxLength={500}
          />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('library.saveVersion')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
