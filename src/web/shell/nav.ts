import type { NavEntry } from './scope.js';

/** What a module contributes to the navigation (see src/web/modules.ts). */
export interface NavSource {
  id: string;
  labelKey?: string;
  nav: NavEntry[];
}

export type NavViewer = Parameters<NavEntry['show']>[0];

export interface NavGroup {
  id: string;
  labelKey?: string;
  entries: NavEntry[];
}

/** The navigation the viewer may use: entries whose show() agrees, groups left empty dropped. */
export function visibleNav(list: readonly NavSource[], viewer: NavViewer): NavGroup[] {
  const groups: NavGroup[] = [];
  for (const m of list) {
    const entries = m.nav.filter((e) => e.show(viewer));
    if (entries.length === 0) continue;
    groups.push(m.labelKey ? { id: m.id, labelKey: m.labelKey, entries } : { id: m.id, entries });
  }
  return groups;
}

/** Whether a navigation entry's path is the current page or an ancestor of it (on a path boundary). */
export function isActive(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The one entry to mark current: the longest path among those matching, so "/learning" is not lit
 * on /learning/admin/modules where "/learning/admin/modules" is the page. Null when none matches.
 */
export function activeEntry(entries: ReadonlyArray<{ to: string }>, pathname: string): string | null {
  let best: string | null = null;
  for (const { to } of entries) if (isActive(to, pathname) && (best === null || to.length > best.length)) best = to;
  return best;
}
