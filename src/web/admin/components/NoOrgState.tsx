import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown by organization pages while no organization is chosen in the header switcher. */
export function NoOrgState() {
  const { t } = useTranslation('admin');
  return <EmptyState py="xl" title={t('common.noOrg.title')} description={t('common.noOrg.description')} />;
}
