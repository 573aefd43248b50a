import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { auditsApi } from '../endpoints.js';
import { RemediationPlanForm } from './RemediationPlanForm.js';
import { RemediationStep } from './RemediationStep.js';
import { type ProviderFinding, providerActions, remediationApi, type Severity, stepsDone } from './remediation-logic.js';

// Tinted background, text in the page's color: orange and yellow text would fall under 4.5:1.
const severityColor: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
const severityStyles = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } };
const statusColor = { open: 'blue', plan_proposed: 'violet', plan_agreed: 'indigo', closed: 'teal' } as const;

interface Props {
  auditId: string;
  maxBytes: number;
  finding: ProviderFinding;
  auditClosed: boolean;
  today: string;
  onChanged: (next: ProviderFinding) => void;
}

/** One finding as the provider sees it: what is wrong, the plan on the table and what the provider may do next. */
export function RemediationFinding({ auditId, maxBytes, finding: f, auditClosed, today, onChanged }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const [editing, setEditing] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const [agreeBusy, setAgreeBusy] = useState(false);
  const [agreeError, setAgreeError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const can = providerActions(f, auditClosed);
  const progress = stepsDone(f);
  const headingId = `finding-${f.id}`;
  const formatDay = (day: string | null) => (day ? new Date(`${day.slice(0, 10)}T00:00:00`).toLocaleDateString(i18n.language) : '—');
  const agree = async () => {
    setAgreeBusy(true);
    setAgreeError(null);
    try {
      onChanged(await api<ProviderFinding>(remediationApi.agree(auditId, f.id), { method: 'POST' }));
      setAgreeing(false);
      setNotice(t('remediation.agreed'));
    } catch (e) {
      setAgreeError(e);
    } finally {
      setAgreeBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title id={headingId} order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {f.title}
          </Title>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" color={severityColor[f.severity]} c="var(--mantine-color-text)" styles={severityStyles}>
              {t(`remediation.severity.${f.severity}`)}
            </Badge>
            <StatusBadge color={statusColor[f.status]}>{t(`remediation.status.${f.status}`)}</StatusBadge>
            {f.overdue && f.status !== 'closed' ? <StatusBadge color="red">{t('remediation.overdue')}</StatusBadge> : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {f.status === 'closed' && f.closedAt
            ? t('remediation.closedOn', { date: formatDay(f.closedAt) })
            : f.dueOn
              ? t('remediation.dueOn', { date: formatDay(f.dueOn) })
              : t('remediation.noDueOn')}
          {progress.total > 0 ? ` · ${t('remediation.progress', progress)}` : ''}
        </Text>
        {f.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {f.description}
          </Text>
        ) : null}
        {can.awaitingEstablishment ? <Callout color="blue">{t('remediation.proposedByProvider')}</Callout> : null}
        {can.agree ? <Callout color="yellow">{t('remediation.proposedByEstablishment')}</Callout> : null}
        {f.steps.length > 0 && !editing ? (
          <List listStyleType="none" p={0} m={0} aria-label={t('remediation.stepsLabel', { title: f.title })}>
            {f.steps.map((s, i) => (
              <RemediationStep
                key={s.id}
                auditId={auditId}
                maxBytes={maxBytes}
                finding={f}
                step={s}
                n={i + 1}
                today={today}
                canMarkDone={can.markDone}
                formatDay={formatDay}
                onDone={onChanged}
              />
            ))}
          </List>
        ) : null}
        {f.evidence.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('remediation.evidenceTitle')}
            </Text>
            <List size="sm">
              {f.evidence.map((e) => (
                <List.Item key={e.id}>
                  <Anchor href={auditsApi.portalEvidenceFile(auditId, e.id)} style={{ overflowWrap: 'anywhere' }}>
                    {e.fileName}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {editing ? (
          <RemediationPlanForm
            auditId={auditId}
            finding={f}
            onCancel={() => setEditing(false)}
            onSent={(next) => {
              setEditing(false);
              setNotice(t('remediation.form.sent'));
              onChanged(next);
            }}
          />
        ) : null}
        {f.status === 'closed' ? (
          <Text size="sm" c="dimmed">
            {t('remediation.readOnlyClosed')}
          </Text>
        ) : null}
        {!editing && (can.propose || can.agree) ? (
          <Group gap="xs" wrap="wrap">
            {can.agree ? (
              <Button
                size="xs"
                onClick={() => {
                  setAgreeError(null);
                  setAgreeing(true);
                }}
              >
                {t('remediation.agree')}
              </Button>
            ) : null}
            {can.propose ? (
              <Button
                size="xs"
                variant={can.agree ? 'default' : 'filled'}
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {f.status === 'open'
                  ? t('remediation.propose')
                  : can.awaitingEstablishment
                    ? t('remediation.editProposal')
                    : t('remediation.counterProposal')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <Text size="sm" c="teal.9" aria-live="polite">
          {notice}
        </Text>
      </Stack>
      <ConfirmModal
        opened={agreeing}
        title={t('remediation.agreeTitle')}
        confirmLabel={t('remediation.agreeConfirm')}
        color="blue.9"
        onConfirm={() => void agree()}
        onClose={() => setAgreeing(false)}
        loading={agreeBusy}
        error={agreeError}
      >
        {t('remediation.agreeText', { count: f.steps.length, title: f.title })}
      </ConfirmModal>
    </Paper>
  );
}
