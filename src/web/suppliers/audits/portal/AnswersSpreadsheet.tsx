import { Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { type AnswersImportReport, formatOf, issuePlace, outcomeOf, sortedIssues, spreadsheetApi } from './spreadsheet-logic.js';

interface Props {
  auditId: string;
  readOnly: boolean;
  /** Called once answers were saved from a file, so the page reloads them. */
  onImported: () => void;
}

/**
 * For providers who answer in Excel: download the grid with the answers so far, import the filled-in
 * file. The file is always checked first (a dry run) and its issues listed by line; only a clean file
 * can be imported, and only after the provider confirms.
 */
export function AnswersSpreadsheet({ auditId, readOnly, onImported }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const reset = useRef<() => void>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<AnswersImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const send = (f: File, dryRun: boolean) =>
    api<AnswersImportReport>(spreadsheetApi.portalImport(auditId, formatOf(f.name), dryRun), {
      raw: f,
      contentType: 'application/octet-stream',
    });

  const check = async (f: File | null) => {
    setFile(f);
    setReport(null);
    setError(null);
    setDone(null);
    // Lets the provider pick the same file again once it is fixed.
    reset.current?.();
    if (!f) return;
    setBusy('check');
    try {
      setReport(await send(f, true));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy('import');
    setError(null);
    try {
      const saved = await send(file, false);
      setDone(t('spreadsheet.imported', { count: saved.saved }));
      setFile(null);
      setReport(null);
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const cancel = () => {
    setFile(null);
    setReport(null);
    setError(null);
  };

  const words = {
    line: (line: number) => t('spreadsheet.line', { line }),
    wholeFile: t('spreadsheet.wholeFile'),
    column: (column: string) => t('spreadsheet.column', { column }),
    question: (id: string) => t('spreadsheet.question', { id }),
  };
  const outcome = report ? outcomeOf(report) : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="answers-spreadsheet">
      <Stack gap="sm">
        <Title id="answers-spreadsheet" order={2} size="h4">
          {t('spreadsheet.title')}
        </Title>
        <Text size="sm">{readOnly ? t('spreadsheet.helpReadOnly') : t('spreadsheet.help')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button component="a" variant="default" href={spreadsheetApi.portalFile(auditId, 'xlsx')} download>
            {t('spreadsheet.downloadXlsx')}
          </Button>
          <Button component="a" variant="default" href={spreadsheetApi.portalFile(auditId, 'csv')} download>
            {t('spreadsheet.downloadCsv')}
          </Button>
        </Group>
        {readOnly ? null : (
          <>
            <Group gap="sm" wrap="wrap">
              <FileButton resetRef={reset} onChange={(f) => void check(f)} accept=".xlsx,.csv">
                {(props) => (
                  <Button {...props} loading={busy === 'check'} disabled={busy === 'import'}>
                    {t('spreadsheet.import')}
                  </Button>
                )}
              </FileButton>
              <Text size="xs" c="dimmed">
                {t('spreadsheet.limits')}
              </Text>
            </Group>
            <div aria-live="polite">
              {busy === 'check' ? <Text size="sm">{t('spreadsheet.checking')}</Text> : null}
              {file && report ? (
                <Text size="sm" c="dimmed">
                  {t('spreadsheet.checked', { name: file.name })}
                </Text>
              ) : null}
              {done ? (
                <Text size="sm" c="teal.9">
                  {done}
                </Text>
              ) : null}
            </div>
            <ErrorAlert error={error} />
            {report && outcome?.kind === 'issues' ? (
              <Callout color="red" title={t('spreadsheet.issuesTitle', { count: outcome.count })} role="alert">
                <Text size="sm" mb="xs">
                  {t('spreadsheet.issuesHelp')}
                </Text>
                <List size="sm" spacing={4}>
                  {sortedIssues(report.issues).map((i, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and a line may have several
                    <List.Item key={`${i.line}-${i.column}-${n}`}>
                      <Text span fw={600} size="sm">
                        {issuePlace(i, words)}
                      </Text>
                      {' — '}
                      {i.message}
                    </List.Item>
                  ))}
                </List>
              </Callout>
            ) : null}
            {outcome?.kind === 'nothing' ? (
              <Callout color="blue" title={t('spreadsheet.nothingTitle')}>
                {t('spreadsheet.nothing')}
              </Callout>
            ) : null}
            {outcome?.kind === 'ready' ? (
              <Callout color="teal" title={t('spreadsheet.readyTitle')} role="status">
                <Text size="sm">{t('spreadsheet.ready', { count: outcome.saved })}</Text>
                {outcome.unchanged > 0 ? <Text size="sm">{t('spreadsheet.unchanged', { count: outcome.unchanged })}</Text> : null}
                <Group gap="sm" mt="sm" wrap="wrap">
                  <Button onClick={() => void confirm()} loading={busy === 'import'}>
                    {t('spreadsheet.confirm')}
                  </Button>
                  <Button variant="default" onClick={cancel} disabled={busy === 'import'}>
                    {t('spreadsheet.cancel')}
                  </Button>
                </Group>
              </Callout>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
