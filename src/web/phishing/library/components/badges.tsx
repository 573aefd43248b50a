import { Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import type { Difficulty, Language, Origin } from '../types.js';

const originColor: Record<Origin, string> = { catalogue: 'blue', custom: 'teal', fork: 'grape', import: 'indigo' };
const difficultyColor: Record<Difficulty, string> = {
  'least-difficult': 'teal',
  'moderately-difficult': 'indigo',
  'very-difficult': 'red',
};

export function OriginBadge({ origin }: { origin: Origin }) {
  const { t } = useTranslation('phishingLibrary');
  return <StatusBadge color={originColor[origin]}>{t(`origins.${origin}`)}</StatusBadge>;
}

/** NIST Phish Scale rating: how hard the email is to recognise. */
export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  const { t } = useTranslation('phishingLibrary');
  return <StatusBadge color={difficultyColor[difficulty]}>{t(`difficulties.${difficulty}`)}</StatusBadge>;
}

export function ArchivedBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation('phishingLibrary');
  return archived ? <StatusBadge color="gray">{t('common.archived')}</StatusBadge> : null;
}

/** Languages as short badges whose full name is read out. */
export function LanguageBadges({ languages }: { languages: Language[] }) {
  const { t } = useTranslation('phishingLibrary');
  return (
    <Group gap={4} wrap="nowrap">
      {languages.map((l) => (
        <StatusBadge key={l} color="dark">
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <VisuallyHidden>{t(`languages.${l}`)}</VisuallyHidden>
        </StatusBadge>
      ))}
    </Group>
  );
}
