import { Notification, Portal, Stack } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  id: number;
  tone: 'success' | 'error' | 'info';
  title?: string;
  message: string;
}

type Notify = (notice: Omit<Notice, 'id'>) => void;

const NotifyContext = createContext<Notify>(() => {});

/** Shows a short message in the corner; screen readers hear it through a live region. */
export const useNotify = (): Notify => useContext(NotifyContext);

const toneColor = { success: 'teal', error: 'red', info: 'rempart' } as const;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const notify = useCallback<Notify>(
    (notice) => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-3), { ...notice, id }]);
      // Errors stay until dismissed: someone reading slowly or with a screen reader must not lose them.
      if (notice.tone !== 'error') window.setTimeout(() => dismiss(id), 8000);
    },
    [dismiss],
  );

  const value = useMemo(() => notify, [notify]);

  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          role="region"
          aria-label={t('notifications.region')}
          aria-live="polite"
          gap="xs"
          style={{ position: 'fixed', top: 72, right: 16, left: 16, zIndex: 400, pointerEvents: 'none', alignItems: 'flex-end' }}
        >
          {notices.map((n) => (
            <Notification
              key={n.id}
              color={toneColor[n.tone]}
              title={n.title}
              onClose={() => dismiss(n.id)}
              closeButtonProps={{ 'aria-label': t('notifications.close') }}
              withBorder
              role={n.tone === 'error' ? 'alert' : 'status'}
              style={{ pointerEvents: 'auto', maxWidth: 420, width: '100%' }}
            >
              {n.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}
