import {
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { formErrorsOf } from '../../../admin/components/formErrors.js';
import { Markdown } from '../../markdown-view.js';
import { RoleFamiliesSelect } from '../components/targeting-fields.js';
import { useRulePreview } from '../curricula/hooks.js';
import { formatCount } from '../metrics-display.js';
import type { FlashAlert, FlashAlertInput, Language } from '../types.js';
import { languages } from '../vocab.js';

const fields = ['title', 'summary', 'body', 'language', 'roleFamilies', 'organizationIds'] as const;

interface Props {
  /** The organization (recipients counted before sending); null for a territory. */
  orgId: string | null;
  members?: Array<{ value: string; label: string }>;
  onSubmit: (input: FlashAlertInput) => Promise<FlashAlert>;
  onDone: (alert: FlashAlert) => void;
}

const empty = { title: '', summary: '', body: '' };

/** A short threat alert: shown as a banner until read, and emailed once to each person targeted. */
export function FlashAlertForm({ orgId, members, onSubmit, onDone }: Props) {
  const { t } = useTranslation('learningAdmin');
  const [text, setText] = useState(empty);
  const [language, setLanguage] = useState<Language>('fr');
  const [roleFamilies, setRoleFamilies] = useState<string[]>([]);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: onSubmit,
    onSuccess: (alert) => {
      setConfirming(false);
      setText(empty);
      setRoleFamilies([]);
      setOrganizationIds([]);
      onDone(alert);
    },
    // An error about a field is shown beside it, so the confirmation steps aside.
    onError: (e) => {
      if (formErrorsOf(e, fields).general === null) setConfirming(false);
    },
  });
  const { byField, general } = formErrorsOf(publish.error, fields);
  const input = (): FlashAlertInput => ({
    title: text.title.trim(),
    summary: text.summary.trim(),
    body: text.body.trim(),
    language,
    roleFamilies,
    ...(members ? { organizationIds } : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.reset();
    setConfirming(true);
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="flash-form-title">
      <Stack>
        <Title id="flash-form-title" order={2} size="h4">
          {t('alerts.createTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.title')}
            required
            value={text.title}
            onChange={(e) => setText({ ...text, title: e.currentTarget.value })}
            error={byField.title}
          />
          <NativeSelect
            label={t('alerts.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value === 'en' ? 'en' : 'fr')}
            data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            error={byField.language}
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.summary')}
          description={t('alerts.summaryHint')}
          required
          autosize
          minRows={2}
          value={text.summary}
          onChange={(e) => setText({ ...text, summary: e.currentTarget.value })}
          error={byField.summary}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label={t('alerts.body')}
            description={t('editor.markdownHint')}
            required
            autosize
            minRows={6}
            value={text.body}
            onChange={(e) => setText({ ...text, body: e.currentTarget.value })}
            error={byField.body}
            styles={{ input: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } }}
          />
          <Card withBorder role="region" aria-label={t('alerts.preview')} lang={language}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700} aria-hidden="true">
              {t('editor.preview')}
            </Text>
            <Typography>
              <Markdown source={text.body} />
            </Typography>
          </Card>
        </SimpleGrid>
        <RoleFamiliesSelect
          label={t('targeting.roleFamilies')}
          description={t('targeting.anyHint')}
          value={roleFamilies}
          onChange={setRoleFamilies}
          error={byField.roleFamilies}
        />
        {members ? (
          <MultiSelect
            label={t('alerts.members')}
            description={t('alerts.membersHint')}
            data={members}
            value={organizationIds}
            onChange={setOrganizationIds}
            searchable
            clearable
            error={byField.organizationIds}
          />
        ) : null}
        {general && !confirming ? <ErrorAlert error={publish.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" color="red.9">
            {t('alerts.publish')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('alerts.confirmTitle')}
        confirmLabel={t('alerts.confirm')}
        onConfirm={() => publish.mutate(input())}
        onClose={() => setConfirming(false)}
        loading={publish.isPending}
        error={general ? publish.error : null}
      >
        {confirming ? <Recipients orgId={orgId} roleFamilies={roleFamilies} /> : null}
      </ConfirmModal>
    </Card>
  );
}

/** "This will email N people": counted with the rules preview (same targeting by role family). */
function Recipients({ orgId, roleFamilies }: { orgId: string | null; roleFamilies: string[] }) {
  const { t, i18n } = useTranslation('learningAdmin');
  if (!orgId) return <Text>{t('alerts.confirmTerritory')}</Text>;
  return <OrgRecipients orgId={orgId} roleFamilies={roleFamilies} locale={i18n.language} />;
}

function OrgRecipients({ orgId, roleFamilies, locale }: { orgId: string; roleFamilies: string[]; locale: string }) {
  const { t } = useTranslation('learningAdmin');
  const preview = useRulePreview(orgId, null, { roleFamilies, services: [], sites: [] });
  const n = preview.data?.matching;
  return (
    <Text data-testid="flash-alert-recipients">
      {n === undefined ? t('alerts.confirmUnknown') : t('alerts.confirmText', { count: n, formatted: formatCount(n, locale) })}
    </Text>
  );
}
