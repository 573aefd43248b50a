import { Badge, type BadgeProps } from '@mantine/core';

// Never cut the label short in a narrow table cell.
const styles = { root: { maxWidth: 'none', flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } };

/** An outlined badge in the darkest shade of its color: readable on any row background (WCAG AA). */
export function StatusBadge({
  color = 'gray',
  ...props
}: Omit<BadgeProps, 'variant' | 'color' | 'styles'> & { color?: string; children: React.ReactNode }) {
  return <Badge variant="outline" color={`${color}.9`} styles={styles} {...props} />;
}
