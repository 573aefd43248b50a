import { Badge, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoOrgState } from '../../admin/components/NoOrgState.js';
import { useMe } from '../../me.js';
import { useCurrentScope } from '../../shell/scope.js';
import { statusColors } from './display.js';
import type { Owner } from './endpoints.js';
import type { CampaignStatus } from './types.js';

/** Renders a page once the organization (or territory) it works on is chosen in the header switcher. */
export function WithOwner({ kind, children }: { kind: Owner['kind']; children: (owner: Owner) => ReactNode }) {
  const { t } = useTranslation('phishingCampaigns');
  const { orgId, territoryId } = useCurrentScope();
  if (kind === 'org') return orgId ? children({ kind: 'org', id: orgId }) : <NoOrgState />;
  if (!territoryId) return <EmptyState py="xl" title={t('common.noTerritory.title')} description={t('common.noTerritory.description')} />;
  return children({ kind: 'territory', id: territoryId });
}

/** What the signed-in account may see on these pages (admin roles count once the second factor is verified). */
export function useViewer() {
  const me = useMe().data?.account;
  const grants = me?.grants ?? [];
  const verified = me?.mfaVerified === true;
  const holds = (...roles: string[]) => verified && grants.some((g) => roles.includes(g.role));
  return {
    personId: me?.personId ?? null,
    personOrganizationId: me?.personOrganizationId ?? null,
    /** Per-person results and repeat clickers (phishing.individual). */
    individual: holds('org_admin', 'platform_admin'),
    manage: holds('org_admin', 'platform_admin', 'territory_coordinator'),
    coordinator: holds('territory_coordinator', 'platform_admin'),
  };
}

export function StatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('phishingCampaigns');
  return (
    <Badge color={statusColors[status]} c="dark.8" variant="light" style={{ whiteSpace: 'nowrap', minWidth: 'max-content' }}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

const difficultyColors: Record<string, string> = { 'least-difficult': 'green', 'moderately-difficult': 'yellow', 'very-difficult': 'red' };

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  const { t } = useTranslation('phishingCampaigns');
  return (
    // The border carries the colour; the text stays dark enough to read (contrast 4.5:1).
    <Badge
      color={difficultyColors[difficulty] ?? 'gray'}
      c="dark.7"
      variant="outline"
      style={{ whiteSpace: 'nowrap', minWidth: 'max-content' }}
    >
      {t(`difficulties.${difficulty}`, { defaultValue: difficulty })}
    </Badge>
  );
}

/** Shown where the server does not offer a part yet (it answers 404). */
export function NotAvailable({ title, description }: { title?: string; description?: string }) {
  const { t } = useTranslation('phishingCampaigns');
  return (
    <EmptyState py="lg" title={title ?? t('common.notAvailable.title')} description={description ?? t('common.notAvailable.description')} />
  );
}

/** A date and time in the user's language, or a dash. */
export function useFormatDate() {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined, withTime = true) =>
    iso
      ? new Intl.DateTimeFormat(i18n.language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(
          new Date(iso),
        )
      : '—';
}

export const campaignPath = (owner: Owner, id?: string, suffix = '') =>
  `/phishing/${owner.kind === 'territory' ? 'territory/' : ''}campaigns${id ? `/${encodeURIComponent(id)}` : ''}${suffix}`;
