import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api.js';
import { HtmlField } from '../components/HtmlField.js';
import { useLivePreview } from '../components/use-live-preview.js';
import { libraryApi } from '../endpoints.js';
import type { CueCategory, Language, TemplatePreview, TemplateText } from '../types.js';
import { CuesEditor } from './CuesEditor.js';

interface Props {
  orgId: string;
  lang: Language;
  text: TemplateText;
  errors: Record<string, string>;
  onChange: (patch: Partial<TemplateText>) => void;
  onRemoveLanguage: (() => void) | null;
  cues: {
    onAdd: () => void;
    onRemove: (index: number) => void;
    onKey: (index: number, patch: { id?: string; category?: CueCategory }) => void;
    onText: (index: number, patch: { label?: string; explanation?: string }) => void;
  };
}

/** One language of a template: sender, subject, HTML with its live rendering, and the cues. */
export function TemplateLanguageFields({ orgId, lang, text, errors, onChange, onRemoveLanguage, cues }: Props) {
  const { t } = useTranslation('phishingLibrary');
  const at = (f: string) => errors[`texts.${lang}.${f}`];
  const preview = useLivePreview<TemplatePreview>(libraryApi.templatePreview(orgId), {
    subject: text.subject,
    html: text.html,
    language: lang,
  });
  const previewError = preview.error instanceof ApiError ? preview.error.message : preview.error ? t('common.previewFailed') : undefined;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.title')}
          value={text.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          error={at('title')}
          required
        />
        <TextInput
          label={t('fields.subject')}
          description={preview.data?.subject ? t('editor.renderedSubject', { subject: preview.data.subject }) : undefined}
          value={text.subject}
          onChange={(e) => onChange({ subject: e.currentTarget.value })}
          error={at('subject')}
          required
        />
        <TextInput
          label={t('fields.fromName')}
          value={text.fromName}
          onChange={(e) => onChange({ fromName: e.currentTarget.value })}
          error={at('fromName')}
          required
        />
        <TextInput
          label={t('fields.fromLocalPart')}
          description={t('editor.fromLocalPartHint')}
          value={text.fromLocalPart}
          onChange={(e) => onChange({ fromLocalPart: e.currentTarget.value })}
          error={at('fromLocalPart')}
          required
        />
      </SimpleGrid>
      <HtmlField
        label={t('fields.html')}
        value={text.html}
        onChange={(html) => onChange({ html })}
        error={at('html')}
        rendered={preview.data ?? null}
        previewError={previewError}
        previewTitle={t('editor.previewTitle', { language: t(`languages.${lang}`) })}
      />
      <Textarea
        label={t('fields.premiseRationale')}
        description={t('editor.premiseRationaleHint')}
        value={text.premiseRationale}
        onChange={(e) => onChange({ premiseRationale: e.currentTarget.value })}
        error={at('premiseRationale')}
        autosize
        minRows={2}
      />
      <CuesEditor lang={lang} cues={text.cues} errors={errors} {...cues} />
      {onRemoveLanguage ? (
        <Group justify="flex-end">
          <Button variant="subtle" color="red" c="red.9" onClick={onRemoveLanguage}>
            {t('editor.removeLanguage', { language: t(`languages.${lang}`) })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
