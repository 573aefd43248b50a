import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const pageSizes = [25, 50, 100, 200] as const;

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Omit to hide the page-size choice. */
  onPageSize?: (pageSize: number) => void;
}

/** Total count, page size and page links under a list. */
export function ListFooter({ page, pageSize, total, onPage, onPageSize }: Props) {
  const { t } = useTranslation('admin');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.total', { count: total })}
      </Text>
      <Group gap="sm">
        {onPageSize ? (
          <NativeSelect
            size="xs"
            label={t('common.pageSize')}
            value={String(pageSize)}
            data={pageSizes.map((n) => String(n))}
            onChange={(e) => onPageSize(Number(e.currentTarget.value))}
          />
        ) : null}
        {pages > 1 ? (
          <Pagination
            size="sm"
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            siblings={1}
            getItemProps={(p) => ({ 'aria-label': t('common.goToPage', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        ) : null}
      </Group>
    </Group>
  );
}
