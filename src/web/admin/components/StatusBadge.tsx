import { Badge, type BadgeProps } from '@mantine/core';

// Never cut the label short in a narrow table cell.
const styles = { root: { maxWidth: 'none', flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } };

// Mantine's darkest green, lime, yellow and orange stay under 4.5:1 on white; these keep their hue and pass.
const darker: Record<string, string> = { green: '#2b7a38', lime: '#4a7400', yellow: '#8a5a00', orange: '#b34700' };

/** An outlined badge in the darkest shade of its color: readable on any row background (WCAG AA). */
export function StatusBadge({
  color = 'gray',
  ...props
}: Omit<BadgeProps, 'variant' | 'color' | 'styles'> & { color?: string; children: React.ReactNode }) {
  return <Badge variant="outline" color={darker[color] ?? `${color}.9`} styles={styles} {...props} />;
}
