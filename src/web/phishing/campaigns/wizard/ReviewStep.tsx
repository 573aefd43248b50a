import { Alert, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { DifficultyBadge, useFormatDate } from '../common.js';
import { formatCount } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { Template } from '../types.js';
import { instantOf, targetsOf, type WizardState } from '../wizard-state.js';
import { useTargetCount } from './TargetCount.js';

/** Step 5: everything chosen, read once more before the launch. */
export function ReviewStep({ owner, state }: { owner: Owner; state: WizardState }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const { t: ta } = useTranslation('admin');
  const date = useFormatDate();
  const count = useTargetCount(owner, targetsOf(state, owner.kind));
  const template = useQuery({
    queryKey: [...campaignKeys.library(owner, 'template'), state.templateId],
    queryFn: () => api<Template>(campaignApi.template(owner, state.templateId)),
    enabled: state.templateId !== '',
  });
  const launch = instantOf(state.launchDate, state.launchTime);
  const until = instantOf(state.spreadDate, state.spreadTime);
  const list = (xs: string[]) => xs.join(', ');
  const families = (xs: string[]) => xs.map((f) => ta(`roleFamilies.${f}`)).join(', ');
  const who =
    state.audience === 'all'
      ? t('wizard.targets.allStaff')
      : [
          state.groupIds.length ? t('review.groups', { count: state.groupIds.length }) : '',
          state.services.length ? `${t('wizard.fields.services')} : ${list(state.services)}` : '',
          state.roleFamilies.length ? `${t('wizard.fields.roleFamilies')} : ${families(state.roleFamilies)}` : '',
          state.sites.length ? `${t('wizard.fields.sites')} : ${list(state.sites)}` : '',
        ]
          .filter(Boolean)
          .join(' · ');
  const excluded = [
    state.exclusionGroupIds.length ? t('review.groups', { count: state.exclusionGroupIds.length }) : '',
    state.excludeServices.length ? `${t('wizard.fields.services')} : ${list(state.excludeServices)}` : '',
    state.excludeRoleFamilies.length ? `${t('wizard.fields.roleFamilies')} : ${families(state.excludeRoleFamilies)}` : '',
    state.excludeSites.length ? `${t('wizard.fields.sites')} : ${list(state.excludeSites)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const rows: Array<[string, React.ReactNode]> = [
    [t('wizard.fields.name'), state.name],
    [
      t('wizard.fields.template'),
      template.data ? (
        <>
          {template.data.title} <DifficultyBadge difficulty={template.data.difficulty} />
        </>
      ) : (
        state.templateId
      ),
    ],
    [t('review.people'), count.data ? formatCount(count.data.count, i18n.language) : '—'],
    [t('review.who'), who || '—'],
    [t('review.excluded'), excluded || t('review.nobody')],
    [t('review.period'), t('review.periodValue', { from: date(launch?.toISOString()), to: date(until?.toISOString()) })],
    [t('wizard.fields.anonymous'), state.anonymous ? ta('common.yes') : ta('common.no')],
    [t('wizard.fields.retentionDays'), t('review.days', { count: state.retentionDays })],
  ];
  return (
    <Stack maw={760}>
      <Table variant="vertical" withTableBorder captionSide="top">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('review.title')}</caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={220}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="blue">
        <Text size="sm">{t('review.reminder')}</Text>
      </Alert>
    </Stack>
  );
}
