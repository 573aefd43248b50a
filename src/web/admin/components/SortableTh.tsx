import { Group, Table, UnstyledButton } from '@mantine/core';

interface Props {
  label: string;
  /** The sort key of this column, e.g. 'lastName'. */
  column: string;
  /** Current sort: 'lastName' ascending, '-lastName' descending. */
  sort: string;
  onSort: (sort: string) => void;
}

/** A column header that sorts the list: a real button, with aria-sort on the header cell. */
export function SortableTh({ label, column, sort, onSort }: Props) {
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  const ariaSort = active ? (descending ? 'descending' : 'ascending') : 'none';
  const next = active && !descending ? `-${column}` : column;
  return (
    <Table.Th scope="col" aria-sort={ariaSort}>
      <UnstyledButton onClick={() => onSort(next)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A plain column header. */
export function Th({ children }: { children?: React.ReactNode }) {
  return <Table.Th scope="col">{children}</Table.Th>;
}
