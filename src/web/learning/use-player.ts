import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { learnerApi, learnerKeys } from './endpoints.js';
import type { AnswerKind, AnswerResult, Attempt, FinishResult, GivenAnswer, PlayerState } from './types.js';

/**
 * Whether opening the player should start (or resume) an attempt: always, except for a module
 * already completed with no attempt open, which shows its result and lets the learner choose.
 */
export function needsAttempt(state: PlayerState): boolean {
  if (state.attempt && state.attempt.phase !== 'done') return false;
  return state.assignment.status !== 'completed';
}

/** The attempt after an answer: the server's progress, and the answer with its revealed choices. */
export function withAnswer(
  attempt: Attempt,
  given: { questionId: string; choiceIndex: number; kind: AnswerKind },
  result: AnswerResult,
): Attempt {
  const answer: GivenAnswer = { ...given, correct: result.correct, choices: result.choices };
  return { ...attempt, ...result.attempt, answers: [...attempt.answers, answer] };
}

async function loadPlayer(assignmentId: string): Promise<PlayerState> {
  const state = await api<PlayerState>(learnerApi.assignment(assignmentId));
  // POST is idempotent: it returns the open attempt, at its stored screen and phase.
  return needsAttempt(state) ? api<PlayerState>(learnerApi.attempts(assignmentId), { method: 'POST' }) : state;
}

/** The player's state and the moves that change it; every answer from the server replaces the cached state. */
export function usePlayer(assignmentId: string) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  // The module comes in the reader's language: switching language loads it again (same attempt).
  const key = [...learnerKeys.player(assignmentId), i18n.language];
  const query = useQuery({ queryKey: key, queryFn: () => loadPlayer(assignmentId), staleTime: Number.POSITIVE_INFINITY });
  const put = (state: PlayerState) => queryClient.setQueryData(key, state);
  // The lists (my learning, reviews, banner) change with each step; the player itself stays as stored here.
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: learnerKeys.summary });
    void queryClient.invalidateQueries({ queryKey: learnerKeys.reviews });
    void queryClient.invalidateQueries({ queryKey: learnerKeys.alerts });
  };
  const attemptId = () => {
    const id = queryClient.getQueryData<PlayerState>(key)?.attempt?.id;
    if (!id) throw new Error('no open attempt');
    return id;
  };

  const start = useMutation({
    mutationFn: () => api<PlayerState>(learnerApi.attempts(assignmentId), { method: 'POST' }),
    onSuccess: (state) => {
      put(state);
      refreshLists();
    },
  });
  const move = useMutation({
    mutationFn: (body: { screen: number } | { phase: 'quiz' }) =>
      api<PlayerState>(learnerApi.attempt(attemptId()), { method: 'PATCH', body }),
    onSuccess: put,
  });
  const answer = useMutation({
    mutationFn: (body: { questionId: string; choiceIndex: number; kind: AnswerKind }) =>
      api<AnswerResult>(learnerApi.answers(attemptId()), { body }),
    // The result carries the attempt's progress only: the answer itself is added to the cached attempt.
    onSuccess: (result, body) => {
      const state = queryClient.getQueryData<PlayerState>(key);
      if (state?.attempt) put({ ...state, attempt: withAnswer(state.attempt, body, result) });
    },
  });
  const finish = useMutation({
    mutationFn: () => api<FinishResult>(learnerApi.finish(attemptId()), { method: 'POST' }),
    onSuccess: (result) => {
      const state = queryClient.getQueryData<PlayerState>(key);
      if (state)
        put({
          ...state,
          assignment: result.assignment,
          attempt: state.attempt ? { ...state.attempt, phase: 'done', score: result.score } : null,
        });
      refreshLists();
    },
  });
  /** After a conflict (answered in another tab, attempt finished elsewhere): reload what the server has. */
  const reload = () => void queryClient.invalidateQueries({ queryKey: key });

  return { query, start, move, answer, finish, reload };
}
