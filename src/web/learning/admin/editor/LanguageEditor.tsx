import { Button, Divider, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language, ModuleText, Question } from '../types.js';
import { QuestionsEditor } from './QuestionsEditor.js';
import { ScreensEditor } from './ScreensEditor.js';

interface Props {
  orgId: string;
  lang: Language;
  text: ModuleText | null;
  onChange: (text: ModuleText) => void;
  onStart: () => void;
  onCopyFrench: (() => void) | null;
  onRemoveLanguage: (() => void) | null;
  onAddQuestion: () => void;
  onRemoveQuestion: (id: string) => void;
  error: (path: string) => string | undefined;
}

/** One language of the module: title, summary, screens and quiz. */
export function LanguageEditor({
  orgId,
  lang,
  text,
  onChange,
  onStart,
  onCopyFrench,
  onRemoveLanguage,
  onAddQuestion,
  onRemoveQuestion,
  error,
}: Props) {
  const { t } = useTranslation('learningAdmin');
  if (!text) {
    return (
      <Stack align="flex-start">
        <Text>{t('editor.notWritten', { language: t(`languages.${lang}`) })}</Text>
        <Group>
          {onCopyFrench ? <Button onClick={onCopyFrench}>{t('editor.copyFrench')}</Button> : null}
          <Button variant="default" onClick={onStart}>
            {t('editor.startBlank')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const p = `texts.${lang}`;
  return (
    <Stack lang={lang}>
      {onCopyFrench ? (
        <Group>
          <Button variant="default" size="xs" onClick={onCopyFrench}>
            {t('editor.copyFrench')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('editor.copyFrenchHint')}
          </Text>
        </Group>
      ) : null}
      <TextInput
        label={t('fields.title')}
        required
        value={text.title}
        onChange={(e) => onChange({ ...text, title: e.currentTarget.value })}
        error={error(`${p}.title`) ?? error(p)}
      />
      <Textarea
        label={t('fields.summary')}
        autosize
        minRows={2}
        value={text.summary}
        onChange={(e) => onChange({ ...text, summary: e.currentTarget.value })}
        error={error(`${p}.summary`)}
      />
      <Divider />
      <ScreensEditor
        orgId={orgId}
        lang={lang}
        screens={text.screens}
        onChange={(screens) => onChange({ ...text, screens })}
        error={error}
      />
      <Divider />
      <QuestionsEditor
        lang={lang}
        questions={text.questions}
        onChange={(questions: Question[]) => onChange({ ...text, questions })}
        onAdd={onAddQuestion}
        onRemove={onRemoveQuestion}
        error={error}
      />
      {onRemoveLanguage ? (
        <>
          <Divider />
          <Group>
            <Button variant="subtle" color="red" c="red.9" onClick={onRemoveLanguage}>
              {t('editor.removeLanguage', { language: t(`languages.${lang}`) })}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
