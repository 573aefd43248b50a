import { ActionIcon, Button, Checkbox, Group, List, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { formErrorsOf } from '../../../admin/components/formErrors.js';
import { api } from '../../../api.js';
import { adminApi } from '../endpoints.js';
import { moveItem } from '../module-form.js';
import type { Curriculum, CurriculumInput } from '../types.js';
import { useModuleChoices } from './hooks.js';

const fields = ['nameFr', 'nameEn', 'moduleIds', 'dueDays', 'recurrenceMonths'] as const;

/** An own curriculum: its names, its modules in order, the time given, and whether it comes back each year. */
export function CurriculumForm({
  orgId,
  initial,
  onDone,
  onCancel,
}: {
  orgId: string;
  initial: Curriculum | null;
  onDone: (c: Curriculum) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('learningAdmin');
  const modules = useModuleChoices(orgId);
  const [nameFr, setNameFr] = useState(initial?.nameFr ?? '');
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? '');
  const [moduleIds, setModuleIds] = useState<string[]>(initial?.moduleIds ?? []);
  const [dueDays, setDueDays] = useState<number>(initial?.dueDays ?? 30);
  const [recurs, setRecurs] = useState(initial ? initial.recurrenceMonths !== null : false);
  const [months, setMonths] = useState<number>(initial?.recurrenceMonths ?? 12);
  const save = useMutation({
    mutationFn: (input: CurriculumInput) =>
      initial
        ? api<Curriculum>(adminApi.curriculum(orgId, initial.id), { method: 'PUT', body: input })
        : api<Curriculum>(adminApi.curricula(orgId), { body: input }),
    onSuccess: onDone,
  });
  const { byField, general } = formErrorsOf(save.error, fields);
  const titleOf = (id: string) => modules.data?.find((m) => m.value === id)?.label ?? id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    save.mutate({ nameFr: nameFr.trim(), nameEn: nameEn.trim(), moduleIds, dueDays, recurrenceMonths: recurs ? months : null });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('curricula.nameFr')}
            required
            value={nameFr}
            onChange={(e) => setNameFr(e.currentTarget.value)}
            error={byField.nameFr}
          />
          <TextInput
            label={t('curricula.nameEn')}
            required
            value={nameEn}
            onChange={(e) => setNameEn(e.currentTarget.value)}
            error={byField.nameEn}
          />
        </SimpleGrid>
        <Select
          label={t('curricula.addModule')}
          placeholder={t('common.typeToSearch')}
          searchable
          data={(modules.data ?? []).filter((m) => !moduleIds.includes(m.value))}
          value={null}
          onChange={(id) => id && setModuleIds((ids) => [...ids, id])}
          nothingFoundMessage={t('common.nothingFound')}
          error={byField.moduleIds}
        />
        {moduleIds.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('curricula.noModules')}
          </Text>
        ) : (
          <List type="ordered" spacing={4} aria-label={t('curricula.modules')}>
            {moduleIds.map((id, i) => (
              <List.Item key={id}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {titleOf(id)}
                  </Text>
                  <ActionIcon
                    size="sm"
                    variant="default"
                    disabled={i === 0}
                    onClick={() => setModuleIds((ids) => moveItem(ids, i, i - 1))}
                    aria-label={t('curricula.moveUp', { title: titleOf(id) })}
                  >
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="default"
                    disabled={i === moduleIds.length - 1}
                    onClick={() => setModuleIds((ids) => moveItem(ids, i, i + 1))}
                    aria-label={t('curricula.moveDown', { title: titleOf(id) })}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="default"
                    onClick={() => setModuleIds((ids) => ids.filter((x) => x !== id))}
                    aria-label={t('curricula.removeModule', { title: titleOf(id) })}
                  >
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('fields.dueDays')}
            min={1}
            max={730}
            allowDecimal={false}
            value={dueDays}
            onChange={(v) => setDueDays(Number(v) || 0)}
            error={byField.dueDays}
          />
          <Stack gap={4}>
            <Checkbox label={t('curricula.recurs')} checked={recurs} onChange={(e) => setRecurs(e.currentTarget.checked)} mt="lg" />
            {recurs ? (
              <NumberInput
                label={t('curricula.everyMonths')}
                min={1}
                max={60}
                allowDecimal={false}
                value={months}
                onChange={(v) => setMonths(Number(v) || 0)}
                error={byField.recurrenceMonths}
              />
            ) : null}
          </Stack>
        </SimpleGrid>
        {general ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
