import { Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { api } from '../api.js';
import { territoryApi } from './endpoints.js';
import { dayLabel, durationLabel } from './format.js';
import type { Plan, Session } from './types.js';

const today = () => new Date().toLocaleDateString('sv-SE');

/** Sessions held, most recent first: date, duration, notes, next steps. */
export function SessionsSection({ plan, writable, onChange }: { plan: Plan; writable: boolean; onChange: () => void }) {
  const { t, i18n } = useTranslation('territory');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-sessions">
      <Title order={2} size="h3" id="plan-sessions" mb="sm">
        {t('plan.sessions')}
      </Title>
      {writable ? <SessionForm plan={plan} onChange={onChange} /> : null}
      {plan.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.noSession')}
        </Text>
      ) : (
        <Stack gap="md">
          {plan.sessions.map((s) =>
            editing === s.id ? (
              <SessionForm key={s.id} plan={plan} session={s} onDone={() => setEditing(null)} onChange={onChange} />
            ) : (
              <article key={s.id} aria-label={dayLabel(s.heldOn, i18n.language)}>
                <Group justify="space-between" gap="xs">
                  <Title order={3} size="h5">
                    {dayLabel(s.heldOn, i18n.language)} · {durationLabel(s.durationMinutes)}
                  </Title>
                  {writable ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(s.id)}
                      aria-label={t('plan.editSessionOf', { date: dayLabel(s.heldOn, i18n.language) })}
                    >
                      {t('plan.editSession')}
                    </Button>
                  ) : null}
                </Group>
                {s.notes ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.notes}
                  </Text>
                ) : null}
                {s.nextSteps ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    <Text span fw={600}>
                      {t('plan.nextSteps')}
                    </Text>{' '}
                    {s.nextSteps}
                  </Text>
                ) : null}
              </article>
            ),
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** A new session, or the correction of one already written (`session`). */
function SessionForm(p: { plan: Plan; session?: Session; onChange: () => void; onDone?: () => void }) {
  const { t } = useTranslation('territory');
  const { plan, session } = p;
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? today());
  const [duration, setDuration] = useState<number>(session?.durationMinutes ?? 60);
  const [notes, setNotes] = useState(session?.notes ?? '');
  const [nextSteps, setNextSteps] = useState(session?.nextSteps ?? '');
  const add = useMutation({
    mutationFn: () =>
      api<Session>(territoryApi.sessions(plan.territoryId, plan.id, session?.id), {
        method: session ? 'PATCH' : 'POST',
        body: { heldOn, durationMinutes: duration, notes, nextSteps },
      }),
    onSuccess: () => {
      if (!session) {
        setNotes('');
        setNextSteps('');
      }
      p.onChange();
      p.onDone?.();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" mb="lg">
        <Title order={3} size="h4">
          {session ? t('plan.editSession') : t('plan.newSession')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <TextInput type="date" label={t('plan.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} required />
          <NumberInput
            label={t('plan.duration')}
            min={5}
            max={600}
            step={15}
            w={160}
            value={duration}
            onChange={(v) => setDuration(Number(v) || 0)}
            required
          />
        </Group>
        <Textarea
          label={t('plan.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          maxLength={10000}
          autosize
          minRows={3}
        />
        <Textarea
          label={t('plan.nextSteps')}
          value={nextSteps}
          onChange={(e) => setNextSteps(e.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <ErrorAlert error={add.error} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {session ? t('plan.saveSession') : t('plan.addSession')}
          </Button>
          {p.onDone ? (
            <Button variant="default" onClick={p.onDone}>
              {t('plan.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
