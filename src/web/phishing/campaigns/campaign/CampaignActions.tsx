import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { campaignPath } from '../common.js';
import { allowedActions } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { Campaign } from '../types.js';

type Verb = 'pause' | 'resume' | 'cancel';

/**
 * Pause, resume, cancel (each confirmed). A member organization looking at a territory campaign
 * can only withdraw its own staff from it, which the server does on the same cancel verb.
 */
export function CampaignActions({ owner, campaign: c }: { owner: Owner; campaign: Campaign }) {
  const { t } = useTranslation('phishingCampaigns');
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Verb | null>(null);
  const shared = owner.kind === 'org' && c.territoryId !== null;
  const act = useMutation({
    mutationFn: (verb: Verb) => api<Campaign>(campaignApi.verb(owner, c.id, verb), { method: 'POST' }),
    onSuccess: (updated, verb) => {
      setAsking(null);
      queryClient.setQueryData(campaignKeys.campaign(owner, c.id), updated);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.owner(owner) });
      notify({ tone: 'success', message: t(`actions.done.${shared && verb === 'cancel' ? 'withdraw' : verb}`) });
    },
    onError: (e) => notify({ tone: 'error', title: t('common.errorTitle'), message: errorText(e) }),
  });
  const allowed = allowedActions(c.status);
  const ask = (verb: Verb) => {
    act.reset();
    setAsking(verb);
  };
  const key = asking === 'cancel' && shared ? 'withdraw' : asking;
  return (
    <>
      <Group gap="sm">
        {shared ? (
          allowed.includes('cancel') ? (
            <Button color="red.9" variant="outline" onClick={() => ask('cancel')}>
              {t('actions.withdraw')}
            </Button>
          ) : null
        ) : (
          <>
            {allowed.includes('edit') ? (
              <Button component={Link} to={campaignPath(owner, c.id, '/edit')}>
                {t('actions.edit')}
              </Button>
            ) : null}
            {allowed.includes('pause') ? (
              <Button variant="default" onClick={() => ask('pause')}>
                {t('actions.pause')}
              </Button>
            ) : null}
            {allowed.includes('resume') ? <Button onClick={() => ask('resume')}>{t('actions.resume')}</Button> : null}
            {allowed.includes('cancel') ? (
              <Button color="red.9" variant="outline" onClick={() => ask('cancel')}>
                {t('actions.cancel')}
              </Button>
            ) : null}
          </>
        )}
      </Group>
      <ConfirmModal
        opened={asking !== null}
        title={key ? t(`actions.confirm.${key}.title`) : ''}
        confirmLabel={key ? t(`actions.confirm.${key}.button`) : ''}
        color={asking === 'cancel' ? 'red.9' : ''}
        onConfirm={() => asking && act.mutate(asking)}
        onClose={() => setAsking(null)}
        loading={act.isPending}
        error={act.error}
      >
        {key ? t(`actions.confirm.${key}.text`, { name: c.name }) : ''}
      </ConfirmModal>
    </>
  );
}
