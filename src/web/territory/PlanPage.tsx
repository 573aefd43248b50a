import { Anchor, Button, Center, Loader, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import { GoalsSection } from './PlanGoals.js';
import { SessionsSection } from './PlanSessions.js';
import type { Pairing, Plan } from './types.js';

/** One mentoring plan: goals and sessions; mentor and mentee admins write, coordinators read. */
export function PlanPage() {
  const { territoryId = '', pairingId = '' } = useParams();
  const { t, i18n } = useTranslation('territory');
  const client = useQueryClient();
  const key = territoryKeys.plan(pairingId);
  const plan = useQuery({ queryKey: key, queryFn: () => api<Plan>(territoryApi.plan(territoryId, pairingId)) });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const [ending, setEnding] = useState(false);
  const [note, setNote] = useState('');
  const end = useMutation({
    mutationFn: () => api<Pairing>(territoryApi.endPairing(territoryId, pairingId), { body: note.trim() ? { note: note.trim() } : {} }),
    onSuccess: () => {
      setEnding(false);
      void refresh();
    },
  });
  if (plan.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('plan.loading')} />
      </Center>
    );
  }
  if (plan.error || !plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const writable = p.canWrite && !p.endedAt;
  return (
    <>
      <Anchor component={Link} to={p.canWrite ? '/territory/mentoring/mine' : '/territory/mentoring'} size="sm">
        {p.canWrite ? t('plan.back') : t('plan.backCoordinator')}
      </Anchor>
      <PageHeader
        title={t('plan.title', { mentee: p.mentee.name })}
        description={
          <>
            {t('plan.mentoredBy', { mentor: p.mentor.displayName, organization: p.mentor.organization.name })}{' '}
            {p.endedAt ? t('plan.ended', { date: date(p.endedAt) }) : t('mentoring.since', { from: date(p.startedAt) })}
          </>
        }
        actions={
          writable ? (
            <Button variant="default" color="red.9" onClick={() => setEnding(true)}>
              {t('mentoring.end')}
            </Button>
          ) : null
        }
      />
      {!p.canWrite ? (
        <Text size="sm" mb="md">
          {t('plan.readOnly')}
        </Text>
      ) : null}
      {p.endedAt && p.endNote ? (
        <Paper withBorder p="sm" mb="md">
          <Text size="sm" fw={600}>
            {t('plan.endNote')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.endNote}
          </Text>
        </Paper>
      ) : null}
      <Stack gap="lg">
        <GoalsSection plan={p} writable={writable} onChange={refresh} />
        <SessionsSection plan={p} writable={writable} onChange={refresh} />
      </Stack>
      <ConfirmModal
        opened={ending}
        title={t('mentoring.endTitle')}
        confirmLabel={t('mentoring.end')}
        onConfirm={() => end.mutate()}
        onClose={() => {
          setEnding(false);
          end.reset();
        }}
        loading={end.isPending}
        error={end.error}
      >
        <Stack gap="sm">
          <Text>{t('mentoring.endText', { mentee: p.mentee.name, mentor: p.mentor.displayName })}</Text>
          <Textarea label={t('mentoring.endNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        </Stack>
      </ConfirmModal>
    </>
  );
}
