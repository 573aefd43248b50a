import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ListStatus } from '../../../admin/components/ListStatus.js';

interface Props {
  /** Unique on the page: the section is named by its heading, `${id}-heading`. */
  id: string;
  title: string;
  description?: string | undefined;
  /** The list's query: while it loads, fails or has no rows, its state shows instead of the table. */
  list: { isPending: boolean; error: unknown; data?: readonly unknown[] | undefined };
  emptyTitle: string;
  /** The table, once there are rows. */
  children: ReactNode;
  /** Under the list whatever its state: a create button, a form. */
  footer?: ReactNode;
}

/** A titled section of an admin page holding one list (loading, error, empty, then its table). */
export function ListSection({ id, title, description, list, emptyTitle, children, footer }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Title id={`${id}-heading`} order={2} size="h3" mb="sm">
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      ) : null}
      <ListStatus isPending={list.isPending} error={list.error} isEmpty={(list.data ?? []).length === 0} emptyTitle={emptyTitle}>
        {children}
      </ListStatus>
      {footer}
    </section>
  );
}
