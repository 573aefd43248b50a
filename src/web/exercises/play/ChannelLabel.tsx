import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../types.js';

/** A glyph per channel, hidden from screen readers: the label next to it says the same. */
const glyphs: Record<Channel, string> = {
  email: '✉',
  phone: '☎',
  sms: '💬',
  press: '📰',
  social: '#',
  ars_request: '🏛',
  internal_note: '📝',
  paper_form: '📄',
};

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation('exercises');
  return (
    <Group gap={4}>
      <span aria-hidden="true">{glyphs[channel] ?? '•'}</span>
      <Text size="xs" fw={600} tt="uppercase">
        {t(`channels.${channel}`)}
      </Text>
    </Group>
  );
}
