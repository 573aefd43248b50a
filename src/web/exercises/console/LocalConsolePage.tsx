import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { ConsoleBody, ConsoleStatusLine } from './ConsoleBody.js';
import type { ConsoleOwner } from './console-api.js';
import { useConsole } from './use-console.js';
import { useNow } from './use-now.js';

const local: ConsoleOwner = { kind: 'local' };

/**
 * The console of a local animator: the timeline and their own cells only (the server filters), the
 * cells' chat and spare stimuli; no clock buttons, the clock belongs to the exercise's managers.
 */
export function LocalConsolePage() {
  const { exerciseId = '' } = useParams();
  const { t } = useTranslation('exercises');
  const { state, error, apply, connection } = useConsole(local, exerciseId);
  const now = useNow();
  return (
    <>
      <Anchor component={Link} to="/exercises/mine" size="sm">
        {t('console.local.back')}
      </Anchor>
      <ListStatus isPending={!state && !error} error={state ? null : error} isEmpty={false} emptyTitle="">
        {state ? (
          <>
            <PageHeader
              title={t('console.open')}
              description={
                <ConsoleStatusLine state={state} now={now} connection={connection}>
                  <Text size="sm">{t('console.local.hint')}</Text>
                </ConsoleStatusLine>
              }
            />
            <ConsoleBody owner={local} exerciseId={exerciseId} state={state} now={now} manages scenarioCells={[]} apply={apply} />
          </>
        ) : null}
      </ListStatus>
    </>
  );
}
