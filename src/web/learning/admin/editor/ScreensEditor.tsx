import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../markdown-view.js';
import { insertSnippet } from '../media.js';
import { moveItem } from '../module-form.js';
import type { Language, ModuleText } from '../types.js';
import { InsertImageButton } from './InsertImageButton.js';

type Screens = ModuleText['screens'];

let keySeq = 0;
const newKey = () => `screen-${++keySeq}`;

interface Props {
  orgId: string;
  lang: Language;
  screens: Screens;
  onChange: (screens: Screens) => void;
  error: (path: string) => string | undefined;
}

/** The lesson's screens: each a title and Markdown, with its live preview beside it. */
export function ScreensEditor({ orgId, lang, screens, onChange, error }: Props) {
  const { t } = useTranslation('learningAdmin');
  const set = (i: number, patch: Partial<Screens[number]>) => onChange(screens.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  // Stable keys that follow the screens when they move, so focus and the text cursor stay with their screen.
  const [keys, setKeys] = useState(() => screens.map(() => newKey()));
  const shown = keys.length === screens.length ? keys : screens.map((_, i) => keys[i] ?? newKey());
  if (shown !== keys) setKeys(shown);
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('editor.screens')}
      </Title>
      {error(`texts.${lang}.screens`) ? (
        <Text c="red.9" size="sm" role="alert">
          {error(`texts.${lang}.screens`)}
        </Text>
      ) : null}
      {screens.map((s, i) => (
        <ScreenCard
          key={shown[i]}
          orgId={orgId}
          lang={lang}
          index={i}
          count={screens.length}
          screen={s}
          onChange={(patch) => set(i, patch)}
          onMove={(to) => {
            setKeys(moveItem(shown, i, to));
            onChange(moveItem(screens, i, to));
          }}
          onRemove={() => {
            setKeys(shown.filter((_, j) => j !== i));
            onChange(screens.filter((_, j) => j !== i));
          }}
          error={error}
        />
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => {
            setKeys([...shown, newKey()]);
            onChange([...screens, { title: '', body: '' }]);
          }}
        >
          {t('editor.addScreen')}
        </Button>
      </Group>
    </Stack>
  );
}

interface CardProps {
  orgId: string;
  lang: Language;
  index: number;
  count: number;
  screen: Screens[number];
  onChange: (patch: Partial<Screens[number]>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  error: (path: string) => string | undefined;
}

function ScreenCard({ orgId, lang, index: i, count, screen, onChange, onMove, onRemove, error }: CardProps) {
  const { t } = useTranslation('learningAdmin');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where the author last left the cursor; an image goes at the end of a text never clicked into.
  const selection = useRef<{ start: number; end: number } | null>(null);
  const n = i + 1;
  const path = `texts.${lang}.screens.${i}`;
  const insert = (snippet: string) => {
    const el = bodyRef.current;
    const start = selection.current?.start ?? screen.body.length;
    const end = selection.current?.end ?? screen.body.length;
    const next = insertSnippet(screen.body, start, end, snippet);
    onChange({ body: next.text });
    // Back to the text, just after the image, once React has written it.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
      selection.current = { start: next.cursor, end: next.cursor };
    });
  };
  return (
    <Card withBorder component="section" aria-label={t('editor.screenN', { n })}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('editor.screenN', { n })}</Text>
        <Group gap={4}>
          <ActionIcon variant="default" onClick={() => onMove(i - 1)} disabled={i === 0} aria-label={t('editor.moveUp', { n })}>
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon variant="default" onClick={() => onMove(i + 1)} disabled={i === count - 1} aria-label={t('editor.moveDown', { n })}>
            <span aria-hidden="true">↓</span>
          </ActionIcon>
          <Button size="xs" variant="subtle" {...(count > 1 ? { color: 'red', c: 'red.9' } : {})} onClick={onRemove} disabled={count <= 1}>
            {t('editor.removeScreen', { n })}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <TextInput
            label={t('editor.screenTitle')}
            required
            value={screen.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
            error={error(`${path}.title`)}
          />
          <Textarea
            ref={bodyRef}
            label={t('editor.screenBody')}
            description={t('editor.markdownHint')}
            autosize
            minRows={6}
            maxRows={20}
            value={screen.body}
            onChange={(e) => onChange({ body: e.currentTarget.value })}
            onSelect={(e) => {
              selection.current = { start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd };
            }}
            error={error(`${path}.body`)}
            styles={{ input: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } }}
          />
          <Group>
            <InsertImageButton orgId={orgId} onInsert={insert} label={t('editor.insertImage')} />
          </Group>
        </Stack>
        <Card withBorder bg="var(--mantine-color-body)" role="region" aria-label={t('editor.previewOf', { n })} lang={lang}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4} aria-hidden="true">
            {t('editor.preview')}
          </Text>
          <Title order={4} size="h5">
            {screen.title || t('editor.untitled')}
          </Title>
          <Typography>
            <Markdown source={screen.body} />
          </Typography>
        </Card>
      </SimpleGrid>
    </Card>
  );
}
