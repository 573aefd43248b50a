import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { learnerApi, learnerKeys } from './endpoints.js';
import type { MyLearning } from './types.js';

/** GET /api/learning/me: the learner's modules, banner alerts, reviews and totals. */
export function useMyLearning(enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: [...learnerKeys.summary, i18n.language], queryFn: () => api<MyLearning>(learnerApi.me), enabled });
}
