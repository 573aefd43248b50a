import { Anchor, Button, Card, Center, Group, Loader, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { Callout } from '../components/Callout.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formatDateTime } from '../components/format.js';
import { NoOrgState } from '../components/NoOrgState.js';
import { PageHeader } from '../components/PageHeader.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { endpoints } from '../endpoints.js';
import type { Person } from '../types.js';
import { PersonForm } from './PersonForm.js';

/** One staff record: edit it, deactivate it (never deleted: history stays) or reactivate it. */
export function PersonDetailPage() {
  const { orgId } = useCurrentScope();
  const { personId = '' } = useParams();
  if (!orgId) return <NoOrgState />;
  return <PersonDetail orgId={orgId} personId={personId} />;
}

function PersonDetail({ orgId, personId }: { orgId: string; personId: string }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const person = useQuery({
    queryKey: ['admin', 'people', orgId, 'one', personId],
    queryFn: () => api<Person>(endpoints.person(orgId, personId)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'people', orgId] });
  const setActive = useMutation({
    mutationFn: (active: boolean) => api<Person>(endpoints.person(orgId, personId), { method: 'PATCH', body: { active } }),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });

  if (person.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (person.error) return <ErrorAlert error={person.error} />;
  const p = person.data;

  return (
    <Stack>
      <Anchor component={Link} to="/admin/people" size="sm">
        {t('people.backToList')}
      </Anchor>
      <PageHeader
        title={`${p.firstName} ${p.lastName}`.trim()}
        description={
          <Group gap="xs" component="span">
            <span>{p.email}</span>
            <StatusBadge color={p.active ? 'teal' : 'gray'}>{p.active ? t('people.active') : t('people.inactive')}</StatusBadge>
          </Group>
        }
        actions={
          p.active ? (
            <Button
              color="red"
              variant="light"
              onClick={() => {
                setActive.reset();
                setConfirming(true);
              }}
            >
              {t('people.deactivate')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => setActive.mutate(true)} loading={setActive.isPending}>
              {t('people.reactivate')}
            </Button>
          )
        }
      />
      {!p.active && p.deactivatedAt ? (
        <Callout color="gray">{t('people.deactivatedOn', { date: formatDateTime(p.deactivatedAt, i18n.language) })}</Callout>
      ) : null}
      {!confirming ? <ErrorAlert error={setActive.error} /> : null}
      {saved ? (
        <Callout color="teal" role="status" withCloseButton onClose={() => setSaved(false)} closeButtonLabel={t('common.close')}>
          {t('common.saved')}
        </Callout>
      ) : null}
      <Card withBorder>
        <PersonForm
          key={p.updatedAt ?? p.id}
          orgId={orgId}
          initial={p}
          submitLabel={t('common.save')}
          onSubmit={(input) => api<Person>(endpoints.person(orgId, personId), { method: 'PATCH', body: input })}
          onDone={() => {
            setSaved(true);
            void refresh();
          }}
        />
      </Card>
      <ConfirmModal
        opened={confirming}
        title={t('people.deactivateTitle')}
        confirmLabel={t('people.deactivate')}
        onClose={() => setConfirming(false)}
        onConfirm={() => setActive.mutate(false)}
        loading={setActive.isPending}
        error={setActive.error}
      >
        {t('people.deactivateConfirm', { name: `${p.firstName} ${p.lastName}`.trim() })}
      </ConfirmModal>
    </Stack>
  );
}
