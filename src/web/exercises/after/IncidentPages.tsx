import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import { api } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { formatDateTime } from '../dates.js';
import { afterApi, type Declaration, declarationSteps, splitMinutes } from './api.js';

/** datetime-local value (local time) → ISO instant; empty stays undefined. */
const toInstant = (v: string) => (v ? new Date(v).toISOString() : undefined);

/** Opening a real incident: a title and, if not now, when it started and when it was detected. */
export function NewIncidentPage() {
  const { t } = useTranslation('exercises');
  const { orgId } = useCurrentScope();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [detectedAt, setDetectedAt] = useState('');
  const open = useMutation({
    mutationFn: () =>
      api<Declaration>(afterApi.incidents(orgId ?? ''), {
        body: {
          title,
          ...(toInstant(startedAt) ? { startedAt: toInstant(startedAt) } : {}),
          ...(toInstant(detectedAt) ? { detectedAt: toInstant(detectedAt) } : {}),
        },
      }),
    onSuccess: (d) => navigate(`/exercises/incidents/${encodeURIComponent(d.exerciseId)}`),
  });
  if (!orgId) return <Alert>{t('after.incident.chooseOrg')}</Alert>;
  return (
    <>
      <PageHeader title={t('after.incident.newTitle')} description={t('after.incident.newDescription')} />
      <Card
        withBorder
        component="form"
        maw={560}
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('after.incident.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <TextInput
            type="datetime-local"
            label={t('after.incident.startedAt')}
            description={t('after.incident.nowHint')}
            value={startedAt}
            onChange={(e) => setStartedAt(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('after.incident.detectedAt')}
            description={t('after.incident.detectedHint')}
            value={detectedAt}
            onChange={(e) => setDetectedAt(e.currentTarget.value)}
          />
          {open.error ? <ErrorAlert error={open.error} /> : null}
          <Group>
            <Button type="submit" loading={open.isPending}>
              {t('after.incident.open')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}

/** The declaration helper: three clocks from the detection, the checklist to fill, steps marked sent, the PDF. */
export function DeclarationPage() {
  const { t, i18n } = useTranslation('exercises');
  const orgId = useCurrentScope().orgId ?? '';
  const { exerciseId = '' } = useParams();
  const key = ['exercises', 'incident', orgId, exerciseId];
  const qc = useQueryClient();
  // Refetched every minute so the clocks move while the page stays open.
  const d = useQuery({
    queryKey: key,
    queryFn: () => api<Declaration>(afterApi.declaration(orgId, exerciseId)),
    enabled: Boolean(orgId),
    refetchInterval: 60_000,
  });
  const save = useMutation({
    mutationFn: (body: object) => api<Declaration>(afterApi.declaration(orgId, exerciseId), { method: 'PATCH', body }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const data = d.data;
  return (
    <>
      <PageHeader
        title={t('after.incident.declarationTitle', { title: data?.title ?? '' })}
        description={t('after.incident.declarationDescription')}
        actions={
          <>
            <Button component="a" href={afterApi.declarationPdf(orgId, exerciseId)} download variant="default">
              {t('after.incident.pdf')}
            </Button>
            <Button
              component={Link}
              to={`/exercises/o/${encodeURIComponent(orgId)}/${encodeURIComponent(exerciseId)}/console`}
              variant="default"
            >
              {t('after.incident.console')}
            </Button>
          </>
        }
      />
      <ListStatus isPending={d.isPending} error={d.error} isEmpty={false} emptyTitle="">
        {data ? (
          <Stack gap="lg">
            <Text>{t('after.incident.detected', { date: formatDateTime(data.detectedAt, i18n.language) })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {data.clocks.map((c) => {
                const s = splitMinutes(c.dueInMinutes ?? 0);
                return (
                  <Card key={c.step} withBorder padding="sm">
                    <Stack gap={4}>
                      <Text fw={600}>{t(`after.steps.${c.step}`)}</Text>
                      <StatusBadge color={c.state === 'sent' ? 'green' : c.state === 'overdue' ? 'red' : 'blue'}>
                        {t(`after.clock.${c.state}`)}
                      </StatusBadge>
                      <Text size="sm">
                        {c.state === 'sent'
                          ? t('after.clock.sentAt', { date: formatDateTime(c.sentAt, i18n.language) })
                          : t(c.state === 'overdue' ? 'after.clock.late' : 'after.clock.left', s)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('after.clock.dueAt', { date: formatDateTime(c.dueAt, i18n.language) })}
                      </Text>
                      <Button
                        size="xs"
                        variant="light"
                        loading={save.isPending}
                        onClick={() => save.mutate({ sent: { [c.step]: c.sentAt ? null : new Date().toISOString() } })}
                      >
                        {c.sentAt ? t('after.clock.undo') : t('after.clock.markSent')}
                      </Button>
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
            {save.error ? <ErrorAlert error={save.error} /> : null}
            <Text size="sm" c="dimmed">
              {t('after.incident.nothingSent')}
            </Text>
            {declarationSteps.map((step) => (
              <Stack key={step} gap="xs">
                <Title order={2} size="h3">
                  {t(`after.steps.${step}`)}
                </Title>
                {data.checklist
                  .filter((c) => c.step === step)
                  .map((c) => (
                    <ChecklistItem
                      key={c.key}
                      label={c.label[lang]}
                      hint={c.hint[lang]}
                      value={c.value}
                      onSave={(v) => save.mutate({ content: { [c.key]: v } })}
                    />
                  ))}
              </Stack>
            ))}
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}

function ChecklistItem({ label, hint, value, onSave }: { label: string; hint: string; value: string; onSave: (v: string) => void }) {
  const [v, setV] = useState(value);
  // Saved when the field is left: nothing to click during a crisis.
  return (
    <Textarea
      label={label}
      description={hint}
      value={v}
      onChange={(e) => setV(e.currentTarget.value)}
      onBlur={() => v !== value && onSave(v)}
      autosize
      minRows={2}
    />
  );
}
