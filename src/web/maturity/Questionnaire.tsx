import { Anchor, Button, Group, List, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { api } from '../api.js';
import { maturityApi, maturityKeys } from './endpoints.js';
import { belowHeader, QuestionCard, type SaveState } from './QuestionCard.js';
import { inLanguage, missingQuestions, progressOf, themeSteps, visibleQuestionIds, withAnswer } from './questionnaire.js';
import type { Answers, AnswerValue, Diagnostic, Question, Referential } from './types.js';

interface Props {
  orgId: string;
  diagnostic: Diagnostic;
  referential: Referential;
  readOnly: boolean;
}

/**
 * The draft, one theme per step. Every answer is saved as soon as it is given (requests go out one
 * after the other, so the last click wins); the page keeps its own copy of the answers so a slow
 * network never makes a ticked box jump back.
 */
export function Questionnaire({ orgId, diagnostic, referential, readOnly }: Props) {
  const { t, i18n } = useTranslation('maturity');
  const lang = i18n.language;
  const client = useQueryClient();
  const key = maturityKeys.one(orgId, diagnostic.id);
  const questions = referential.questions;
  const steps = themeSteps(referential);
  const [answers, setAnswers] = useState<Answers>(diagnostic.answers);
  const [provenance, setProvenance] = useState(diagnostic.provenance);
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [completing, setCompleting] = useState(false);
  // Coming back to a draft opens the first theme still waiting for an answer (the summary when none is).
  const [step, setStepState] = useState(() => {
    const next = missingQuestions(questions, diagnostic.answers)[0];
    if (next)
      return Math.max(
        0,
        steps.findIndex((s) => s.theme.id === next.themeId),
      );
    return Object.keys(diagnostic.answers).length > 0 ? steps.length : 0;
  });
  // Each move to another step puts the focus on its heading (or on the question asked for), as a new page would.
  const [moves, setMoves] = useState(0);
  const focusTarget = useRef<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (moves === 0) return;
    const target = focusTarget.current ? document.getElementById(`q-${focusTarget.current}`) : headingRef.current;
    focusTarget.current = null;
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  }, [moves]);
  const setStep = (next: number, question: string | null = null) => {
    focusTarget.current = question;
    setStepState(next);
    setMoves((m) => m + 1);
  };

  const change = (q: Question, value: AnswerValue | null) => {
    setAnswers((current) => withAnswer(questions, current, q.id, value));
    setSaveStates((s) => ({ ...s, [q.id]: 'saving' }));
    const body = { answers: { [q.id]: value === null || (Array.isArray(value) && value.length === 0) ? null : value } };
    queue.current = queue.current.then(async () => {
      try {
        const saved = await api<Diagnostic>(maturityApi.diagnostic(orgId, diagnostic.id), { method: 'PATCH', body });
        setProvenance(saved.provenance);
        setSaveError(null);
        setSaveStates((s) => ({ ...s, [q.id]: 'saved' }));
        client.setQueryData(key, saved);
      } catch (e) {
        // The server refused or the network failed: show what is really stored.
        setSaveError(e);
        setSaveStates((s) => ({ ...s, [q.id]: 'error' }));
        const stored = await api<Diagnostic>(maturityApi.diagnostic(orgId, diagnostic.id)).catch(() => null);
        if (stored) setAnswers(stored.answers);
      }
    });
  };

  const complete = async () => {
    setCompleting(true);
    setCompleteError(null);
    try {
      await queue.current;
      const done = await api<Diagnostic>(maturityApi.complete(orgId, diagnostic.id), { method: 'POST' });
      client.setQueryData(key, done);
      void client.invalidateQueries({ queryKey: maturityKeys.all(orgId) });
      window.scrollTo({ top: 0 });
    } catch (e) {
      setCompleteError(e);
    } finally {
      setCompleting(false);
    }
  };

  const visible = visibleQuestionIds(questions, answers);
  const progress = progressOf(questions, answers);
  const missing = missingQuestions(questions, answers);
  const onSummary = step >= steps.length;
  const current = steps[Math.min(step, steps.length - 1)];
  const goToQuestion = (q: Question) => {
    setStep(
      steps.findIndex((s) => s.theme.id === q.themeId),
      q.id,
    );
  };
  const stepChoices = [
    ...steps.map((s, i) => ({ value: String(i), label: `${i + 1}. ${inLanguage(s.theme.title, lang)}` })),
    { value: String(steps.length), label: t('questionnaire.summary') },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {onSummary ? t('questionnaire.summary') : t('questionnaire.step', { n: step + 1, total: steps.length })}
          </Text>
          <Text size="sm">{t('questionnaire.progress', { answered: progress.answered, asked: progress.asked })}</Text>
        </Group>
        <Progress
          mt="xs"
          value={progress.asked ? (100 * progress.answered) / progress.asked : 0}
          aria-label={t('questionnaire.progress', { answered: progress.answered, asked: progress.asked })}
        />
        <NativeSelect
          mt="xs"
          size="xs"
          label={t('questionnaire.goTo')}
          value={String(step)}
          onChange={(e) => setStep(Number(e.currentTarget.value))}
          data={stepChoices}
        />
      </Paper>
      <ErrorAlert error={saveError} title={t('questionnaire.saveFailed')} />
      {onSummary || !current ? (
        <Paper withBorder p="md" component="section" aria-labelledby="maturity-summary">
          <Title order={2} size="h3" id="maturity-summary" ref={headingRef} tabIndex={-1} mb="sm" style={belowHeader}>
            {t('questionnaire.summary')}
          </Title>
          {missing.length === 0 ? (
            <Text>{t('questionnaire.allAnswered')}</Text>
          ) : (
            <>
              <Text mb="xs">{t('questionnaire.missing', { count: missing.length })}</Text>
              <List spacing={4}>
                {missing.map((q) => (
                  <List.Item key={q.id}>
                    <Anchor component="button" type="button" onClick={() => goToQuestion(q)} ta="left">
                      {inLanguage(q.text, lang)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <ErrorAlert error={completeError} />
          {readOnly ? (
            <Text size="sm" c="dimmed" mt="md">
              {t('questionnaire.readOnly')}
            </Text>
          ) : (
            <Button mt="md" onClick={() => void complete()} loading={completing}>
              {t('questionnaire.complete')}
            </Button>
          )}
        </Paper>
      ) : (
        <section aria-labelledby="maturity-step">
          <Title order={2} size="h3" id="maturity-step" ref={headingRef} tabIndex={-1} mb="sm" style={belowHeader}>
            {inLanguage(current.theme.title, lang)}
          </Title>
          <Stack gap="sm">
            {current.questions
              .filter((q) => visible.has(q.id))
              .map((q) => (
                <QuestionCard
                  key={q.id}
                  question={q}
                  value={answers[q.id]}
                  provenance={provenance[q.id]}
                  saveState={saveStates[q.id]}
                  readOnly={readOnly}
                  nested={q.parentId !== undefined}
                  onChange={(v) => change(q, v)}
                />
              ))}
          </Stack>
        </section>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
          {t('questionnaire.previous')}
        </Button>
        {onSummary ? null : (
          <Button onClick={() => setStep(step + 1)}>
            {step === steps.length - 1 ? t('questionnaire.toSummary') : t('questionnaire.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
