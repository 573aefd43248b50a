import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import { type Cell, type Owner, pick } from '../types.js';
import { formatRating, latestRatingOf, newestFirst, ratingScale, toObservationBody } from './grid.js';
import { type Grid, type GridObjective, observeApi } from './observe-api.js';

interface Props {
  exerciseId: string;
  owner: Owner | undefined;
  objective: GridObjective;
  cells: Cell[];
  accountId: string;
  canWrite: boolean;
  onSaved: (g: Grid) => void;
}

/** One line of the grid: the objective, its criteria, the notes so far and a form to add one. */
export function ObjectiveCard({ exerciseId, owner, objective, cells, accountId, canWrite, onSaved }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language;
  const [form, setForm] = useState({ note: '', rating: '', cellId: '' });
  const [empty, setEmpty] = useState(false);
  const save = useMutation({
    mutationFn: (body: object) => api<Grid>(observeApi.grid(exerciseId, owner), { body }),
    onSuccess: (g) => {
      onSaved(g);
      setForm({ note: '', rating: '', cellId: form.cellId });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = toObservationBody(objective.id, form);
    setEmpty(body === null);
    if (body) save.mutate(body);
  };
  const mine = latestRatingOf(objective.notes, accountId);
  const cellName = (id: string | null) => cells.find((c) => c.id === id)?.name;
  const titleId = `objective-${objective.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {pick(objective.text, lang)}
        </Title>
        {objective.rating !== null ? (
          <Badge variant="light">{t('observe.average', { rating: formatRating(objective.rating, lang) })}</Badge>
        ) : null}
      </Group>
      <Text fw={600} size="sm" mt="sm">
        {t('observe.criteria')}
      </Text>
      <ul style={{ marginTop: 4 }}>
        {objective.criteria.map((c) => (
          <li key={c.fr}>
            <Text size="sm">{pick(c, lang)}</Text>
          </li>
        ))}
      </ul>
      {mine !== null ? <Text size="sm">{t('observe.mine', { rating: t(`observe.scale.${mine}`) })}</Text> : null}
      {canWrite ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" mt="sm">
            <Text size="sm" fw={500} id={`${titleId}-rating`}>
              {t('observe.rating')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${titleId}-rating`}
              fullWidth
              value={form.rating}
              onChange={(v) => setForm({ ...form, rating: v })}
              data={[{ value: '', label: t('observe.noRating') }, ...ratingScale.map((r) => ({ value: String(r), label: `${r}` }))]}
            />
            {form.rating ? <Text size="xs">{t(`observe.scale.${form.rating}`)}</Text> : null}
            {cells.length > 1 ? (
              <Select
                label={t('observe.cell')}
                placeholder={t('observe.allCells')}
                clearable
                value={form.cellId || null}
                onChange={(v) => setForm({ ...form, cellId: v ?? '' })}
                data={cells.map((c) => ({ value: c.id, label: c.name }))}
              />
            ) : null}
            <Textarea
              label={t('observe.note')}
              value={form.note}
              onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
              maxLength={4000}
              autosize
              minRows={2}
              error={empty ? t('observe.noteOrRating') : null}
            />
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('observe.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Text fw={600} size="sm" mt="md">
        {t('observe.notes', { count: objective.notes.length })}
      </Text>
      {objective.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('observe.noNotes')}
        </Text>
      ) : null}
      <Stack gap={6} mt={4}>
        {newestFirst(objective.notes).map((n) => (
          <div key={n.id}>
            <Text size="xs" c="dimmed">
              {new Date(n.createdAt).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })} · {n.authorName}
              {cellName(n.cellId) ? ` · ${cellName(n.cellId)}` : ''}
              {n.rating !== null ? ` · ${t(`observe.scale.${n.rating}`)}` : ''}
            </Text>
            {n.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.note}
              </Text>
            ) : null}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
