import { Button, Checkbox, Group, Modal, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ApiError, api } from '../api.js';
import { ConflictHint } from './ConflictHint.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { emptyForm, type FormErrors, type FormField, formFieldOf, fromForm, type StimulusForm, toForm } from './stimulus-form.js';
import {
  type CellRole,
  type Channel,
  type Condition,
  cellRoles,
  channels,
  conditions,
  type ExerciseDetail,
  type Owner,
  pick,
  type Stimulus,
} from './types.js';

type Props = { owner: Owner; exercise: ExerciseDetail; stimulus: Stimulus | null; onClose: () => void };

/** Adds or replaces one stimulus; the form checks what it can, the server the whole chronogram. */
export function StimulusModal({ owner, exercise, stimulus, onClose }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const client = useQueryClient();
  const lang = i18n.language;
  const codes = exercise.chronogram.map((s) => s.id);
  const [form, setForm] = useState<StimulusForm>(() =>
    stimulus ? toForm(stimulus) : emptyForm(codes, exercise.personas[0]?.id ?? '', exercise.scenarioCells[0]?.id ?? ''),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: (body: unknown) =>
      stimulus
        ? api(exercisesApi.stimulus(owner, exercise.id, stimulus.stimulusId), { method: 'PUT', body })
        : api(exercisesApi.stimuli(owner, exercise.id), { body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
      onClose();
    },
  });
  const set = <K extends FormField>(k: K, v: StimulusForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const serverField = save.error instanceof ApiError ? formFieldOf(save.error.field) : null;
  const err = (k: FormField) => (errors[k] ? t(`form.errors.${errors[k]}`) : serverField === k && save.error ? save.error.message : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = fromForm(form);
    setErrors(r.errors ?? {});
    if (r.input) save.mutate(r.input);
  };
  const text = (k: FormField, label: string, area = false, required = false) => {
    const props = {
      label,
      value: String(form[k]),
      onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value as never),
      error: err(k),
      required,
    };
    return area ? <Textarea {...props} autosize minRows={2} maxRows={8} /> : <TextInput {...props} />;
  };
  const media = form.channel === 'press' || form.channel === 'social';
  return (
    <Modal opened onClose={onClose} size="xl" title={stimulus ? t('stimulus.editTitle', { code: stimulus.id }) : t('stimulus.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('code', t('stimulus.code'), false, true)}
            <TextInput
              label={t('stimulus.offset')}
              description={t('stimulus.offsetHint')}
              placeholder="H+00:30"
              value={form.offset}
              onChange={(e) => set('offset', e.currentTarget.value)}
              error={err('offset')}
            />
            <NativeSelect
              label={t('stimulus.channel')}
              value={form.channel}
              onChange={(e) => set('channel', e.currentTarget.value as Channel)}
              data={channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('stimulus.persona')}
              value={form.personaId}
              onChange={(e) => set('personaId', e.currentTarget.value)}
              data={exercise.personas.map((p) => ({ value: p.id, label: `${pick(p.name, lang)} — ${pick(p.function, lang)}` }))}
              error={err('personaId')}
            />
            <NativeSelect
              label={t('stimulus.targetCell')}
              value={form.targetCell}
              onChange={(e) => set('targetCell', e.currentTarget.value)}
              data={exercise.scenarioCells.map((c) => ({ value: c.id, label: pick(c.name, lang) }))}
              error={err('targetCell')}
            />
            <MultiSelect
              label={t('stimulus.targetRoles')}
              value={form.targetRoles}
              onChange={(v) => set('targetRoles', v as CellRole[])}
              data={cellRoles.map((r) => ({ value: r, label: t(`functions.${r}`) }))}
              error={err('targetRoles')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('subjectFr', t('stimulus.subjectFr'), false, true)}
            {text('subjectEn', t('stimulus.subjectEn'))}
            {text('contentFr', t('stimulus.contentFr'), true, true)}
            {text('contentEn', t('stimulus.contentEn'), true)}
            {text('expectedFr', t('stimulus.expectedFr'), true, true)}
            {text('expectedEn', t('stimulus.expectedEn'), true)}
          </SimpleGrid>
          {media ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('mediaSourceFr', t('stimulus.mediaSourceFr'))}
              {text('mediaSourceEn', t('stimulus.mediaSourceEn'))}
              {text('headlineFr', t('stimulus.headlineFr'))}
              {text('headlineEn', t('stimulus.headlineEn'))}
            </SimpleGrid>
          ) : null}
          <Checkbox label={t('stimulus.spareLabel')} checked={form.spare} onChange={(e) => set('spare', e.currentTarget.checked)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('stimulus.after')}
              value={form.afterCode}
              onChange={(e) => set('afterCode', e.currentTarget.value)}
              data={[
                { value: '', label: t('stimulus.noCondition') },
                ...codes.filter((c) => c !== stimulus?.id).map((c) => ({ value: c, label: c })),
              ]}
              error={err('afterCode')}
            />
            <NativeSelect
              label={t('stimulus.condition')}
              value={form.afterCondition}
              disabled={!form.afterCode}
              onChange={(e) => set('afterCondition', e.currentTarget.value as Condition)}
              data={conditions.map((c) => ({ value: c, label: t(`conditionChoices.${c}`) }))}
            />
          </SimpleGrid>
          {/* Errors without a field of this form (e.g. a chronogram check) show here. */}
          {save.error && !serverField ? (
            <div>
              <ErrorAlert error={save.error} />
              <ConflictHint error={save.error} />
            </div>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
