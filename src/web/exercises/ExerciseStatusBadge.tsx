import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../admin/components/StatusBadge.js';
import type { ExerciseStatus } from './types.js';

const colors: Record<ExerciseStatus, string> = { draft: 'gray', running: 'green', paused: 'orange', ended: 'blue', closed: 'dark' };

export function ExerciseStatusBadge({ status }: { status: ExerciseStatus }) {
  const { t } = useTranslation('exercises');
  return <StatusBadge color={colors[status]}>{t(`statuses.${status}`)}</StatusBadge>;
}
