import { Fieldset, MultiSelect, Radio, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { qs } from '../../../admin/endpoints.js';
import { facetValue, usePeopleFacets } from '../../../admin/people/facets.js';
import { api, type Page } from '../../../api.js';
import { RoleFamiliesSelect } from '../../../learning/admin/components/targeting-fields.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { TargetGroup, TerritoryMandate } from '../types.js';
import type { WizardState } from '../wizard-state.js';
import { TargetCount } from './TargetCount.js';

interface Props {
  owner: Owner;
  state: WizardState;
  patch: (p: Partial<WizardState>) => void;
  errors: Record<string, string>;
}

/** Step 3: who receives the email, who never does, and the live head count. */
export function TargetsStep({ owner, state, patch, errors }: Props) {
  const { t } = useTranslation('phishingCampaigns');
  const orgId = owner.kind === 'org' ? owner.id : null;
  const facets = usePeopleFacets(orgId);
  const services = (facets.data?.services ?? []).map(facetValue);
  const sites = (facets.data?.sites ?? []).map(facetValue);
  const groups = useQuery({
    queryKey: campaignKeys.library(owner, 'groups'),
    queryFn: () => api<Page<TargetGroup>>(`${campaignApi.groups(orgId ?? '')}${qs({ pageSize: 200, sort: 'name' })}`),
    enabled: orgId !== null,
  });
  const mandates = useQuery({
    queryKey: ['phishingCampaigns', 'territory', owner.id, 'mandates'],
    queryFn: () => api<Page<TerritoryMandate>>(campaignApi.territoryMandates(owner.id)),
    enabled: owner.kind === 'territory',
  });
  const groupsOf = (kind: TargetGroup['kind']) =>
    (groups.data?.items ?? []).filter((g) => g.kind === kind).map((g) => ({ value: g.id, label: g.name }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
      <Stack style={{ gridColumn: 'span 2' }}>
        {owner.kind === 'territory' ? (
          <MultiSelect
            label={t('wizard.fields.organizations')}
            description={t('wizard.targets.organizationsHint')}
            data={(mandates.data?.items ?? []).map((m) => ({ value: m.organizationId, label: m.name }))}
            value={state.organizationIds}
            onChange={(organizationIds) => patch({ organizationIds })}
            searchable
            clearable
            nothingFoundMessage={t('wizard.targets.noMandate')}
          />
        ) : null}
        <Radio.Group
          label={t('wizard.fields.audience')}
          value={state.audience}
          onChange={(v) => patch({ audience: v === 'all' ? 'all' : 'select' })}
          error={errors.targets}
        >
          <Stack gap={6} mt={6}>
            <Radio value="all" label={t('wizard.targets.allStaff')} />
            <Radio value="select" label={t('wizard.targets.selected')} />
          </Stack>
        </Radio.Group>
        {state.audience === 'select' ? (
          <Fieldset legend={t('wizard.targets.include')}>
            <Stack gap="sm">
              {owner.kind === 'org' ? (
                <MultiSelect
                  label={t('wizard.fields.groups')}
                  data={groupsOf('target')}
                  value={state.groupIds}
                  onChange={(groupIds) => patch({ groupIds })}
                  searchable
                  clearable
                  nothingFoundMessage={t('wizard.targets.noGroup')}
                />
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TagsInput
                  label={t('wizard.fields.services')}
                  data={services}
                  value={state.services}
                  onChange={(v) => patch({ services: v })}
                  clearable
                />
                <RoleFamiliesSelect
                  label={t('wizard.fields.roleFamilies')}
                  value={state.roleFamilies}
                  onChange={(v) => patch({ roleFamilies: v })}
                />
                <TagsInput
                  label={t('wizard.fields.sites')}
                  data={sites}
                  value={state.sites}
                  onChange={(v) => patch({ sites: v })}
                  clearable
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('wizard.targets.criteriaHint')}
              </Text>
            </Stack>
          </Fieldset>
        ) : null}
        <Fieldset legend={t('wizard.targets.exclude')}>
          <Stack gap="sm">
            {owner.kind === 'org' ? (
              <MultiSelect
                label={t('wizard.fields.exclusionGroups')}
                data={groupsOf('exclusion')}
                value={state.exclusionGroupIds}
                onChange={(exclusionGroupIds) => patch({ exclusionGroupIds })}
                searchable
                clearable
                nothingFoundMessage={t('wizard.targets.noGroup')}
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TagsInput
                label={t('wizard.fields.excludeServices')}
                data={services}
                value={state.excludeServices}
                onChange={(v) => patch({ excludeServices: v })}
                clearable
              />
              <RoleFamiliesSelect
                label={t('wizard.fields.excludeRoleFamilies')}
                value={state.excludeRoleFamilies}
                onChange={(v) => patch({ excludeRoleFamilies: v })}
              />
              <TagsInput
                label={t('wizard.fields.excludeSites')}
                data={sites}
                value={state.excludeSites}
                onChange={(v) => patch({ excludeSites: v })}
                clearable
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('wizard.targets.excludeHint')}
            </Text>
          </Stack>
        </Fieldset>
      </Stack>
      <TargetCount owner={owner} state={state} />
    </SimpleGrid>
  );
}
