import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import type { Connection } from './use-live-stream.js';

const colors: Record<Connection, string> = { connecting: 'gray', live: 'green', reconnecting: 'orange' };

/** Whether the page is current: the stream reconnects by itself, this only tells the animators. */
export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation('exercises');
  return (
    <span role="status" aria-live="polite">
      <StatusBadge color={colors[connection]}>{t(`console.connection.${connection}`)}</StatusBadge>
    </span>
  );
}
