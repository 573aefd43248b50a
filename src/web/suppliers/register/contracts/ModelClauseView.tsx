import { Button, CopyButton, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModelClause } from '../types.js';
import { textIn } from './use-contract-data.js';

/** A model clause's text, to read and copy into the contract ([brackets] are values to adapt). */
export function ModelClauseView({ model }: { model: ModelClause }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const text = textIn(model.text, i18n.language);
  const title = textIn(model.title, i18n.language);
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          {t('clauses.modelTitle', { title })}
        </Text>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy} aria-label={t('clauses.copyNamed', { title })}>
              {copied ? t('clauses.copied') : t('clauses.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('clauses.modelBasis', { basis: model.basis, version: model.version, date: model.lastReviewed })}
      </Text>
    </Paper>
  );
}
