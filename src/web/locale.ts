/** The two languages of the product; French is the default everywhere. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const LOCALE_COOKIE = 'rempart_locale';
const STORAGE_KEY = 'rempart_locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** Reads the rempart_locale cookie out of a `document.cookie` string. */
export function localeFromCookie(cookie: string): Locale | null {
  const m = cookie.match(/(?:^|;\s*)rempart_locale=([^;]+)/);
  const value = m?.[1] ? decodeURIComponent(m[1]) : null;
  return isLocale(value) ? value : null;
}

/**
 * The language to start with: an explicit choice made on this browser (storage, else the cookie)
 * wins; otherwise French, the product's language, whatever the browser says. The account's own
 * language applies once signed in (see AccountLocale in app.tsx).
 */
export function initialLocale(stored: string | null, cookie: string): Locale {
  if (isLocale(stored)) return stored;
  return localeFromCookie(cookie) ?? 'fr';
}

/** The cookie the server also reads to answer error messages in the same language. */
export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax${secure ? '; secure' : ''}`;
}

/** Whether this browser already holds an explicit language choice. */
export function hasStoredLocale(): boolean {
  return isLocale(safeStorageGet(STORAGE_KEY)) || localeFromCookie(document.cookie) !== null;
}

export function readStartLocale(): Locale {
  return initialLocale(safeStorageGet(STORAGE_KEY), document.cookie);
}

/** Remembers the choice in both places: storage for the SPA, the cookie for the server. */
export function rememberLocale(locale: Locale): void {
  safeStorageSet(STORAGE_KEY, locale);
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie; the Cookie Store API is not everywhere yet
  document.cookie = localeCookie(locale, window.location.protocol === 'https:');
}

/** Storage can throw (private mode, disabled storage): the app must still work. */
export function safeStorageGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function safeStorageSet(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the choice lasts for this page only.
  }
}
