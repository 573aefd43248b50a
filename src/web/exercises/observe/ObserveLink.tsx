import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyExercise } from '../types.js';
import { observePath } from './observe-api.js';

/** For "my exercises": an observer or animator placed on a started exercise opens the grid without a role on its owner. */
export function ObserveLink({ exercise }: { exercise: MyExercise }) {
  const { t } = useTranslation('exercises');
  if (exercise.cell || exercise.status === 'draft' || !['observer', 'animator'].includes(exercise.function)) return null;
  return (
    <Button component={Link} to={observePath(exercise.id)} variant="light">
      {t('observe.open')}
    </Button>
  );
}
