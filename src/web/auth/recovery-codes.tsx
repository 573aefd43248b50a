import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryCodesFile } from './recovery-file.js';

/**
 * The 10 one-time recovery codes, shown once: copy, download, then confirm they are saved
 * before moving on (they are the only way back in without the phone).
 */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);

  const download = () => {
    const text = recoveryCodesFile(codes, t('recovery.fileHeading'), new Date());
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'rempart-recovery-codes.txt';
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('recovery.onceTitle')}>
        {t('recovery.once')}
      </Alert>
      <Paper withBorder p="md">
        <List listStyleType="none" className="recovery-codes" aria-label={t('recovery.listLabel')} spacing={4}>
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      </Paper>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="outline" onClick={copy} aria-live="polite">
              {copied ? t('recovery.copied') : t('recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="outline" onClick={download}>
          {t('recovery.download')}
        </Button>
      </Group>
      <Checkbox label={t('recovery.savedCheck')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <Text size="sm" c="dimmed">
        {t('recovery.hint')}
      </Text>
      <Button onClick={onDone} disabled={!saved}>
        {doneLabel}
      </Button>
    </Stack>
  );
}
