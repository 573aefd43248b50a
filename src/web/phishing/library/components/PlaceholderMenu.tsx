import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeholders } from '../types.js';

/** Lists the placeholders the server accepts; picking one inserts `{{name}}` where the cursor is. */
export function PlaceholderMenu({ onPick }: { onPick: (name: string) => void }) {
  const { t } = useTranslation('phishingLibrary');
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default">
          {t('editor.insertPlaceholder')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {placeholders.map((p) => (
          <Menu.Item key={p} onClick={() => onPick(p)} ff="monospace">
            {`{{${p}}}`} — {t(`placeholders.${p}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
