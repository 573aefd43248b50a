import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

const explained = ['stimulus_delivered', 'stimulus_skipped', 'exercise_started', 'exercise_closed', 'cell_exists', 'already_participant'];

/** What a 409 means for the person preparing: the server says what failed, this says why and what to do instead. */
export function ConflictHint({ error }: { error: unknown }) {
  const { t } = useTranslation('exercises');
  if (!(error instanceof ApiError) || error.status !== 409 || !explained.includes(error.code)) return null;
  return (
    <Text size="sm" mt={4}>
      {t(`conflicts.${error.code}`)}
    </Text>
  );
}
