import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { SendingProfile } from '../types.js';
import { spreadDays, spreadOver, type WizardState } from '../wizard-state.js';

interface Props {
  owner: Owner;
  state: WizardState;
  patch: (p: Partial<WizardState>) => void;
  errors: Record<string, string>;
}

/** Step 4: through which mail server, when, over how long, and what is kept. */
export function ScheduleStep({ owner, state, patch, errors }: Props) {
  const { t } = useTranslation('phishingCampaigns');
  const err = (field: string) => errors[field];
  return (
    <Stack maw={720}>
      <ProfilePicker owner={owner} state={state} patch={patch} error={err('sendingProfileId')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('wizard.fields.launchDate')}
          value={state.launchDate}
          onChange={(e) => patch({ launchDate: e.currentTarget.value })}
          error={err('launchDate')}
          required
        />
        <TextInput
          type="time"
          label={t('wizard.fields.launchTime')}
          value={state.launchTime}
          onChange={(e) => patch({ launchTime: e.currentTarget.value })}
          required
        />
        <TextInput
          type="date"
          label={t('wizard.fields.spreadDate')}
          value={state.spreadDate}
          onChange={(e) => patch({ spreadDate: e.currentTarget.value })}
          error={err('spreadDate')}
          required
        />
        <TextInput
          type="time"
          label={t('wizard.fields.spreadTime')}
          value={state.spreadTime}
          onChange={(e) => patch({ spreadTime: e.currentTarget.value })}
          required
        />
      </SimpleGrid>
      <Group gap="xs">
        <Text size="sm">{t('wizard.schedule.spreadShortcut')}</Text>
        {[1, 7, 14].map((days) => (
          <Button key={days} size="xs" variant="light" onClick={() => patch(spreadOver(state, days))}>
            {t('wizard.schedule.spreadDays', { count: days })}
          </Button>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('wizard.schedule.spreadSummary', { count: spreadDays(state) })}
      </Text>
      <Checkbox
        label={t('wizard.fields.anonymous')}
        description={t('wizard.schedule.anonymousHint')}
        checked={state.anonymous}
        onChange={(e) => patch({ anonymous: e.currentTarget.checked })}
      />
      <NumberInput
        label={t('wizard.fields.retentionDays')}
        description={t('wizard.schedule.retentionHint')}
        min={30}
        max={1825}
        value={state.retentionDays}
        onChange={(v) => patch({ retentionDays: typeof v === 'number' ? v : Number(v) || 0 })}
        error={err('retentionDays')}
        maw={240}
      />
    </Stack>
  );
}

function ProfilePicker({
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
  const { t, i18n } = useTranslation('phishingCampaigns');
  const profiles = useQuery({
    queryKey: campaignKeys.library(owner, 'profiles'),
    queryFn: () => api<Page<SendingProfile>>(`${campaignApi.profiles(owner)}${qs({ sort: 'name', pageSize: 200 })}`),
  });
  const chosen = profiles.data?.items.find((p) => p.id === state.sendingProfileId);
  const dayName = (d: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'short' }).format(new Date(2024, 0, d));
  return (
    <Stack gap="xs">
      <ErrorAlert error={profiles.error} />
      <NativeSelect
        label={t('wizard.fields.sendingProfile')}
        description={t('wizard.schedule.profileHint')}
        value={state.sendingProfileId}
        onChange={(e) => patch({ sendingProfileId: e.currentTarget.value })}
        data={[
          { value: '', label: t('wizard.schedule.chooseProfile') },
          ...(profiles.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.fromAddress})` })),
        ]}
        error={error}
        required
      />
      {profiles.data && profiles.data.items.length === 0 ? <Alert color="yellow">{t('wizard.schedule.noProfile')}</Alert> : null}
      {chosen ? (
        <Text size="sm" data-testid="profile-window">
          {t('wizard.schedule.window', {
            days: chosen.windowDays.map(dayName).join(', '),
            start: chosen.windowStart,
            end: chosen.windowEnd,
            timeZone: chosen.timeZone,
            rate: chosen.ratePerMinute,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
