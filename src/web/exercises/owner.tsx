import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentScope } from '../shell/scope.js';
import type { Owner } from './types.js';

/**
 * Whose exercises the page shows: the establishment or the territory chosen in the header
 * switcher; when both are chosen, `?scope=territory` in the URL picks the territory.
 */
export function useOwner(): { owner: Owner | null; both: boolean; setKind: (k: Owner['kind']) => void } {
  const { orgId, territoryId } = useCurrentScope();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('scope') === 'territory' ? 'territory' : 'org';
  let owner: Owner | null = null;
  if (orgId && (wanted === 'org' || !territoryId)) owner = { kind: 'org', id: orgId };
  else if (territoryId) owner = { kind: 'territory', id: territoryId };
  const setKind = (k: Owner['kind']) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (k === 'territory') next.set('scope', 'territory');
        else next.delete('scope');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { owner, both: Boolean(orgId && territoryId), setKind };
}

export function OwnerSwitch({ owner, setKind }: { owner: Owner; setKind: (k: Owner['kind']) => void }) {
  const { t } = useTranslation('exercises');
  return (
    <SegmentedControl
      aria-label={t('owner.label')}
      value={owner.kind}
      onChange={(v) => setKind(v === 'territory' ? 'territory' : 'org')}
      data={[
        { value: 'org', label: t('owner.org') },
        { value: 'territory', label: t('owner.territory') },
      ]}
    />
  );
}
