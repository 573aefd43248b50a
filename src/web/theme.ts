import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm blue-teal, the colour of care settings, dark enough at the shades we use for text and
 * filled buttons to pass WCAG AA (4.5:1) on white; theme.test.ts checks the ratios.
 */
export const rempartBlue: MantineColorsTuple = [
  '#e7f3f6',
  '#cfe5eb',
  '#a0ccd7',
  '#6cb1c2',
  '#439aaf',
  '#2a8ba3',
  '#1b7a91',
  '#136579',
  '#0c5466',
  '#034352',
];

/** The shade of the primary colour used for filled buttons and links in the light scheme. */
export const primaryShade = 7;

/**
 * Text of the "light" variant (alerts, light buttons) on its pale background: Mantine's shade 9
 * is under 4.5:1 for teal and yellow, so darker shades replace it. Keys: colour, [text, background].
 */
export const lightVariantText = {
  red: ['#a51d1d', '#ffe3e3'],
  teal: ['#066649', '#c3fae8'],
  yellow: ['#7a4300', '#fff3bf'],
  orange: ['#8a3c00', '#ffe8cc'],
} as const;

/** Text colours that replace Mantine's lighter defaults, too pale for AA on white. */
export const accessibleText = {
  dimmed: '#495057',
  error: '#b3261e',
  placeholder: '#6a7178',
} as const;

export const theme = createTheme({
  primaryColor: 'rempart',
  // People who asked their system for less motion get no transitions (modals, menus, collapses).
  respectReducedMotion: true,
  primaryShade: { light: primaryShade, dark: 4 },
  colors: { rempart: rempartBlue },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // Smaller on phones so a page title does not fill the screen.
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.3rem + 1.2vw, 2.125rem)', lineHeight: '1.25' } },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Keyboard users must always see where they are.
  focusRing: 'always',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': accessibleText.dimmed,
    '--mantine-color-error': accessibleText.error,
    '--mantine-color-placeholder': accessibleText.placeholder,
    ...Object.fromEntries(Object.entries(lightVariantText).map(([color, [text]]) => [`--mantine-color-${color}-light-color`, text])),
  },
  dark: {},
});

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
