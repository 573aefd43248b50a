import { Center, EmptyState, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface Props {
  isPending: boolean;
  error: unknown;
  isEmpty: boolean;
  emptyTitle: string;
  emptyDescription?: string | undefined;
  emptyAction?: ReactNode | undefined;
  children: ReactNode;
}

/** The three states every list shows before its rows: loading, error, empty. */
export function ListStatus({ isPending, error, isEmpty, emptyTitle, emptyDescription, emptyAction, children }: Props) {
  const { t } = useTranslation('admin');
  if (isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) return <ErrorAlert error={error} />;
  if (isEmpty) {
    return (
      <EmptyState py="xl" title={emptyTitle} description={emptyDescription}>
        {emptyAction ? <Stack align="center">{emptyAction}</Stack> : null}
      </EmptyState>
    );
  }
  return <>{children}</>;
}
