import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { api } from '../../../api.js';
import { auditsApi } from '../endpoints.js';
import type { GridQuestion, PortalDetail } from '../types.js';

interface Props {
  auditId: string;
  /** What is still missing, computed with the server's rule (asked questions, required files). */
  missing: { answers: string[]; evidence: string[] };
  /** Visible questions, to name and number the missing ones. */
  visible: readonly GridQuestion[];
  label: (q: GridQuestion) => string;
  onSubmitted: (detail: PortalDetail) => void;
}

/** Hands the answers over, after a confirmation; lists and links what is missing when it cannot. */
export function SubmitPanel({ auditId, missing, visible, label, onSubmitted }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const [confirming, setConfirming] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const incomplete = missing.answers.length + missing.evidence.length > 0;
  const numberOf = (id: string) => visible.findIndex((q) => q.id === id) + 1;
  const byId = (id: string) => visible.find((q) => q.id === id);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSubmitted(await api<PortalDetail>(auditsApi.portalSubmit(auditId), { method: 'POST' }));
      setConfirming(false);
    } catch (e) {
      setError(e);
      // The server refuses with audit_incomplete when our view was stale: show the list again.
      setShowMissing(true);
    } finally {
      setBusy(false);
    }
  };
  const start = () => {
    if (incomplete) {
      setShowMissing(true);
      return;
    }
    setError(null);
    setConfirming(true);
  };
  const link = (id: string, key: string) => {
    const q = byId(id);
    return (
      <List.Item key={`${key}-${id}`}>
        <Anchor href={`#q-${id}`} onClick={() => document.getElementById(`q-${id}`)?.focus()}>
          {t('portal.questionNumber', { n: numberOf(id) })}
        </Anchor>{' '}
        {q ? `— ${label(q)}` : ''}
      </List.Item>
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="submit-heading">
      <Stack gap="sm">
        <Title id="submit-heading" order={2} size="h4">
          {t('portal.submitTitle')}
        </Title>
        <Text size="sm">{t('portal.submitHelp')}</Text>
        {showMissing && incomplete ? (
          <div role="alert">
            {missing.answers.length > 0 ? (
              <>
                <Text size="sm" fw={600}>
                  {t('portal.missingAnswers', { count: missing.answers.length })}
                </Text>
                <List size="sm">{missing.answers.map((id) => link(id, 'a'))}</List>
              </>
            ) : null}
            {missing.evidence.length > 0 ? (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t('portal.missingEvidence', { count: missing.evidence.length })}
                </Text>
                <List size="sm">{missing.evidence.map((id) => link(id, 'e'))}</List>
              </>
            ) : null}
          </div>
        ) : null}
        <Button onClick={start} style={{ alignSelf: 'flex-start' }}>
          {t('portal.submit')}
        </Button>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('portal.submitConfirmTitle')}
        confirmLabel={t('portal.submitConfirm')}
        color="blue.9"
        onConfirm={() => void submit()}
        onClose={() => setConfirming(false)}
        loading={busy}
        error={error}
      >
        {t('portal.submitConfirmText')}
      </ConfirmModal>
    </Paper>
  );
}
