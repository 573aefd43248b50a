import { ActionIcon, Alert, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import { api } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { formatDateTime } from '../dates.js';
import { afterApi, type CrisisKit, downloadPost } from './api.js';

type Line = CrisisKit['roster'][number];

/** The crisis kit: the roster and contacts to check, then one click for the printable PDF. */
export function CrisisKitPage() {
  const { t, i18n } = useTranslation('exercises');
  const { orgId } = useCurrentScope();
  const key = ['exercises', 'crisis-kit', orgId];
  const qc = useQueryClient();
  const kit = useQuery({ queryKey: key, queryFn: () => api<CrisisKit>(afterApi.kit(orgId ?? '')), enabled: Boolean(orgId) });
  const [roster, setRoster] = useState<Line[]>([]);
  const [contacts, setContacts] = useState<CrisisKit['contacts']>({ lead: '', ars: '', certSante: '' });
  useEffect(() => {
    if (kit.data) {
      setRoster(kit.data.roster);
      setContacts(kit.data.contacts);
    }
  }, [kit.data]);
  const save = useMutation({
    mutationFn: () =>
      api<CrisisKit>(afterApi.kit(orgId ?? ''), { method: 'PUT', body: { roster: roster.filter((r) => r.name.trim()), contacts } }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const print = useMutation({
    mutationFn: () => downloadPost(afterApi.kitPdf(orgId ?? ''), `${t('after.kit.file')}.pdf`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  if (!orgId) return <Alert>{t('after.incident.chooseOrg')}</Alert>;
  const set = (i: number, patch: Partial<Line>) => setRoster((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const k = kit.data;
  return (
    <>
      <PageHeader
        title={t('after.kit.title')}
        description={t('after.kit.description')}
        actions={
          <Button onClick={() => print.mutate()} loading={print.isPending}>
            {t('after.kit.print')}
          </Button>
        }
      />
      <ListStatus isPending={kit.isPending} error={kit.error} isEmpty={false} emptyTitle="">
        {k ? (
          <Stack gap="lg" maw={820}>
            <Group gap="xs">
              <Text>
                {k.kitGeneratedAt
                  ? t('after.kit.generatedAt', { date: formatDateTime(k.kitGeneratedAt, i18n.language) })
                  : t('after.kit.never')}
              </Text>
              {k.stale ? <StatusBadge color="orange">{t('after.kit.stale')}</StatusBadge> : null}
            </Group>
            {print.error ? <ErrorAlert error={print.error} /> : null}
            <Card
              withBorder
              component="form"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate();
              }}
            >
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('after.kit.roster')}
                </Title>
                {k.rosterFromDirectory ? (
                  <Text size="sm" c="dimmed">
                    {t('after.kit.fromDirectory')}
                  </Text>
                ) : null}
                {roster.length === 0 ? <Text>{t('after.kit.emptyRoster')}</Text> : null}
                {roster.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved; the index is their identity while editing.
                  <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                    <TextInput label={t('after.kit.name')} value={r.name} onChange={(e) => set(i, { name: e.currentTarget.value })} />
                    <TextInput
                      label={t('after.kit.function')}
                      value={r.function}
                      onChange={(e) => set(i, { function: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t('after.kit.phone')}
                      type="tel"
                      value={r.phone}
                      onChange={(e) => set(i, { phone: e.currentTarget.value })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('after.kit.remove', { name: r.name })}
                      onClick={() => setRoster((rs) => rs.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button variant="default" onClick={() => setRoster((rs) => [...rs, { name: '', function: '', phone: '' }])}>
                    {t('after.kit.addLine')}
                  </Button>
                </Group>
                <Title order={2} size="h3">
                  {t('after.kit.contacts')}
                </Title>
                <Textarea
                  label={t('after.kit.lead')}
                  value={contacts.lead}
                  onChange={(e) => setContacts({ ...contacts, lead: e.currentTarget.value })}
                  autosize
                />
                <Textarea
                  label={t('after.kit.ars')}
                  value={contacts.ars}
                  onChange={(e) => setContacts({ ...contacts, ars: e.currentTarget.value })}
                  autosize
                />
                <Textarea
                  label={t('after.kit.cert')}
                  value={contacts.certSante}
                  onChange={(e) => setContacts({ ...contacts, certSante: e.currentTarget.value })}
                  autosize
                />
                {save.error ? <ErrorAlert error={save.error} /> : null}
                {save.isSuccess ? (
                  <Text fw={500} role="status">
                    {t('after.saved')}
                  </Text>
                ) : null}
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {t('after.kit.save')}
                  </Button>
                </Group>
              </Stack>
            </Card>
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('after.kit.providers')}
              </Title>
              {k.providers.length === 0 ? <Text>{t('after.kit.noProviders')}</Text> : null}
              {k.providers.map((p) => (
                <Text key={p.name}>
                  <strong>{p.name}</strong> – {p.contacts.map((c) => `${c.name} ${c.phone ?? ''}`).join(', ') || t('after.kit.noContact')}
                </Text>
              ))}
              <Title order={2} size="h3">
                {t('after.kit.sheets')}
              </Title>
              {k.sheets.map((s) => (
                <Text key={s.id}>{s.title[i18n.language === 'en' ? 'en' : 'fr']}</Text>
              ))}
            </Stack>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
