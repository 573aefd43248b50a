import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { api } from '../../api.js';
import { pick } from '../types.js';
import { type CellActivity, type ConsoleOwner, type ConsoleStimulus, consoleApi } from './console-api.js';

interface Props {
  owner: ConsoleOwner;
  exerciseId: string;
  stimulus: ConsoleStimulus;
  cells: CellActivity[];
  onPlayed: (s: ConsoleStimulus) => void;
  onClose: () => void;
}

interface Played {
  stimulusId: string;
  deliveredAt: string;
  cellIds: string[];
}

/** Plays a stimulus now, by default to the cells playing its target; the animators may pick others. */
export function PlayNowModal({ owner, exerciseId, stimulus, cells, onPlayed, onClose }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const [chosen, setChosen] = useState<string[]>(() => cells.filter((c) => c.scenarioCellId === stimulus.target.cellId).map((c) => c.id));
  const send = useMutation({
    mutationFn: () => api<Played>(consoleApi.send(owner, exerciseId, stimulus.stimulusId), { body: { cellIds: chosen } }),
    onSuccess: (p) => {
      onPlayed({ ...stimulus, status: 'delivered', deliveredAt: p.deliveredAt, cellIds: p.cellIds });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('console.play.title', { code: stimulus.id })}>
      <Stack>
        <Text fw={600}>{pick(stimulus.subject, i18n.language)}</Text>
        <Checkbox.Group label={t('console.play.cells')} value={chosen} onChange={setChosen}>
          <Stack gap="xs" mt="xs">
            {cells.map((c) => (
              <Checkbox key={c.id} value={c.id} label={`${c.name} (${c.organizationName})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending} disabled={chosen.length === 0}>
            {t('console.play.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
