import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmModal } from '../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import { api } from '../../api.js';
import type { Owner } from '../types.js';
import { type AfterView, afterApi } from './api.js';
import { Lessons } from './Lessons.js';

/** After the exercise, for the animators: measured times, evaluation, each cell's hot debrief, lessons, closing and the report. */
function AfterPage({ kind }: { kind: Owner['kind'] }) {
  const { t } = useTranslation('exercises');
  const { ownerId = '', exerciseId = '' } = useParams();
  const owner: Owner = { kind, id: ownerId };
  const key = ['exercises', kind, ownerId, 'after', exerciseId];
  const after = useQuery({ queryKey: key, queryFn: () => api<AfterView>(afterApi.after(owner, exerciseId)) });
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const close = useMutation({
    mutationFn: () => api<AfterView>(afterApi.close(owner, exerciseId), { method: 'POST' }),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      setConfirm(false);
    },
  });
  const a = after.data;
  const open = a?.status === 'ended';
  return (
    <>
      <PageHeader
        title={t('after.title', { title: a?.title ?? '' })}
        description={t('after.description')}
        actions={
          <>
            <Button component="a" href={afterApi.report(owner, exerciseId)} download variant="default">
              {t('after.report')}
            </Button>
            {open ? <Button onClick={() => setConfirm(true)}>{t('after.close')}</Button> : null}
          </>
        }
      />
      <ListStatus isPending={after.isPending} error={after.error} isEmpty={false} emptyTitle="">
        {a ? (
          <Stack gap="lg">
            {a.status === 'closed' ? <StatusBadge color="gray">{t('after.closed')}</StatusBadge> : null}
            {a.status !== 'ended' && a.status !== 'closed' ? <Text c="dimmed">{t('after.notEnded')}</Text> : null}
            <Times after={a} />
            <Evaluations after={a} />
            <Title order={2} size="h3">
              {t('after.debriefs')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {a.cells.map((c) => (
                <DebriefForm
                  key={c.id}
                  cell={c}
                  current={a.debriefs.find((d) => d.cellId === c.id)}
                  disabled={!open}
                  save={(body) => api<AfterView>(afterApi.debrief(owner, exerciseId, c.id), { method: 'PUT', body })}
                  onSaved={(data) => qc.setQueryData(key, data)}
                />
              ))}
            </SimpleGrid>
            <Lessons after={a} owner={owner} disabled={!open} onSaved={(data) => qc.setQueryData(key, data)} />
          </Stack>
        ) : null}
      </ListStatus>
      <ConfirmModal
        opened={confirm}
        title={t('after.closeTitle')}
        confirmLabel={t('after.close')}
        onConfirm={() => close.mutate()}
        onClose={() => setConfirm(false)}
        loading={close.isPending}
        error={close.error}
      >
        {t('after.closeText', { count: a?.lessons.length ?? 0 })}
      </ConfirmModal>
    </>
  );
}

function Times({ after }: { after: AfterView }) {
  const { t } = useTranslation('exercises');
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('after.times')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('after.timesRule')}
      </Text>
      {after.times.length === 0 ? (
        <Text>{t('after.noTimes')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('after.cell')}</Table.Th>
                <Table.Th scope="col">{t('after.milestone')}</Table.Th>
                <Table.Th scope="col">{t('after.elapsed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {after.times.map((x) => (
                <Table.Tr key={`${x.cellId}:${x.kind}`}>
                  <Table.Td>{x.cellName}</Table.Td>
                  <Table.Td>{t(`after.milestones.${x.kind}`)}</Table.Td>
                  <Table.Td>{x.minutes === null ? t('after.notReached') : t('after.minutes', { count: x.minutes })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** An average as people read it in their language (2,5 in French); a dash when nobody rated. */
const score = (r: number | null, lang: string) => (r === null ? '—' : r.toLocaleString(lang, { maximumFractionDigits: 1 }));

function Evaluations({ after }: { after: AfterView }) {
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('after.evaluations')}
      </Title>
      {after.evaluations.length === 0 ? <Text>{t('after.noObjectives')}</Text> : null}
      {after.evaluations.map((e) => (
        <Card key={e.objectiveId} withBorder padding="sm">
          <Text fw={600}>{e.text[lang]}</Text>
          <Text size="sm">
            {t('after.ratings', {
              observers: score(e.observersRating, lang),
              animators: score(e.animatorsRating, lang),
              count: e.notes,
            })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

interface DebriefFormProps {
  cell: { id: string; name: string };
  current: AfterView['debriefs'][number] | undefined;
  disabled: boolean;
  save: (body: { wentWell: string; toImprove: string; surprises?: string }) => Promise<AfterView | undefined>;
  onSaved?: (data: AfterView) => void;
}

/** A cell's hot debrief: what worked, what to improve, what surprised. Shared with the players' page. */
export function DebriefForm({ cell, current, disabled, save, onSaved }: DebriefFormProps) {
  const { t } = useTranslation('exercises');
  const [wentWell, setWentWell] = useState(current?.wentWell ?? '');
  const [toImprove, setToImprove] = useState(current?.toImprove ?? '');
  const [surprises, setSurprises] = useState(current?.surprises ?? '');
  const m = useMutation({
    mutationFn: () => save({ wentWell, toImprove, ...(surprises.trim() ? { surprises } : {}) }),
    onSuccess: (data) => {
      if (data && onSaved) onSaved(data);
    },
  });
  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
      aria-label={t('after.debriefOf', { cell: cell.name })}
    >
      <Stack gap="xs">
        <Title order={3} size="h4">
          {cell.name}
        </Title>
        <Textarea
          label={t('after.wentWell')}
          value={wentWell}
          onChange={(e) => setWentWell(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          disabled={disabled}
        />
        <Textarea
          label={t('after.toImprove')}
          value={toImprove}
          onChange={(e) => setToImprove(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          disabled={disabled}
        />
        <Textarea
          label={t('after.surprises')}
          value={surprises}
          onChange={(e) => setSurprises(e.currentTarget.value)}
          autosize
          minRows={1}
          disabled={disabled}
        />
        {m.error ? <ErrorAlert error={m.error} /> : null}
        {m.isSuccess ? (
          <Text size="sm" fw={500} role="status">
            {t('after.saved')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={m.isPending} disabled={disabled}>
            {t('after.saveDebrief')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export const OrgAfterPage = () => <AfterPage kind="org" />;
export const TerritoryAfterPage = () => <AfterPage kind="territory" />;
