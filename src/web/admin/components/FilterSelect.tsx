import { NativeSelect } from '@mantine/core';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The choices; an "all" entry (empty value) comes first when allLabel is given. */
  options: ReadonlyArray<{ value: string; label: string }>;
  allLabel?: string;
}

/** A list filter: a native select, so it works with the keyboard and on phones without extra code. */
export function FilterSelect({ label, value, onChange, options, allLabel }: Props) {
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={allLabel === undefined ? [...options] : [{ value: '', label: allLabel }, ...options]}
    />
  );
}
