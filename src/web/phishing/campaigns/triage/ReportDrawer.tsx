import { Anchor, Button, Checkbox, Drawer, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useFormatDate } from '../common.js';
import { campaignApi, campaignKeys } from '../endpoints.js';
import { type DecidedVerdict, decidedVerdicts, type PhishingReport } from '../types.js';

/** One reported email: who sent it, what it says, and the verdict (with an optional note and feedback to the reporter). */
export function ReportDrawer({ orgId, report, onClose }: { orgId: string; report: PhishingReport | null; onClose: () => void }) {
  const { t } = useTranslation('phishingCampaigns');
  const { t: ta } = useTranslation('admin');
  const closeLabel = ta('common.close');
  return (
    <Drawer
      opened={report !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('triage.drawerTitle')}
      closeButtonProps={{ 'aria-label': closeLabel }}
    >
      {report ? <ReportDetail key={report.id} orgId={orgId} report={report} onDone={onClose} /> : null}
    </Drawer>
  );
}

function ReportDetail({ orgId, report: r, onDone }: { orgId: string; report: PhishingReport; onDone: () => void }) {
  const { t } = useTranslation('phishingCampaigns');
  const date = useFormatDate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<DecidedVerdict | ''>(
    decidedVerdicts.includes(r.verdict as DecidedVerdict) ? (r.verdict as DecidedVerdict) : '',
  );
  const [note, setNote] = useState(r.note ?? '');
  const [sendFeedback, setSendFeedback] = useState(false);
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: () =>
      api<PhishingReport>(campaignApi.report(orgId, r.id), {
        method: 'PUT',
        body: { verdict, note: note.trim() || undefined, sendFeedback },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.reports(orgId) });
      notify({ tone: 'success', message: t('triage.saved') });
      onDone();
    },
  });
  const rows: Array<[string, string]> = [
    [t('triage.from'), r.fromAddress || '—'],
    [t('triage.subject'), r.subject || '—'],
    [t('triage.received'), date(r.receivedAt)],
    [t('triage.reporter'), r.reporterEmail ?? '—'],
    [t('triage.source'), t(`triage.sources.${r.source}`)],
  ];
  return (
    <Stack>
      <dl style={{ margin: 0 }}>
        {rows.map(([k, v]) => (
          <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
            <Text component="dt" fw={600} size="sm" w={140} style={{ flexShrink: 0 }}>
              {k}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
              {v}
            </Text>
          </Group>
        ))}
      </dl>
      <div>
        <Text fw={600} size="sm">
          {t('triage.excerpt')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} bg="var(--mantine-color-gray-0)" p="xs">
          {r.excerpt || '—'}
        </Text>
      </div>
      {r.urls.length ? (
        <div>
          <Text fw={600} size="sm">
            {t('triage.urls')}
          </Text>
          {/* Shown as text, never as links: these addresses may be hostile. */}
          {r.urls.map((u) => (
            <Text key={u} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {u}
            </Text>
          ))}
        </div>
      ) : null}
      {r.verdict === 'simulation' ? (
        <Text size="sm">{t('triage.isSimulation')}</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!verdict) return setMissing(true);
            decide.mutate();
          }}
        >
          <Stack>
            <Radio.Group
              label={t('triage.verdict')}
              value={verdict}
              onChange={(v) => {
                setVerdict(v as DecidedVerdict);
                setMissing(false);
              }}
              error={missing ? t('triage.verdictRequired') : undefined}
              required
            >
              <Stack gap={6} mt={6}>
                {decidedVerdicts.map((v) => (
                  <Radio key={v} value={v} label={t(`verdicts.${v}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('triage.note')}
              description={t('triage.noteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={3}
            />
            <Checkbox
              label={t('triage.sendFeedback')}
              description={r.reporterEmail ? t('triage.sendFeedbackHint', { email: r.reporterEmail }) : t('triage.noReporter')}
              checked={sendFeedback}
              disabled={!r.reporterEmail}
              onChange={(e) => setSendFeedback(e.currentTarget.checked)}
            />
            {r.feedbackSentAt ? (
              <Text size="xs" c="dimmed">
                {t('triage.feedbackSent', { date: date(r.feedbackSentAt) })}
              </Text>
            ) : null}
            <ErrorAlert error={decide.error} />
            <Group justify="flex-end">
              <Anchor component="button" type="button" size="sm" onClick={onDone}>
                {t('triage.close')}
              </Anchor>
              <Button type="submit" loading={decide.isPending}>
                {t('triage.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
