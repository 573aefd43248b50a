import { Button, Card, Group, Loader, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { formErrorsOf } from '../../../admin/components/formErrors.js';
import { TargetingFields } from '../components/targeting-fields.js';
import { formatCount } from '../metrics-display.js';
import { type Targeting, toRuleInput } from '../rule-form.js';
import type { Rule, RuleInput } from '../types.js';
import { useRulePreview } from './hooks.js';

const fields = ['curriculumId', 'roleFamilies', 'services', 'sites', 'dueDays', 'organizationIds'] as const;

interface Props {
  /** The organization whose directory is targeted (services, sites, live preview); null for a territory. */
  orgId: string | null;
  curricula: Array<{ value: string; label: string }>;
  /** Member organizations to choose among (territory rules); absent for an organization. */
  members?: Array<{ value: string; label: string }>;
  onSubmit: (input: RuleInput) => Promise<Rule>;
  onDone: (rule: Rule) => void;
}

/** A rule: this curriculum for these people, enrolled at once and, later, as they join. */
export function RuleForm({ orgId, curricula, members, onSubmit, onDone }: Props) {
  const { t } = useTranslation('learningAdmin');
  const [curriculumId, setCurriculumId] = useState<string | null>(null);
  const [targeting, setTargeting] = useState<Targeting>({ roleFamilies: [], services: [], sites: [] });
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [dueDays, setDueDays] = useState(30);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: onSubmit,
    onSuccess: (rule) => {
      setTargeting({ roleFamilies: [], services: [], sites: [] });
      setOrganizationIds([]);
      onDone(rule);
    },
  });
  const { byField, general } = formErrorsOf(save.error, fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!curriculumId) return setMissing(true);
    save.mutate(toRuleInput(curriculumId, targeting, dueDays, members ? organizationIds : undefined));
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="rule-form-title">
      <Stack>
        <Title id="rule-form-title" order={3} size="h4">
          {t('rules.createTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('rules.curriculum')}
            required
            data={curricula}
            value={curriculumId}
            onChange={(v) => {
              setCurriculumId(v);
              setMissing(false);
            }}
            error={byField.curriculumId ?? (missing ? t('common.required') : undefined)}
          />
          <NumberInput
            label={t('fields.dueDays')}
            min={1}
            max={730}
            allowDecimal={false}
            value={dueDays}
            onChange={(v) => setDueDays(Number(v) || 0)}
            error={byField.dueDays}
          />
        </SimpleGrid>
        {members ? (
          <MultiSelect
            label={t('rules.members')}
            description={t('rules.membersHint')}
            data={members}
            value={organizationIds}
            onChange={setOrganizationIds}
            searchable
            clearable
            error={byField.organizationIds}
          />
        ) : null}
        <TargetingFields orgId={orgId} value={targeting} onChange={setTargeting} errors={byField} />
        {orgId ? <MatchingPreview orgId={orgId} curriculumId={curriculumId} targeting={targeting} /> : null}
        {general ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('rules.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** "N people match", read out politely as the targeting changes. */
function MatchingPreview({ orgId, curriculumId, targeting }: { orgId: string; curriculumId: string | null; targeting: Targeting }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const preview = useRulePreview(orgId, curriculumId, targeting);
  return (
    <Group gap="xs" aria-live="polite" data-testid="rule-preview">
      {preview.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
      <Text size="sm" fw={600}>
        {preview.error
          ? t('rules.previewUnavailable')
          : preview.data
            ? t('rules.matching', { count: preview.data.matching, formatted: formatCount(preview.data.matching, i18n.language) })
            : t('common.loading')}
      </Text>
    </Group>
  );
}
