import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

interface Props {
  label: string;
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

/** A search box that asks the server only once the user pauses typing (300 ms). */
export function SearchInput({ label, value, onSearch, placeholder }: Props) {
  const [text, setText] = useState(value);
  const push = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);
  // Follow the URL when it changes from outside (back button, "clear filters").
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') push.flush();
      }}
      miw={220}
      style={{ flex: 1 }}
    />
  );
}
