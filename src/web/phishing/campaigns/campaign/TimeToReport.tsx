import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bucketBars, formatCount, reportBuckets } from '../display.js';

/** How fast people reported the email: six bars (within 5 min, 15 min, 1 h, 4 h, 24 h, later), also readable as text. */
export function TimeToReport({ buckets, medianBucket }: { buckets: number[]; medianBucket: number | null }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const bars = bucketBars(buckets);
  const total = buckets.reduce((s, n) => s + n, 0);
  return (
    <section aria-labelledby="ttr-heading">
      <Title id="ttr-heading" order={2} size="h4" mb={4}>
        {t('results.ttr.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {total === 0
          ? t('results.ttr.none')
          : medianBucket !== null
            ? t('results.ttr.median', { bucket: t(`results.ttr.buckets.${reportBuckets[medianBucket] ?? 'later'}`) })
            : ''}
      </Text>
      <Stack gap={6} role="list" aria-label={t('results.ttr.title')}>
        {reportBuckets.map((b, i) => (
          <Group key={b} gap="sm" wrap="nowrap" role="listitem">
            <Text size="sm" w={150} style={{ flexShrink: 0 }}>
              {t(`results.ttr.buckets.${b}`)}
            </Text>
            <Box style={{ flex: 1, maxWidth: 420 }} aria-hidden="true">
              <Box
                h={14}
                w={`${Math.max(bars[i] ?? 0, (buckets[i] ?? 0) > 0 ? 2 : 0)}%`}
                bg={i === medianBucket ? 'var(--mantine-color-teal-8)' : 'var(--mantine-color-rempart-6, #2a6db0)'}
                style={{ borderRadius: 3 }}
              />
            </Box>
            <Text size="sm" w={60} ta="right">
              {formatCount(buckets[i] ?? 0, i18n.language)}
            </Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
