import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../admin/components/PageHeader.js';
import { WithTerritory } from '../learning/admin/components/scoped.js';
import { useMe } from '../me.js';
import { isCoordinator } from './can.js';
import { MentorsSection } from './MentorsSection.js';
import { PairingsSection } from './PairingsSection.js';

/** Coordinators' mentoring desk: the mentors the leads offer and who mentors whom. */
export function MentoringPage() {
  return <WithTerritory>{(territoryId) => <Mentoring territoryId={territoryId} />}</WithTerritory>;
}

function Mentoring({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('territory');
  const me = useMe().data?.account;
  const canManage = me ? isCoordinator(me, territoryId) : false;
  return (
    <>
      <PageHeader title={t('mentoring.title')} description={t('mentoring.description')} />
      <Stack gap="lg">
        <MentorsSection territoryId={territoryId} canManage={canManage} />
        <PairingsSection territoryId={territoryId} canManage={canManage} />
      </Stack>
    </>
  );
}
