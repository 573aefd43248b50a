import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { observePath } from '../observe/observe-api.js';
import type { ExerciseStatus, Owner } from '../types.js';
import { consolePath } from './console-api.js';

/**
 * The exercise page's way into live play: the console for those who animate (from the draft on,
 * since it is where the exercise starts), the observation grid for everyone who reads the exercise.
 */
export function ConsoleLinks({
  owner,
  exerciseId,
  status,
  manages,
}: {
  owner: Owner;
  exerciseId: string;
  status: ExerciseStatus;
  manages: boolean;
}) {
  const { t } = useTranslation('exercises');
  return (
    <>
      {manages ? (
        <Button
          component={Link}
          to={consolePath(owner, exerciseId)}
          variant={status === 'running' || status === 'paused' ? 'filled' : 'light'}
        >
          {t('console.open')}
        </Button>
      ) : null}
      {status !== 'draft' ? (
        <Button component={Link} to={observePath(exerciseId, owner)} variant="default">
          {t('console.observe')}
        </Button>
      ) : null}
    </>
  );
}
