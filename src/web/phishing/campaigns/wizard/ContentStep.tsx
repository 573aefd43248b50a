import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { LandingPageSummary, LearningModuleSummary } from '../types.js';
import type { WizardState } from '../wizard-state.js';

/**
 * Step 2: the page shown after a click (optional; no data typed there is ever kept) and the
 * short learning module offered on the teaching moment (organizations: a territory cannot list
 * its members' modules).
 */
export function ContentStep({ owner, state, patch }: { owner: Owner; state: WizardState; patch: (p: Partial<WizardState>) => void }) {
  const { t } = useTranslation('phishingCampaigns');
  const pages = useQuery({
    queryKey: campaignKeys.library(owner, 'landing-pages'),
    queryFn: () => api<Page<LandingPageSummary>>(`${campaignApi.landingPages(owner)}${qs({ sort: 'title', pageSize: 200 })}`),
  });
  const modules = useQuery({
    queryKey: campaignKeys.library(owner, 'modules'),
    queryFn: () =>
      api<Page<LearningModuleSummary>>(
        `${campaignApi.learningModules(owner.id)}${qs({ status: 'published', sort: 'title', pageSize: 200 })}`,
      ),
    enabled: owner.kind === 'org',
  });
  return (
    <Stack maw={640}>
      <ErrorAlert error={pages.error ?? modules.error} />
      <NativeSelect
        label={t('wizard.fields.landingPage')}
        description={t('wizard.content.landingHint')}
        value={state.landingPageId}
        onChange={(e) => patch({ landingPageId: e.currentTarget.value })}
        data={[
          { value: '', label: t('wizard.content.templatePage') },
          { value: 'none', label: t('wizard.content.noPage') },
          ...(pages.data?.items ?? []).filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.title })),
        ]}
      />
      {owner.kind === 'org' ? (
        <NativeSelect
          label={t('wizard.fields.learningModule')}
          description={t('wizard.content.moduleHint')}
          value={state.learningModuleId}
          onChange={(e) => patch({ learningModuleId: e.currentTarget.value })}
          data={[
            { value: '', label: t('wizard.content.noModule') },
            ...(modules.data?.items ?? []).map((m) => ({
              value: m.id,
              label: t('wizard.content.moduleOption', { title: m.title, minutes: m.durationMinutes }),
            })),
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('wizard.territory.contentHint')}
        </Text>
      )}
    </Stack>
  );
}
