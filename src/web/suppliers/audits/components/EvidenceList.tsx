import { Anchor, Button, Group, List, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../admin/components/format.js';
import { formatSize } from '../answer-logic.js';
import type { Evidence } from '../types.js';

interface Props {
  items: readonly Evidence[];
  hrefOf: (e: Evidence) => string;
  /** Present while files may still be removed (open audit, provider side). */
  onDelete?: ((e: Evidence) => void) | undefined;
}

/** Files attached to an audit or a question, each downloadable (the server sends it as an attachment). */
export function EvidenceList({ items, hrefOf, onDelete }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('evidence.none')}
      </Text>
    );
  return (
    <List spacing={4} size="sm">
      {items.map((e) => (
        <List.Item key={e.id}>
          <Group gap="xs" wrap="wrap">
            <Anchor href={hrefOf(e)} download={e.fileName}>
              {e.fileName}
              <VisuallyHidden>{`, ${t('evidence.download')}`}</VisuallyHidden>
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatSize(e.size, i18n.language)} · {formatDateTime(e.uploadedAt, i18n.language)}
            </Text>
            {onDelete ? (
              <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => onDelete(e)}>
                {t('evidence.delete')}
                <VisuallyHidden>{`, ${e.fileName}`}</VisuallyHidden>
              </Button>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
