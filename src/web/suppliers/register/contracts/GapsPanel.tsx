import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { registerApi, registerKeys } from '../endpoints.js';
import type { ContractGaps } from '../types.js';
import { ModelClauseView } from './ModelClauseView.js';

/** What the contract lacks given what the provider handles, each gap with the model clause to add. */
export function GapsPanel({ orgId, contractId }: { orgId: string; contractId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const gaps = useQuery({
    queryKey: [...registerKeys.contract(orgId, contractId), 'gaps'],
    queryFn: () => api<ContractGaps>(registerApi.contractAction(orgId, contractId, 'gaps')),
  });
  return (
    <section aria-labelledby="gaps-heading">
      <Title id="gaps-heading" order={2} size="h3" mb="sm">
        {t('gaps.title')}
      </Title>
      {gaps.error ? <ErrorAlert error={gaps.error} /> : null}
      {gaps.data && gaps.data.gaps.length === 0 ? (
        <Callout color="green" title={t('gaps.noneTitle')}>
          {t('gaps.none')}
        </Callout>
      ) : null}
      {gaps.data && gaps.data.gaps.length > 0 ? (
        <>
          <Text size="sm" mb="sm" aria-live="polite">
            {t('gaps.count', { count: gaps.data.gaps.length })}
          </Text>
          <List spacing="md" listStyleType="none" aria-label={t('gaps.title')}>
            {gaps.data.gaps.map((g) => (
              <List.Item key={g.key}>
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={600}>{t(`clauseKeys.${g.key}`)}</Text>
                    <Badge color="orange" variant="light" c="var(--mantine-color-text)">
                      {t(`gaps.reasons.${g.reason}`)}
                    </Badge>
                  </Group>
                  {g.model ? <ModelClauseView model={g.model} /> : null}
                </Stack>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </section>
  );
}
