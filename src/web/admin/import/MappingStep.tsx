import { Button, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { Callout } from '../components/Callout.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formErrorsOf } from '../components/formErrors.js';
import { endpoints } from '../endpoints.js';
import {
  type ImportField,
  type ImportMapping,
  type ImportMode,
  type ImportSummary,
  type ImportUpload,
  importFields,
  requiredImportFields,
} from '../types.js';

interface Props {
  orgId: string;
  upload: ImportUpload;
  filename: string;
  mode: ImportMode;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  onBack: () => void;
  onChecked: (summary: ImportSummary) => void;
}

const delimiterKey = (d: string): string => ({ ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' })[d] ?? 'other';

/** Step 2: which column of the file feeds which field, with the first rows to check by eye. */
export function MappingStep({ orgId, upload, filename, mode, mapping, onMapping, onBack, onChecked }: Props) {
  const { t } = useTranslation('admin');
  const [missing, setMissing] = useState<ImportField[]>([]);
  const headers = [...new Set(upload.headers)];
  const check = useMutation({
    mutationFn: () => api<ImportSummary>(endpoints.importDryRun(orgId, upload.id), { body: { mapping, mode } }),
    onSuccess: onChecked,
  });
  const { byField, general } = formErrorsOf(check.error, [...importFields, 'mode', 'mapping']);
  const used = Object.values(mapping).filter((h): h is string => Boolean(h));
  const duplicates = new Set(used.filter((h, i) => used.indexOf(h) !== i));
  const fieldOf = (header: string): ImportField | undefined => importFields.find((f) => mapping[f] === header);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const absent = requiredImportFields.filter((f) => !mapping[f]);
    setMissing(absent);
    if (absent.length === 0) check.mutate();
  };
  const cell = (row: ImportUpload['sample'][number], header: string, index: number): string =>
    Array.isArray(row) ? (row[index] ?? '') : (row[header] ?? '');

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('import.detected', {
            filename,
            encoding: upload.encoding,
            delimiter: t(`import.delimiters.${delimiterKey(upload.delimiter)}`),
            count: upload.rowCount,
          })}
        </Text>
        <Title order={2} size="h4">
          {t('import.mappingTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {importFields.map((field) => (
            <Select
              key={field}
              label={t(`import.fields.${field}`)}
              required={requiredImportFields.includes(field)}
              placeholder={t('import.notImported')}
              clearable
              searchable
              data={headers}
              value={mapping[field] ?? null}
              onChange={(header) => {
                const next = { ...mapping };
                if (header) next[field] = header;
                else delete next[field];
                onMapping(next);
                setMissing((m) => m.filter((f) => f !== field));
              }}
              error={
                byField[field] ??
                (missing.includes(field)
                  ? t('common.required')
                  : mapping[field] && duplicates.has(mapping[field])
                    ? t('import.usedTwice')
                    : undefined)
              }
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('import.roleFamilyHint')}
        </Text>
        <Title order={2} size="h4">
          {t('import.preview')}
        </Title>
        <DataTable
          caption={t('import.preview')}
          minWidth={Math.max(480, headers.length * 140)}
          head={headers.map((h) => {
            const f = fieldOf(h);
            return (
              <Table.Th key={h} scope="col">
                <div>{h}</div>
                <Text size="xs" c={f ? 'teal.9' : 'dimmed'} fw={400}>
                  {f ? `→ ${t(`import.fields.${f}`)}` : t('import.notImported')}
                </Text>
              </Table.Th>
            );
          })}
        >
          {upload.sample.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
            <Table.Tr key={i}>
              {headers.map((h, j) => (
                <Table.Td key={h}>{cell(row, h, upload.headers.indexOf(h) === -1 ? j : upload.headers.indexOf(h))}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </DataTable>
        {general ? <ErrorAlert error={check.error} /> : null}
        {duplicates.size > 0 ? <Callout color="orange">{t('import.duplicatesWarning')}</Callout> : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={check.isPending}>
            {t('import.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
