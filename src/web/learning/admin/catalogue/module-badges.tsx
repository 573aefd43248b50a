import { Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import type { ModuleSummary } from '../types.js';

const originColor = { catalogue: 'blue', custom: 'teal', fork: 'grape' } as const;
// Orange fails contrast even in its darkest shade on a striped row, so drafts are indigo.
const statusColor = { draft: 'indigo', published: 'teal', archived: 'gray' } as const;

/** Where a module comes from: the shared catalogue, our own, or our copy of another. */
export function OriginBadge({ origin }: { origin: ModuleSummary['origin'] }) {
  const { t } = useTranslation('learningAdmin');
  return <StatusBadge color={originColor[origin]}>{t(`origins.${origin}`)}</StatusBadge>;
}

export function StatusBadgeOf({ status }: { status: ModuleSummary['status'] }) {
  const { t } = useTranslation('learningAdmin');
  return <StatusBadge color={statusColor[status]}>{t(`statuses.${status}`)}</StatusBadge>;
}

/** The languages a module is written in, each a badge whose label is read out in full. */
export function LanguageBadges({ languages }: { languages: ModuleSummary['languages'] }) {
  const { t } = useTranslation('learningAdmin');
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
