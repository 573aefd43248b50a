import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './language-switch.js';

/** The frame of the pages seen before signing in: a light header, one centred column. */
export function PublicFrame({ children, width = 460 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} size="lg" c="rempart.8" underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} size={width} px="md" py="xl">
        {children}
      </Container>
      <Box component="footer" px="md" py="md">
        <Text size="sm" c="dimmed" ta="center">
          {t('app.tagline')}
        </Text>
      </Box>
    </>
  );
}
