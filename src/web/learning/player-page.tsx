import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.js';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { useErrorText } from '../shell/use-report-error.js';
import { LessonView } from './lesson-view.js';
import { nextStep } from './progress.js';
import { QuestionCard, type Revealed } from './question-card.js';
import { CompletedPanel, ResultView } from './result-view.js';
import type { AnswerKind, FinishResult, PlayerState } from './types.js';
import { usePlayer } from './use-player.js';

/** Answers that mean "the server already moved on": reload its state instead of insisting. */
const staleCodes = new Set(['already_answered', 'attempt_finished', 'quiz_incomplete']);

/** /learning/:assignmentId: the lesson, the quiz, the missed questions again, then the result. */
export function PlayerPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation('learning');
  const player = usePlayer(assignmentId);
  const title = player.query.data?.module.title;
  usePageTitle(title ?? t('player.loading'), { raw: true });

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/learning" size="sm">
        {t('player.backToList')}
      </Anchor>
      {player.query.isPending && <PageLoader />}
      {player.query.isError && <LoadError error={player.query.error} onRetry={() => void player.query.refetch()} />}
      {player.query.data && <Player state={player.query.data} player={player} />}
    </Stack>
  );
}

type Player = ReturnType<typeof usePlayer>;

function Player({ state, player }: { state: PlayerState; player: Player }) {
  const { t } = useTranslation('learning');
  const errorText = useErrorText();
  const [revealed, setRevealed] = useState<{ questionId: string; kind: AnswerKind; heading: string; shown: Revealed } | null>(null);
  const [result, setResult] = useState<FinishResult | null>(null);
  const { start, move, answer, finish } = player;
  const error = start.error ?? move.error ?? answer.error ?? finish.error;
  const onError = (err: unknown) => {
    if (err instanceof ApiError && staleCodes.has(err.code)) {
      setRevealed(null);
      player.reload();
    }
  };
  const reset = () => {
    for (const m of [start, move, answer, finish]) m.reset();
  };
  const restart = () => {
    reset();
    setResult(null);
    setRevealed(null);
    start.mutate(undefined, { onError });
  };
  const doFinish = () => {
    reset();
    finish.mutate(undefined, { onSuccess: setResult, onError });
  };

  const { module, attempt } = state;
  let body: ReactNode;
  if (result) {
    body = <ResultView result={result} onRetry={restart} retrying={start.isPending} />;
  } else if (!attempt || (attempt.phase === 'done' && state.assignment.status === 'completed')) {
    body = <CompletedPanel assignment={state.assignment} onRestart={restart} restarting={start.isPending} />;
  } else {
    const step = nextStep(attempt, module.screens.length);
    const shownQuestion = revealed ? attempt.questions.find((q) => q.id === revealed.questionId) : undefined;
    if (revealed && shownQuestion) {
      const after = nextStep(attempt, module.screens.length);
      body = (
        <QuestionCard
          heading={revealed.heading}
          prompt={shownQuestion.prompt}
          choices={shownQuestion.choices}
          revealed={revealed.shown}
          pending={finish.isPending}
          onValidate={() => {}}
          nextLabel={after.kind === 'finish' ? t('player.seeResult') : t('question.next')}
          onNext={() => {
            setRevealed(null);
            if (after.kind === 'finish') doFinish();
          }}
        />
      );
    } else if (step.kind === 'lesson') {
      body = (
        <LessonView
          screens={module.screens}
          index={step.screen}
          pending={move.isPending}
          onMove={(screen) => {
            reset();
            move.mutate({ screen });
          }}
          onDone={() => {
            reset();
            move.mutate({ phase: 'quiz' });
          }}
          doneLabel={t('lesson.toQuiz')}
        />
      );
    } else if (step.kind === 'question') {
      const { question, answerKind } = step;
      const heading =
        answerKind === 'relearn' ? t('relearn.heading') : t('quiz.questionOf', { current: step.index + 1, total: step.total });
      body = (
        <QuestionCard
          heading={heading}
          kicker={
            answerKind === 'relearn' ? (
              <Text size="sm" c="dimmed">
                {t('relearn.intro', { current: step.index + 1, total: step.total })}
              </Text>
            ) : undefined
          }
          prompt={question.prompt}
          choices={question.choices}
          revealed={null}
          pending={answer.isPending}
          onValidate={(choiceIndex) => {
            reset();
            answer.mutate(
              { questionId: question.id, choiceIndex, kind: answerKind },
              {
                onSuccess: (r) =>
                  setRevealed({
                    questionId: question.id,
                    kind: answerKind,
                    heading,
                    shown: { correct: r.correct, choiceIndex, choices: r.choices },
                  }),
                onError,
              },
            );
          }}
          nextLabel={t('question.next')}
          onNext={() => {}}
        />
      );
    } else {
      body = (
        <Card withBorder padding="md">
          <Stack gap="sm" align="flex-start">
            <Text>{t('player.allAnswered')}</Text>
            <Button onClick={doFinish} loading={finish.isPending}>
              {t('player.seeResult')}
            </Button>
          </Stack>
        </Card>
      );
    }
  }

  return (
    <>
      <div>
        <Title order={1} size="h2">
          {module.title}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('card.duration', { count: module.durationMinutes })}
          {attempt && (attempt.phase === 'quiz' || attempt.phase === 'relearn') && attempt.questions.length > 0
            ? ` · ${t('player.answered', { answered: attempt.answers.filter((a) => a.kind === 'quiz').length, total: attempt.questions.length })}`
            : ''}
        </Text>
      </div>
      {error ? (
        <Alert color="red" variant="light" title={t('player.error')}>
          {errorText(error)}
        </Alert>
      ) : null}
      {body}
    </>
  );
}
