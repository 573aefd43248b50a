import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentScope } from '../../shell/scope.js';
import { NoOrgState } from '../components/NoOrgState.js';
import { PageHeader } from '../components/PageHeader.js';
import { isPlatformAdmin, useMe } from '../components/useMe.js';
import { useUrlState } from '../components/useUrlState.js';
import { OrgAccounts } from './OrgAccounts.js';
import { PlatformAccounts } from './PlatformAccounts.js';

const defaults = { tab: 'organization' };

/** Accounts and roles: the current organization's, and for platform admins every account. */
export function AccountsPage() {
  const { t } = useTranslation('admin');
  const { orgId } = useCurrentScope();
  const me = useMe();
  const platform = isPlatformAdmin(me.data?.account?.grants ?? []);
  const [state, set] = useUrlState(defaults);
  const orgPanel = orgId ? <OrgAccounts key={orgId} orgId={orgId} /> : <NoOrgState />;
  return (
    <>
      <PageHeader title={t('accounts.title')} description={t('accounts.intro')} />
      {platform ? (
        <Tabs value={state.tab} onChange={(tab) => set({ tab: tab ?? 'organization' })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="organization">{t('accounts.orgTab')}</Tabs.Tab>
            <Tabs.Tab value="platform">{t('accounts.platformTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="organization">{orgPanel}</Tabs.Panel>
          <Tabs.Panel value="platform">
            <PlatformAccounts />
          </Tabs.Panel>
        </Tabs>
      ) : (
        orgPanel
      )}
    </>
  );
}
