import { ScrollArea, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** Names the table for screen readers (caption) and its scrolling region. */
  caption: string;
  head: ReactNode;
  children: ReactNode;
  minWidth?: number;
}

/** A table that scrolls horizontally inside its own region on narrow screens (390 px phones). */
export function DataTable({ caption, head, children, minWidth = 720 }: Props) {
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
      <Table miw={minWidth} striped highlightOnHover verticalSpacing="xs">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
