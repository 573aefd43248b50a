import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats a page title the same way everywhere: "Page · Rempart". */
export function pageTitle(page: string, product: string): string {
  return page ? `${page} · ${product}` : product;
}

/** The path whose page set its own title; the layout then leaves the title alone. */
let titledPath: string | null = null;

export function pageTitledItself(pathname: string): boolean {
  return titledPath === pathname;
}

/**
 * Sets the document title for the page (screen readers announce it on navigation).
 * Pass an i18n key, or an already translated text with `{ raw: true }`.
 */
export function usePageTitle(keyOrText: string, options: { raw?: boolean } = {}): void {
  const { t, i18n } = useTranslation();
  const text = options.raw ? keyOrText : t(keyOrText);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is a dependency so the title follows a switch
  useEffect(() => {
    titledPath = window.location.pathname;
    document.title = pageTitle(text, t('app.name'));
  }, [text, t, i18n.language]);
}
