import { Button, Group, Input, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { Callout } from '../components/Callout.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { endpoints, qs } from '../endpoints.js';
import type { ImportMode, ImportUpload } from '../types.js';

interface Props {
  orgId: string;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onUploaded: (upload: ImportUpload, filename: string) => void;
}

/** Step 1: the HR export as it is (any encoding, comma or semicolon) and the import mode. */
export function UploadStep({ orgId, mode, onMode, onUploaded }: Props) {
  const { t } = useTranslation('admin');
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (f: File) =>
      api<ImportUpload>(`${endpoints.imports(orgId)}${qs({ filename: f.name })}`, { raw: f, contentType: 'application/octet-stream' }),
    onSuccess: (data, f) => onUploaded(data, f.name),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Input.Wrapper
          id={inputId}
          label={t('import.file')}
          description={t('import.fileHint')}
          required
          error={missing ? t('import.fileMissing') : undefined}
        >
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setMissing(false);
              upload.reset();
            }}
          />
        </Input.Wrapper>
        <Radio.Group label={t('import.mode.label')} value={mode} onChange={(v) => onMode(v === 'full' ? 'full' : 'partial')}>
          <Stack gap="xs" mt="xs">
            <Radio value="partial" label={t('import.mode.partial')} description={t('import.mode.partialHint')} />
            <Radio value="full" label={t('import.mode.full')} description={t('import.mode.fullHint')} />
          </Stack>
        </Radio.Group>
        {mode === 'full' ? (
          <Callout color="orange" title={t('import.mode.fullWarningTitle')}>
            <Text size="sm">{t('import.mode.fullWarning')}</Text>
          </Callout>
        ) : null}
        <ErrorAlert error={upload.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending}>
            {t('import.readFile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
