import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criticality, Tier } from '../types.js';

// A light tint carries the tier; the text stays in the body colour so it reads above 4.5:1 on every tint and theme.
const colors: Record<Tier, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'gray' };

/** The tier that counts; when the user overrode it, the computed tier and the reason are shown too. */
export function TierBadge({ criticality, withReason = false }: { criticality: Criticality; withReason?: boolean }) {
  const { t } = useTranslation('suppliersRegister');
  const overridden = criticality.override !== null;
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Badge color={colors[criticality.effective]} variant="light" c="var(--mantine-color-text)">
        {t('tier.badge', { tier: criticality.effective })}
      </Badge>
      {overridden ? (
        <Text size="xs" c="dimmed" title={criticality.reason ?? undefined}>
          {t('tier.overridden', { computed: criticality.computed })}
          {withReason && criticality.reason ? ` — ${criticality.reason}` : ''}
        </Text>
      ) : null}
    </Group>
  );
}
