import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { errorsByPath } from '../field-errors.js';
import {
  emptyStep,
  MAX_STEPS,
  type PlanProblem,
  type ProviderFinding,
  planBodyOf,
  planProblems,
  remediationApi,
  type StepDraft,
} from './remediation-logic.js';

interface Props {
  auditId: string;
  finding: ProviderFinding;
  onSent: (next: ProviderFinding) => void;
  onCancel: () => void;
}

/**
 * The provider's proposal for a finding: one row per step (action and deadline). The form checks
 * what the server would refuse before sending, and shows the server's field errors at the same
 * places (`steps.<i>.description`, `steps.<i>.dueOn`).
 */
export function RemediationPlanForm({ auditId, finding, onSent, onCancel }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const formId = useId();
  // A counter-proposal starts from the steps on the table, which the provider usually only adjusts.
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    finding.steps.length > 0 ? finding.steps.map((s) => ({ description: s.description, dueOn: s.dueOn })) : [emptyStep()],
  );
  const [local, setLocal] = useState<Record<string, PlanProblem>>({});
  const [server, setServer] = useState<Record<string, string>>({});
  const [rest, setRest] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorAt = (path: string): string | undefined => (local[path] ? t(`remediation.form.errors.${local[path]}`) : server[path]);
  const edit = (i: number, patch: Partial<StepDraft>) => {
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    // The row's own messages go as soon as it is being corrected; others stay until the next send.
    const drop = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.startsWith(`steps.${i}.`)));
    setLocal((m) => drop(m) as Record<string, PlanProblem>);
    setServer((m) => drop(m) as Record<string, string>);
  };
  // Adding or removing a row shifts the numbers: messages keyed by index would land on the wrong row.
  const reshape = (next: StepDraft[]) => {
    setSteps(next);
    setLocal({});
    setServer({});
  };
  const send = async () => {
    const problems = planProblems(steps);
    setLocal(problems);
    setServer({});
    setRest(null);
    if (Object.keys(problems).length > 0) {
      const first = Object.keys(problems).find((k) => k !== 'steps');
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onSent(await api<ProviderFinding>(remediationApi.plan(auditId, finding.id), { method: 'PUT', body: planBodyOf(steps) }));
    } catch (e) {
      const { byPath, rest: other } = errorsByPath(e);
      setServer(byPath);
      // An error no row claims (plan_locked, audit_closed…) is shown above the buttons.
      setRest(other !== null || Object.keys(byPath).every((k) => !k.startsWith('steps')) ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const listError = errorAt('steps');
  const hasErrors = Object.keys(local).length > 0;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-body)">
      <form
        noValidate
        aria-labelledby={`${formId}-legend`}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Stack gap="sm">
          <div>
            <Text id={`${formId}-legend`} fw={600} size="sm">
              {t('remediation.form.legend', { title: finding.title })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('remediation.form.help')}
            </Text>
          </div>
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: draft rows have no id until the server stores them
            <Group key={i} align="flex-start" gap="xs" wrap="wrap">
              <Textarea
                id={`${formId}-steps.${i}.description`}
                style={{ flex: '1 1 16rem' }}
                label={t('remediation.form.description', { n: i + 1 })}
                value={s.description}
                onChange={(e) => edit(i, { description: e.currentTarget.value })}
                error={errorAt(`steps.${i}.description`)}
                autosize
                minRows={1}
                required
              />
              <TextInput
                id={`${formId}-steps.${i}.dueOn`}
                type="date"
                style={{ flex: '0 1 11rem' }}
                label={t('remediation.form.dueOn', { n: i + 1 })}
                value={s.dueOn}
                onChange={(e) => edit(i, { dueOn: e.currentTarget.value })}
                error={errorAt(`steps.${i}.dueOn`)}
                required
              />
              <Button
                variant="subtle"
                color="red.9"
                mt={{ base: 0, sm: 24 }}
                onClick={() => reshape(steps.filter((_, j) => j !== i))}
                disabled={steps.length === 1}
              >
                {t('remediation.form.remove', { n: i + 1 })}
              </Button>
            </Group>
          ))}
          {listError ? (
            <Text size="sm" c="red.9" role="alert">
              {listError}
            </Text>
          ) : null}
          {hasErrors ? (
            <Text size="sm" c="red.9" role="alert">
              {t('remediation.form.fix')}
            </Text>
          ) : null}
          <ErrorAlert error={rest} />
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Button variant="light" onClick={() => reshape([...steps, emptyStep()])} disabled={steps.length >= MAX_STEPS}>
              {t('remediation.form.add')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onCancel} disabled={busy}>
                {t('remediation.form.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('remediation.form.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
