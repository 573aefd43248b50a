import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../shell/status.js';
import { publicApi as paths } from './endpoints.js';
import { LessonView } from './lesson-view.js';
import { selfCheckScore } from './progress.js';
import { publicApi } from './public-api.js';
import { QuestionCard, type Revealed } from './question-card.js';
import type { PublicModule } from './types.js';

/** Counts only (per day and module): a failed count never bothers the reader. */
function count(slug: string, moduleId: string, kind: 'view' | 'completed'): void {
  publicApi<void>(paths.events(slug, moduleId), { kind }).catch(() => {});
}

/** A patient module: the lesson, then a self-check whose answers are checked here, in the browser. */
export function PublicReader({ slug, moduleId }: { slug: string; moduleId: string }) {
  const { t, i18n } = useTranslation('learning');
  const mod = useQuery({
    queryKey: ['learning', 'public', slug, 'module', moduleId, i18n.language],
    queryFn: () => publicApi<PublicModule>(paths.module(slug, moduleId)),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [screen, setScreen] = useState(0);
  const [stage, setStage] = useState<'lesson' | 'check' | 'end'>('lesson');
  const [question, setQuestion] = useState(0);
  const [shown, setShown] = useState<Revealed | null>(null);
  const [results, setResults] = useState<boolean[]>([]);
  const viewed = useRef(false);
  const endRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (mod.data && !viewed.current) {
      viewed.current = true;
      count(slug, moduleId, 'view');
    }
  }, [mod.data, slug, moduleId]);

  useEffect(() => {
    if (stage !== 'end') return;
    count(slug, moduleId, 'completed');
    endRef.current?.focus();
  }, [stage, slug, moduleId]);

  if (mod.isPending) return <PageLoader />;
  if (mod.isError) return <LoadError error={mod.error} onRetry={() => void mod.refetch()} />;
  const m = mod.data;
  const q = m.questions[question];

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{m.title}</Title>
        {m.summary && (
          <Text c="dimmed" mt={4}>
            {m.summary}
          </Text>
        )}
      </div>
      {stage === 'lesson' && (
        <LessonView
          screens={m.screens}
          index={screen}
          pending={false}
          onMove={setScreen}
          onDone={() => setStage(m.questions.length > 0 ? 'check' : 'end')}
          doneLabel={m.questions.length > 0 ? t('public.toCheck') : t('public.finish')}
        />
      )}
      {stage === 'check' && q && (
        <QuestionCard
          heading={t('public.checkOf', { current: question + 1, total: m.questions.length })}
          prompt={q.prompt}
          choices={q.choices}
          revealed={shown}
          onValidate={(choiceIndex) => {
            const correct = q.choices[choiceIndex]?.correct === true;
            setResults((r) => [...r, correct]);
            setShown({ correct, choiceIndex, choices: q.choices });
          }}
          nextLabel={question + 1 < m.questions.length ? t('question.next') : t('public.seeResult')}
          onNext={() => {
            setShown(null);
            if (question + 1 < m.questions.length) setQuestion(question + 1);
            else setStage('end');
          }}
        />
      )}
      {stage === 'end' && (
        <Card withBorder padding="md" component="section" aria-labelledby="public-end-title">
          <Stack gap="sm">
            <Title order={3} id="public-end-title" ref={endRef} tabIndex={-1}>
              {t('public.endTitle')}
            </Title>
            {results.length > 0 && (
              <Alert
                color="teal"
                variant="light"
                title={t('public.score', { right: results.filter(Boolean).length, total: results.length })}
              >
                {selfCheckScore(results) >= 70 ? t('public.good') : t('public.again')}
              </Alert>
            )}
            <Group gap="sm">
              <Button component={Link} to={{ search: '' }}>
                {t('public.otherModules')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setScreen(0);
                  setQuestion(0);
                  setResults([]);
                  setStage('lesson');
                }}
              >
                {t('public.readAgain')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
