import { Alert, Button, Center, Group, Loader, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { ApiError, api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { campaignPath, useFormatDate, WithOwner } from '../common.js';
import { formatCount } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { Campaign, PhishingSettings } from '../types.js';
import {
  emptyWizard,
  fromCampaign,
  instantOf,
  locateServerField,
  stepErrors,
  targetsOf,
  toBody,
  type WizardState,
  wizardSteps,
} from '../wizard-state.js';
import { ContentStep } from './ContentStep.js';
import { ReviewStep } from './ReviewStep.js';
import { ScheduleStep } from './ScheduleStep.js';
import { useTargetCount } from './TargetCount.js';
import { TargetsStep } from './TargetsStep.js';
import { TemplateStep } from './TemplateStep.js';

/** New campaign (draft) or a draft being edited, in five steps; the launch asks for confirmation. */
export function CampaignWizardPage({ kind }: { kind: Owner['kind'] }) {
  return <WithOwner kind={kind}>{(owner) => <WizardLoader owner={owner} />}</WithOwner>;
}

function WizardLoader({ owner }: { owner: Owner }) {
  const { t } = useTranslation('phishingCampaigns');
  const { campaignId } = useParams();
  const settings = useQuery({
    queryKey: [...campaignKeys.owner(owner), 'settings'],
    // Defaults of the organization; a territory (or a server without settings) keeps the platform's.
    queryFn: () => (owner.kind === 'org' ? api<PhishingSettings>(campaignApi.settings(owner.id)).catch(() => null) : Promise.resolve(null)),
  });
  const draft = useQuery({
    queryKey: campaignKeys.campaign(owner, campaignId ?? ''),
    queryFn: () => api<Campaign>(campaignApi.campaign(owner, campaignId ?? '')),
    enabled: campaignId !== undefined,
  });
  if (settings.isPending || (campaignId && draft.isPending)) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (draft.error) return <ErrorAlert error={draft.error} />;
  const defaults = emptyWizard(new Date(), {
    anonymous: settings.data?.anonymousDefault ?? false,
    retentionDays: settings.data?.retentionDays ?? 365,
  });
  if (draft.data && draft.data.status !== 'draft') {
    return (
      <Alert color="yellow" title={t('wizard.notDraft')}>
        <Button component={Link} to={campaignPath(owner, draft.data.id)} variant="light" mt="sm">
          {t('wizard.openCampaign')}
        </Button>
      </Alert>
    );
  }
  return (
    <Wizard
      key={campaignId ?? 'new'}
      owner={owner}
      campaignId={campaignId ?? null}
      initial={draft.data ? fromCampaign(draft.data, defaults) : defaults}
    />
  );
}

function Wizard({ owner, campaignId, initial }: { owner: Owner; campaignId: string | null; initial: WizardState }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const date = useFormatDate();
  const [state, setState] = useState(initial);
  const [active, setActive] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [savedId, setSavedId] = useState(campaignId);
  const patch = (p: Partial<WizardState>) => setState((s) => ({ ...s, ...p }));
  const step = wizardSteps[active] ?? 'template';
  const count = useTargetCount(owner, targetsOf(state, owner.kind));
  // On a phone the five labels do not fit: numbered steps named for screen readers, and one line of text.
  const narrow = useMediaQuery('(max-width: 48em)') === true;

  const check = (upTo: number): boolean => {
    for (let i = 0; i <= upTo; i++) {
      const found = stepErrors(wizardSteps[i] ?? 'template', state, owner.kind, new Date());
      if (Object.keys(found).length) {
        setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
        setActive(i);
        return false;
      }
    }
    setErrors({});
    return true;
  };
  const showServerError = (err: unknown) => {
    const at = err instanceof ApiError ? locateServerField(err.field) : null;
    if (at && err instanceof ApiError) {
      setErrors({ [at.field]: err.message });
      setActive(wizardSteps.indexOf(at.step));
      setConfirming(false);
    }
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = toBody(state, owner.kind);
      return savedId
        ? api<Campaign>(campaignApi.campaign(owner, savedId), { method: 'PUT', body })
        : api<Campaign>(campaignApi.campaigns(owner), { body });
    },
    onSuccess: (c) => {
      setSavedId(c.id);
      queryClient.setQueryData(campaignKeys.campaign(owner, c.id), c);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list(owner) });
    },
    onError: showServerError,
  });
  const launch = useMutation({
    mutationFn: async () => {
      const saved = await save.mutateAsync();
      return api<Campaign>(campaignApi.verb(owner, saved.id, 'launch'), { method: 'POST' });
    },
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.owner(owner) });
      notify({ tone: 'success', message: t('wizard.launched', { name: c.name }) });
      void navigate(campaignPath(owner, c.id));
    },
    onError: showServerError,
  });
  const saveDraft = () => {
    // The server keeps only complete drafts (every field of the body is checked), so all steps are checked first.
    if (!check(wizardSteps.length - 2)) return;
    save.mutate(undefined, {
      onSuccess: (c) => {
        notify({ tone: 'success', message: t('wizard.saved') });
        if (!campaignId) void navigate(campaignPath(owner, c.id, '/edit'), { replace: true });
      },
    });
  };
  const next = () => check(active) && setActive((a) => Math.min(a + 1, wizardSteps.length - 1));
  const launchAt = instantOf(state.launchDate, state.launchTime);
  const until = instantOf(state.spreadDate, state.spreadTime);
  const people = count.data?.count ?? 0;
  const stepProps = { owner, state, patch, errors };

  return (
    <>
      <PageHeader title={campaignId ? t('wizard.editTitle') : t('wizard.newTitle')} description={t('wizard.description')} />
      <ErrorAlert error={save.error && !locateServerField((save.error as ApiError).field) ? save.error : null} />
      <Stepper
        active={active}
        onStepClick={(i) => (i < active || check(i - 1)) && setActive(i)}
        size="sm"
        mb="lg"
        allowNextStepsSelect={false}
      >
        {wizardSteps.map((s) =>
          narrow ? (
            <Stepper.Step key={s} aria-label={t(`wizard.steps.${s}`)} />
          ) : (
            <Stepper.Step key={s} label={t(`wizard.steps.${s}`)} description={t(`wizard.stepHints.${s}`)} />
          ),
        )}
      </Stepper>
      {narrow ? (
        <Text fw={600} mb="md">
          {t('wizard.stepOf', { n: active + 1, total: wizardSteps.length, name: t(`wizard.steps.${step}`) })}
        </Text>
      ) : null}
      <section aria-label={t(`wizard.steps.${step}`)}>
        {step === 'template' ? <TemplateStep {...stepProps} /> : null}
        {step === 'content' ? <ContentStep owner={owner} state={state} patch={patch} /> : null}
        {step === 'targets' ? <TargetsStep {...stepProps} /> : null}
        {step === 'schedule' ? <ScheduleStep {...stepProps} /> : null}
        {step === 'review' ? <ReviewStep owner={owner} state={state} /> : null}
      </section>
      <Group justify="space-between" mt="xl">
        <Group gap="sm">
          <Button variant="default" onClick={() => setActive((a) => Math.max(0, a - 1))} disabled={active === 0}>
            {t('wizard.previous')}
          </Button>
          <Button variant="light" onClick={saveDraft} loading={save.isPending && !launch.isPending}>
            {t('wizard.saveDraft')}
          </Button>
        </Group>
        {step === 'review' ? (
          <Button onClick={() => check(wizardSteps.length - 1) && setConfirming(true)}>{t('wizard.launch')}</Button>
        ) : (
          <Button onClick={next}>{t('wizard.next')}</Button>
        )}
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('wizard.confirmTitle')}
        confirmLabel={t('wizard.confirmLaunch')}
        color=""
        onConfirm={() => launch.mutate()}
        onClose={() => setConfirming(false)}
        loading={launch.isPending}
        error={launch.error}
      >
        <Text>
          {t('wizard.confirmText', {
            count: people,
            formatted: formatCount(people, i18n.language),
            from: date(launchAt?.toISOString()),
            to: date(until?.toISOString()),
          })}
        </Text>
      </ConfirmModal>
    </>
  );
}
