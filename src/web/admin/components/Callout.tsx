import { Alert, type AlertProps } from '@mantine/core';

/**
 * Mantine's light Alert with its title in the body text color: the colored default (and even the
 * darkest orange) fails WCAG AA contrast on the tinted background; the tint carries the tone.
 */
export function Callout({ color = 'blue', ...props }: Omit<AlertProps, 'variant' | 'color'> & { color?: string }) {
  return <Alert variant="light" color={color} styles={{ title: { color: 'var(--mantine-color-text)' } }} {...props} />;
}
