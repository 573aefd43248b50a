import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface StepDraft {
  description: string;
  dueOn: string;
}

/** The remediation steps proposed for a finding: one line each, with its deadline. */
export function PlanEditor({
  initial,
  pending,
  onSave,
  onCancel,
}: {
  initial: StepDraft[];
  pending: boolean;
  onSave: (steps: StepDraft[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('suppliersRegister');
  const [steps, setSteps] = useState<StepDraft[]>(initial.length > 0 ? initial : [{ description: '', dueOn: '' }]);
  const set = (i: number, patch: Partial<StepDraft>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(steps.map((s) => ({ description: s.description.trim(), dueOn: s.dueOn })).filter((s) => s.description));
      }}
    >
      <Stack gap="xs">
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              style={{ flex: 1, minWidth: 220 }}
              size="xs"
              label={t('plan.step', { n: i + 1 })}
              value={s.description}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
            />
            <TextInput
              size="xs"
              type="date"
              label={t('plan.stepDue', { n: i + 1 })}
              value={s.dueOn}
              onChange={(e) => set(i, { dueOn: e.currentTarget.value })}
            />
            <Button
              size="xs"
              variant="subtle"
              c="red.9"
              onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
              disabled={steps.length === 1}
            >
              {t('plan.removeStep', { n: i + 1 })}
            </Button>
          </Group>
        ))}
        <Group justify="space-between">
          <Button size="xs" variant="light" onClick={() => setSteps((all) => [...all, { description: '', dueOn: '' }])}>
            {t('plan.addStep')}
          </Button>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" type="submit" loading={pending}>
              {t('plan.propose')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
