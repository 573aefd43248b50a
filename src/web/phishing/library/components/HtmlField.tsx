import { Alert, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { insertAt } from '../template-form.js';
import { HtmlPreview } from './HtmlPreview.js';
import { PlaceholderMenu } from './PlaceholderMenu.js';

interface Props {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string | undefined;
  /** The server's rendering of the current HTML (debounced), or null while none has come back. */
  rendered: { html: string; unknownPlaceholders: string[] } | null;
  previewError?: string | undefined;
  previewTitle: string;
}

/** The HTML source beside what a recipient sees, with the placeholders to insert and the unknown ones flagged. */
export function HtmlField({ label, value, onChange, error, rendered, previewError, previewTitle }: Props) {
  const { t } = useTranslation('phishingLibrary');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const insert = (name: string) => {
    const el = area.current;
    const next = insertAt(value, el?.selectionStart ?? value.length, el?.selectionEnd ?? value.length, name);
    onChange(next.value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const unknown = rendered?.unknownPlaceholders ?? [];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-end">
          <Text component="label" htmlFor={id} size="sm" fw={500}>
            {label}
          </Text>
          <PlaceholderMenu onPick={insert} />
        </Group>
        <Textarea
          id={id}
          ref={area}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={14}
          maxRows={30}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          error={error}
          spellCheck={false}
        />
        {unknown.length > 0 ? (
          <Alert color="yellow" title={t('editor.unknownPlaceholders')} role="status">
            {unknown.map((n) => `{{${n}}}`).join(', ')}
          </Alert>
        ) : null}
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('editor.livePreview')}
        </Text>
        {previewError ? (
          <Alert color="red" role="alert">
            {previewError}
          </Alert>
        ) : null}
        {rendered ? <HtmlPreview html={rendered.html} title={previewTitle} height={520} /> : <Text size="sm">{t('common.loading')}</Text>}
      </Stack>
    </SimpleGrid>
  );
}
