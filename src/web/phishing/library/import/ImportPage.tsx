import { Alert, Button, FileInput, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { LibraryTabs } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { type ParsedImport, parseImportFile } from '../import-file.js';
import { type ImportKind, type ImportReport, importKinds, type Language, languages } from '../types.js';
import { ImportReportView } from './ImportReportView.js';

/**
 * Brings templates, landing pages, groups or sending profiles exported from the best-known open
 * phishing tool. "Check" runs the whole import and rolls it back, so its report is exactly what
 * "Import" will do.
 */
export function ImportPage() {
  return <WithOrg>{(orgId) => <Import orgId={orgId} />}</WithOrg>;
}

function Import({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('templates');
  const [language, setLanguage] = useState<Language>('fr');
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<ParsedImport | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      if (!parsed?.ok) throw new Error(t('import.noFile'));
      return api<ImportReport>(libraryApi.import(orgId), { body: { kind, data: parsed.data, dryRun, language } });
    },
    onSuccess: (report) => {
      if (report.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: libraryKeys.org(orgId) });
      notify({ tone: 'success', message: t('import.done', { count: report.created.length }) });
    },
  });
  const reset = () => run.reset();
  const pick = async (f: File | null) => {
    reset();
    setFile(f);
    setParsed(f ? parseImportFile(await f.text()) : null);
  };
  const checked = run.data?.dryRun === true;
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <LibraryTabs />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('import.kind')}
            value={kind}
            onChange={(e) => {
              reset();
              setKind(e.currentTarget.value as ImportKind);
            }}
            data={importKinds.map((k) => ({ value: k, label: t(`importKinds.${k}`) }))}
          />
          <FileInput
            label={t('import.file')}
            description={t('import.fileHint')}
            accept="application/json,.json"
            value={file}
            onChange={(f) => void pick(f)}
            clearable
            error={parsed && !parsed.ok ? t(`import.fileErrors.${parsed.reason}`) : undefined}
          />
          <NativeSelect
            label={t('import.language')}
            description={t('import.languageHint')}
            value={language}
            onChange={(e) => {
              reset();
              setLanguage(e.currentTarget.value as Language);
            }}
            data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
        </SimpleGrid>
        {parsed?.ok ? <Text size="sm">{t('import.itemsRead', { count: parsed.count })}</Text> : null}
        <Group>
          <Button variant="light" onClick={() => run.mutate(true)} disabled={!parsed?.ok} loading={run.isPending && run.variables === true}>
            {t('import.check')}
          </Button>
          <Button onClick={() => run.mutate(false)} disabled={!parsed?.ok || !checked} loading={run.isPending && run.variables === false}>
            {t('import.run')}
          </Button>
        </Group>
        {parsed?.ok && !checked && !run.data ? (
          <Text size="sm" c="dimmed">
            {t('import.checkFirst')}
          </Text>
        ) : null}
        <ErrorAlert error={run.error} />
        {run.data ? (
          <>
            <Alert
              color={run.data.dryRun ? 'blue' : 'teal'}
              title={run.data.dryRun ? t('import.checkedTitle') : t('import.doneTitle')}
              role="status"
            >
              {t(run.data.dryRun ? 'import.checkedSummary' : 'import.doneSummary', {
                created: run.data.created.length,
                skipped: run.data.skipped.length,
                warnings: run.data.warnings.length,
              })}
            </Alert>
            <ImportReportView report={run.data} />
          </>
        ) : null}
      </Stack>
    </>
  );
}
