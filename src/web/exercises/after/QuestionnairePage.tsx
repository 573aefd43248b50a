import { Button, Card, Checkbox, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { api } from '../../api.js';
import { DebriefForm } from './AfterPage.js';
import { afterApi } from './api.js';

/** For players after the end: their cell's hot debrief (with `?cell=`), then the lessons-learned questionnaire. Phone first. */
export function QuestionnairePage() {
  const { t } = useTranslation('exercises');
  const { exerciseId = '' } = useParams();
  const [params] = useSearchParams();
  const cellId = params.get('cell');
  const [lesson, setLesson] = useState('');
  const [wentWell, setWentWell] = useState('');
  const [realism, setRealism] = useState<number | string>('');
  const [usefulness, setUsefulness] = useState<number | string>('');
  const [anonymous, setAnonymous] = useState(true);
  const send = useMutation({
    mutationFn: () =>
      api<void>(afterApi.myLessons(exerciseId), {
        body: {
          lesson,
          anonymous,
          ...(wentWell.trim() ? { wentWell } : {}),
          ...(typeof realism === 'number' ? { realism } : {}),
          ...(typeof usefulness === 'number' ? { usefulness } : {}),
        },
      }),
    onSuccess: () => {
      setLesson('');
      setWentWell('');
    },
  });
  return (
    <>
      <PageHeader title={t('after.questionnaire.title')} description={t('after.questionnaire.description')} />
      <Stack maw={640}>
        {cellId ? (
          <DebriefForm
            cell={{ id: cellId, name: t('after.questionnaire.myCell') }}
            current={undefined}
            disabled={false}
            save={(body) => api<undefined>(afterApi.myDebrief(exerciseId, cellId), { method: 'PUT', body })}
          />
        ) : null}
        <Card
          withBorder
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('after.questionnaire.lesson')}
              description={t('after.questionnaire.lessonHint')}
              value={lesson}
              onChange={(e) => setLesson(e.currentTarget.value)}
              required
              autosize
              minRows={3}
            />
            <Textarea
              label={t('after.wentWell')}
              value={wentWell}
              onChange={(e) => setWentWell(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group grow>
              <NumberInput label={t('after.questionnaire.realism')} min={1} max={5} value={realism} onChange={setRealism} />
              <NumberInput label={t('after.questionnaire.usefulness')} min={1} max={5} value={usefulness} onChange={setUsefulness} />
            </Group>
            <Checkbox
              label={t('after.questionnaire.anonymous')}
              description={t('after.questionnaire.anonymousHint')}
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />
            {send.error ? <ErrorAlert error={send.error} /> : null}
            {send.isSuccess ? (
              <Text fw={500} role="status">
                {t('after.questionnaire.thanks')}
              </Text>
            ) : null}
            <Group>
              <Button type="submit" loading={send.isPending}>
                {t('after.questionnaire.send')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
