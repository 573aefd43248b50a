import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PublicFrame } from './public-frame.js';
import { usePageTitle } from './title.js';

/** Shown for an address that leads nowhere, inside the signed-in frame. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle('notFound.title');
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Group>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The router's error boundary: a page crashed or a route failed to load. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle('errorPage.title');
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const detail = error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : '';
  return (
    <PublicFrame width={640}>
      <Stack gap="md">
        <Title order={1}>{notFound ? t('notFound.title') : t('errorPage.title')}</Title>
        <Text>{notFound ? t('notFound.body') : t('errorPage.body')}</Text>
        {detail && !notFound && (
          <Text size="sm" c="dimmed">
            {t('errorPage.detail')} <Code>{detail}</Code>
          </Text>
        )}
        <Group>
          <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
          <Button variant="outline" component="a" href="/">
            {t('notFound.home')}
          </Button>
        </Group>
      </Stack>
    </PublicFrame>
  );
}
