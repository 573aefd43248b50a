import { Group, NativeSelect, Radio, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { DifficultyBadge } from '../common.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import { difficulties, type TemplateSummary } from '../types.js';
import type { WizardState } from '../wizard-state.js';
import { TemplatePreview } from './TemplatePreview.js';

interface StepProps {
  owner: Owner;
  state: WizardState;
  patch: (p: Partial<WizardState>) => void;
  errors: Record<string, string>;
}

/** Step 1: the campaign's name and its email, chosen among the catalogue and the organization's own templates. */
export function TemplateStep({ owner, state, patch, errors }: StepProps) {
  const { t } = useTranslation('phishingCampaigns');
  return (
    <Stack>
      <TextInput
        label={t('wizard.fields.name')}
        description={t('wizard.fields.nameHint')}
        value={state.name}
        onChange={(e) => patch({ name: e.currentTarget.value })}
        error={errors.name}
        required
        maxLength={200}
      />
      <TemplatePicker owner={owner} state={state} patch={patch} error={errors.templateId} />
    </Stack>
  );
}

function TemplatePicker({
  owner,
  state,
  patch,
  error,
}: {
  owner: Owner;
  state: WizardState;
  patch: (p: Partial<WizardState>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('phishingCampaigns');
  const [q, setQ] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [query] = useDebouncedValue(q, 300);
  const list = useQuery({
    queryKey: [...campaignKeys.library(owner, 'templates'), query, difficulty],
    queryFn: () =>
      api<Page<TemplateSummary>>(`${campaignApi.templates(owner)}${qs({ q: query, difficulty, sort: 'difficulty', pageSize: 200 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={t('wizard.template.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: 1 }}
            miw={180}
          />
          <NativeSelect
            label={t('fields.difficulty')}
            value={difficulty}
            onChange={(e) => setDifficulty(e.currentTarget.value)}
            data={[
              { value: '', label: t('wizard.template.allDifficulties') },
              ...difficulties.map((d) => ({ value: d, label: t(`difficulties.${d}`) })),
            ]}
          />
        </Group>
        <ListStatus
          isPending={list.isPending}
          error={list.error}
          isEmpty={(list.data?.items.length ?? 0) === 0}
          emptyTitle={t('wizard.template.empty')}
        >
          <ScrollArea.Autosize mah={520} type="auto">
            <Radio.Group
              label={t('wizard.fields.template')}
              value={state.templateId}
              onChange={(templateId) => {
                const chosen = list.data?.items.find((x) => x.id === templateId);
                patch({ templateId, ...(state.name.trim() === '' && chosen ? { name: chosen.title } : {}) });
              }}
              error={error}
              required
            >
              <Stack gap="xs" mt="xs">
                {list.data?.items.map((tpl) => (
                  <Radio
                    key={tpl.id}
                    value={tpl.id}
                    label={tpl.title}
                    description={
                      <Group gap={6} component="span" mt={2}>
                        <Text span size="xs">
                          {tpl.subject}
                        </Text>
                        <DifficultyBadge difficulty={tpl.difficulty} />
                        <Text span size="xs" c="dimmed">
                          {t('wizard.template.cues', { count: tpl.cueCount })}
                        </Text>
                      </Group>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          </ScrollArea.Autosize>
        </ListStatus>
      </Stack>
      <section aria-label={t('wizard.template.preview')}>
        <Text fw={600} mb="xs">
          {t('wizard.template.preview')}
        </Text>
        {state.templateId ? (
          <TemplatePreview owner={owner} templateId={state.templateId} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('wizard.template.noneChosen')}
          </Text>
        )}
      </section>
    </SimpleGrid>
  );
}
