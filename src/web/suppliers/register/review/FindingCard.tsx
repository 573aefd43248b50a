import { Badge, Button, Card, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { registerApi } from '../endpoints.js';
import { PlanEditor, type StepDraft } from './PlanEditor.js';
import type { Finding } from './types.js';

const severityColor = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' } as const;

interface Props {
  orgId: string;
  finding: Finding;
  /** Only the organization running the audit changes its findings. */
  lead: boolean;
  evidence: Array<{ id: string; fileName: string }>;
  onChanged: () => void;
}

/** A finding and its remediation plan: propose steps, agree, mark steps done with evidence, close. */
export function FindingCard({ orgId, finding: f, lead, evidence, onChanged }: Props) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [proof, setProof] = useState<Record<string, string>>({});
  const date = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T00:00:00`).toLocaleDateString(i18n.language) : '—');
  const done = () => {
    setEditing(false);
    setClosing(false);
    onChanged();
  };
  const plan = useMutation({
    mutationFn: (steps: StepDraft[]) => api<Finding>(registerApi.findingAction(orgId, f.id, 'plan'), { method: 'PUT', body: { steps } }),
    onSuccess: done,
  });
  const agree = useMutation({
    mutationFn: () => api<Finding>(registerApi.findingAction(orgId, f.id, 'plan/agree'), { method: 'POST' }),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: () => api<Finding>(registerApi.findingAction(orgId, f.id, 'close'), { method: 'POST' }),
    onSuccess: done,
  });
  const step = useMutation({
    mutationFn: (stepId: string) => api<Finding>(registerApi.stepDone(orgId, f.id, stepId), { body: { evidenceId: proof[stepId] ?? '' } }),
    onSuccess: done,
  });
  const canPlan = lead && (f.status === 'open' || f.status === 'plan_proposed');
  const allDone = f.steps.length > 0 && f.steps.every((s) => s.status === 'done');
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{f.title}</Text>
            <Text size="xs" c="dimmed">
              {t('findings.dueLine', { date: date(f.dueOn) })}
              {f.overdue ? ` · ${t('findings.overdue')}` : ''}
            </Text>
          </div>
          <Group gap={6}>
            <Badge color={severityColor[f.severity]} c="var(--mantine-color-text)" variant="light">
              {t(`severities.${f.severity}`)}
            </Badge>
            <Badge variant="outline">{t(`findingStatuses.${f.status}`)}</Badge>
          </Group>
        </Group>
        {f.description ? <Text size="sm">{f.description}</Text> : null}
        {f.rootCause ? <Text size="sm">{t('findings.rootCauseLine', { cause: f.rootCause })}</Text> : null}
        {f.steps.length > 0 && !editing ? (
          <List size="sm" spacing={4} aria-label={t('plan.title', { title: f.title })}>
            {f.steps.map((s, i) => (
              <List.Item key={s.id}>
                <Group gap="xs" wrap="wrap">
                  <span>
                    {t('plan.stepLine', { n: i + 1, description: s.description, date: date(s.dueOn) })}{' '}
                    {s.status === 'done' ? `✓ ${t('plan.doneOn', { date: date(s.doneAt) })}` : ''}
                  </span>
                  {lead && f.status === 'plan_agreed' && s.status === 'todo' ? (
                    <>
                      <NativeSelect
                        size="xs"
                        aria-label={t('plan.evidenceFor', { n: i + 1 })}
                        value={proof[s.id] ?? ''}
                        onChange={(e) => setProof({ ...proof, [s.id]: e.currentTarget.value })}
                        data={[
                          { value: '', label: t('plan.chooseEvidence') },
                          ...evidence.map((e) => ({ value: e.id, label: e.fileName })),
                        ]}
                      />
                      <Button
                        size="compact-xs"
                        onClick={() => step.mutate(s.id)}
                        disabled={!proof[s.id]}
                        loading={step.isPending && step.variables === s.id}
                      >
                        {t('plan.markDone', { n: i + 1 })}
                      </Button>
                    </>
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : null}
        {editing ? (
          <PlanEditor
            initial={f.steps.map((s) => ({ description: s.description, dueOn: s.dueOn }))}
            pending={plan.isPending}
            onSave={(steps) => plan.mutate(steps)}
            onCancel={() => setEditing(false)}
          />
        ) : null}
        <ErrorAlert error={plan.error ?? agree.error ?? step.error} />
        {lead && !editing ? (
          <Group gap="xs">
            {canPlan ? (
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {f.steps.length > 0 ? t('plan.edit') : t('plan.create')}
              </Button>
            ) : null}
            {f.status === 'plan_proposed' ? (
              <Button size="xs" onClick={() => agree.mutate()} loading={agree.isPending}>
                {t('plan.agree')}
              </Button>
            ) : null}
            {f.status === 'plan_agreed' ? (
              <Button
                size="xs"
                color="green.9"
                onClick={() => {
                  close.reset();
                  setClosing(true);
                }}
                disabled={!allDone}
              >
                {t('findings.close')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={closing}
        title={t('findings.closeTitle')}
        confirmLabel={t('findings.close')}
        color="green.9"
        onConfirm={() => close.mutate()}
        onClose={() => setClosing(false)}
        loading={close.isPending}
        error={close.error}
      >
        {t('findings.closeText', { title: f.title })}
      </ConfirmModal>
    </Card>
  );
}
