import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { registerApi } from '../endpoints.js';
import { errorsByField, generalError } from '../field-errors.js';
import { type Finding, type FindingInput, type Severity, severities } from './types.js';

const names = ['questionId', 'title', 'description', 'severity', 'rootCause', 'dueOn'] as const;

interface Props {
  orgId: string;
  auditId: string;
  /** The question the finding comes from (null: about the whole audit); undefined: closed. */
  from: { questionId: string | null; title: string } | undefined;
  onClose: () => void;
  onCreated: () => void;
}

/** Opens a finding from a non-conformity: severity, root cause; the deadline comes from the clause when there is one. */
export function FindingModal({ orgId, auditId, from, onClose, onCreated }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const [v, setV] = useState<FindingInput>({ questionId: null, title: '', description: '', severity: 'medium', rootCause: '', dueOn: '' });
  const [seenFrom, setSeenFrom] = useState(from);
  if (from !== seenFrom) {
    setSeenFrom(from);
    if (from) setV({ questionId: from.questionId, title: from.title, description: '', severity: 'medium', rootCause: '', dueOn: '' });
  }
  const create = useMutation({
    mutationFn: () =>
      api<Finding>(registerApi.auditFindings(orgId, auditId), { body: { ...v, title: v.title.trim(), dueOn: v.dueOn || undefined } }),
    onSuccess: () => {
      create.reset();
      onCreated();
    },
  });
  const errors = errorsByField(create.error, names);
  const set = (patch: Partial<FindingInput>) => setV((p) => ({ ...p, ...patch }));
  return (
    <Modal opened={from !== undefined} onClose={onClose} title={t('findings.openTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('findings.titleField')}
            required
            value={v.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label={t('findings.description')}
            autosize
            minRows={2}
            value={v.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('findings.severity')}
              value={v.severity}
              onChange={(e) => set({ severity: e.currentTarget.value as Severity })}
              data={severities.map((s) => ({ value: s, label: t(`severities.${s}`) }))}
            />
            <TextInput
              type="date"
              label={t('findings.dueOn')}
              description={t('findings.dueOnHelp')}
              value={v.dueOn ?? ''}
              onChange={(e) => set({ dueOn: e.currentTarget.value })}
              error={errors.dueOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('findings.rootCause')}
            autosize
            minRows={2}
            value={v.rootCause}
            onChange={(e) => set({ rootCause: e.currentTarget.value })}
            error={errors.rootCause}
          />
          <ErrorAlert error={generalError(create.error, names) ?? (errors.questionId ? create.error : null)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('findings.openSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
