import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoOrgState } from '../../../admin/components/NoOrgState.js';
import { useCurrentScope } from '../../../shell/scope.js';

/** Renders an organization page once an organization is chosen in the header switcher. */
export function WithOrg({ children }: { children: (orgId: string) => ReactNode }) {
  const { orgId } = useCurrentScope();
  if (!orgId) return <NoOrgState />;
  return <>{children(orgId)}</>;
}

/** Same for territory pages. */
export function WithTerritory({ children }: { children: (territoryId: string) => ReactNode }) {
  const { t } = useTranslation('learningAdmin');
  const { territoryId } = useCurrentScope();
  if (!territoryId) return <EmptyState py="xl" title={t('common.noTerritory.title')} description={t('common.noTerritory.description')} />;
  return <>{children(territoryId)}</>;
}
