import { Button, FileInput, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { adminApi } from '../endpoints.js';
import { bytesToBase64, imageMarkdown, imageProblem, imageTypes } from '../media.js';

/**
 * Uploads an image (POST /media, base64) and hands back its Markdown, `![alt](url)`. The
 * alternative text is asked for every time: a lesson must be readable without its pictures.
 */
export function InsertImageButton({ orgId, onInsert, label }: { orgId: string; onInsert: (markdown: string) => void; label: string }) {
  const { t } = useTranslation('learningAdmin');
  const [opened, { open, close }] = useDisclosure(false);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [altMissing, setAltMissing] = useState(false);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const dataBase64 = bytesToBase64(new Uint8Array(await f.arrayBuffer()));
      return api<{ id: string; url: string }>(adminApi.media(orgId), { body: { filename: f.name, contentType: f.type, dataBase64 } });
    },
    onSuccess: (media) => {
      onInsert(imageMarkdown(alt, media.url));
      finish();
    },
  });
  const finish = () => {
    setFile(null);
    setAlt('');
    setProblem(null);
    setAltMissing(false);
    upload.reset();
    close();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!file) return setProblem(t('image.missing'));
    const p = imageProblem(file);
    if (p) return setProblem(t(p === 'type' ? 'image.badType' : 'image.tooBig'));
    if (!alt.trim()) return setAltMissing(true);
    upload.mutate(file);
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={finish} title={t('image.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FileInput
              label={t('image.file')}
              description={t('image.fileHint')}
              accept={imageTypes.join(',')}
              value={file}
              onChange={(f) => {
                setFile(f);
                setProblem(null);
              }}
              required
              clearable
              error={problem ?? undefined}
            />
            <TextInput
              label={t('image.alt')}
              description={t('image.altHint')}
              required
              value={alt}
              onChange={(e) => {
                setAlt(e.currentTarget.value);
                setAltMissing(false);
              }}
              error={altMissing ? t('image.altMissing') : undefined}
            />
            <ErrorAlert error={upload.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={finish}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={upload.isPending}>
                {t('image.insert')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
