import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PublicFrame } from '../shell/public-frame.js';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { publicApi as paths } from './endpoints.js';
import { publicApi } from './public-api.js';
import { PublicReader } from './public-reader.js';
import type { PublicPage } from './types.js';

/**
 * /sensibilisation/:slug: an establishment's advice for its patients, without an account. The
 * chosen module is in the address (?module=…) so a QR code or a shared link can open it directly.
 */
export function PatientPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation('learning');
  const [search] = useSearchParams();
  const moduleId = search.get('module');
  const page = useQuery({
    queryKey: ['learning', 'public', slug, i18n.language],
    queryFn: () => publicApi<PublicPage>(paths.page(slug)),
  });
  const name = page.data?.organization.name;
  usePageTitle(name ? t('public.titleFor', { name }) : t('public.title'), { raw: true });

  return (
    <PublicFrame width={760}>
      <Stack gap="lg">
        {page.isPending && <PageLoader />}
        {page.isError && <LoadError error={page.error} onRetry={() => void page.refetch()} />}
        {page.data && (
          <>
            <div>
              <Text size="sm" c="dimmed">
                {page.data.organization.name}
              </Text>
              <Title order={1}>{t('public.title')}</Title>
              {!moduleId && (
                <Text mt="xs" c="dimmed">
                  {t('public.intro')}
                </Text>
              )}
            </div>
            {moduleId ? (
              <>
                <Anchor component={Link} to={{ search: '' }} size="sm">
                  {t('public.backToList')}
                </Anchor>
                <PublicReader key={`${moduleId}-${i18n.language}`} slug={slug} moduleId={moduleId} />
              </>
            ) : page.data.modules.length === 0 ? (
              <Text>{t('public.empty')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {page.data.modules.map((m) => (
                  <li key={m.id}>
                    <Card withBorder padding="md" h="100%">
                      <Stack gap="xs" h="100%">
                        <Title order={2} size="h4">
                          {m.title}
                        </Title>
                        <Text size="sm">{m.summary}</Text>
                        <Text size="sm" c="dimmed">
                          {t('card.duration', { count: m.durationMinutes })}
                        </Text>
                        <Button component={Link} to={`?module=${encodeURIComponent(m.id)}`} mt="auto" style={{ alignSelf: 'flex-start' }}>
                          {t('public.read')}
                          <VisuallyHidden>{`, ${m.title}`}</VisuallyHidden>
                        </Button>
                      </Stack>
                    </Card>
                  </li>
                ))}
              </SimpleGrid>
            )}
          </>
        )}
      </Stack>
    </PublicFrame>
  );
}
