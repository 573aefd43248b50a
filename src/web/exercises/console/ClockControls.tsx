import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import type { Owner } from '../types.js';
import { type Clock, type ClockStep, consoleApi } from './console-api.js';

interface Props {
  owner: Owner;
  exerciseId: string;
  clock: Clock;
  cellCount: number;
  onClock: (clock: Clock) => void;
}

/** Start, pause, resume, end: starting and ending are asked twice, they cannot be undone. */
export function ClockControls({ owner, exerciseId, clock, cellCount, onClock }: Props) {
  const { t } = useTranslation('exercises');
  const [confirming, setConfirming] = useState<'start' | 'end' | null>(null);
  const step = useMutation({
    mutationFn: (s: ClockStep) => api<Clock>(consoleApi.clock(owner, exerciseId, s), { method: 'POST' }),
    onSuccess: (c) => {
      onClock(c);
      setConfirming(null);
    },
  });
  const s = clock.status;
  return (
    <>
      <Group gap="sm">
        {s === 'draft' ? <Button onClick={() => setConfirming('start')}>{t('console.clock.start')}</Button> : null}
        {s === 'running' ? (
          <Button variant="default" loading={step.isPending} onClick={() => step.mutate('pause')}>
            {t('console.clock.pause')}
          </Button>
        ) : null}
        {s === 'paused' ? (
          <Button loading={step.isPending} onClick={() => step.mutate('resume')}>
            {t('console.clock.resume')}
          </Button>
        ) : null}
        {s === 'running' || s === 'paused' ? (
          <Button color="red.9" variant="outline" onClick={() => setConfirming('end')}>
            {t('console.clock.end')}
          </Button>
        ) : null}
      </Group>
      {confirming === null ? <ErrorAlert error={step.error} /> : null}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming === 'end' ? t('console.clock.endTitle') : t('console.clock.startTitle')}
        confirmLabel={confirming === 'end' ? t('console.clock.end') : t('console.clock.start')}
        {...(confirming === 'end' ? { color: 'red.9' } : {})}
        onConfirm={() => confirming && step.mutate(confirming)}
        onClose={() => {
          setConfirming(null);
          step.reset();
        }}
        loading={step.isPending}
        error={step.error}
      >
        {confirming === 'end'
          ? t('console.clock.endText')
          : owner.kind === 'territory'
            ? t('console.clock.startTerritoryText', { count: cellCount })
            : t('console.clock.startText')}
      </ConfirmModal>
    </>
  );
}
