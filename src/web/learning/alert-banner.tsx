import { Alert, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import { useErrorText } from '../shell/use-report-error.js';
import { learnerApi, learnerKeys } from './endpoints.js';
import type { AlertBanner as Banner } from './types.js';

/**
 * Flash alerts at the top of every signed-in page until the person says they have read them.
 * Polled every minute and on returning to the tab, so a new threat shows up without a reload.
 * Only for accounts linked to a person (the only ones who receive alerts).
 */
export function AlertBanner({ personId }: { personId: string | null }) {
  const { i18n } = useTranslation();
  const alerts = useQuery({
    queryKey: [...learnerKeys.alerts, i18n.language],
    queryFn: () => api<Banner[]>(learnerApi.alerts),
    enabled: Boolean(personId),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  if (!alerts.data || alerts.data.length === 0) return null;
  return (
    <Stack gap="sm" mb="md" data-testid="flash-alert-banner">
      {alerts.data.map((a) => (
        <FlashAlert key={a.id} alert={a} />
      ))}
    </Stack>
  );
}

function FlashAlert({ alert }: { alert: Banner }) {
  const { t } = useTranslation('learning');
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ack = useMutation({
    mutationFn: () => api<void>(learnerApi.ack(alert.id), { method: 'POST' }),
    onSuccess: () => {
      queryClient.setQueriesData<Banner[]>({ queryKey: learnerKeys.alerts }, (list) => list?.filter((a) => a.id !== alert.id));
      void queryClient.invalidateQueries({ queryKey: learnerKeys.summary });
    },
  });
  return (
    <Alert color="red" variant="light" role="alert" title={`${t('alerts.kicker')} ${alert.title}`}>
      <Stack gap="xs">
        <Text size="sm">{alert.summary}</Text>
        {ack.error ? (
          <Text size="sm" c="red.9">
            {errorText(ack.error)}
          </Text>
        ) : null}
        <Group gap="sm">
          {alert.assignmentId && (
            <Button component={Link} to={`/learning/${encodeURIComponent(alert.assignmentId)}`} size="sm" color="red.9">
              {t('alerts.read')}
              <VisuallyHidden>{`, ${alert.title}`}</VisuallyHidden>
            </Button>
          )}
          <Button size="sm" variant="outline" color="red.9" onClick={() => ack.mutate()} loading={ack.isPending}>
            {t('alerts.ack')}
            <VisuallyHidden>{`, ${alert.title}`}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
