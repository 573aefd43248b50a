import { Box, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../types.js';
import { jsonDiff } from './jsonDiff.js';

const colors = { '-': 'var(--mantine-color-red-light)', '+': 'var(--mantine-color-green-light)', ' ': 'transparent' } as const;

/** Before and after of one audited change, as a monospace diff-like listing. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const lines = jsonDiff(entry.before, entry.after);
  return (
    <Box>
      <Text size="xs" c="dimmed" mb={4}>
        {t('audit.diffLegend')}
        {entry.entityId ? ` · ${t('audit.fields.entityId')} ${entry.entityId}` : ''}
        {entry.ip ? ` · ${t('audit.fields.ip')} ${entry.ip}` : ''}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm">{t('audit.noDetail')}</Text>
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed listing
            <span key={i} style={{ display: 'block', background: colors[l.sign] }}>
              {`${l.sign} ${l.text}`}
            </span>
          ))}
        </Code>
      )}
    </Box>
  );
}
