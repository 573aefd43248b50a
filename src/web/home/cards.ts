/**
 * The cards of GET /api/home (server: modules/identity/home-service.ts). Every card has the same
 * loose shape `{ kind, scope?, items?, counts? }`; the page knows how to show the kinds below and
 * leaves out kinds it does not know yet (a newer server), never showing them broken.
 */
export const homeCardKinds = ['second_factor', 'platform_overview', 'org_setup', 'territory_overview', 'learner'] as const;
export type HomeCardKind = (typeof homeCardKinds)[number];

export interface HomeRef {
  kind: 'organization' | 'territory';
  id: string;
  name: string;
}

export interface HomeItem {
  key: string;
  done: boolean;
  count: number | null;
  ref: HomeRef | null;
}

export interface HomeCard {
  kind: HomeCardKind;
  scope: HomeRef | null;
  items: HomeItem[];
  counts: Record<string, number>;
}

/** The page where each checklist item is done. */
export const itemLinks: Record<string, string> = {
  totp_enrol: '/auth/totp/enrol',
  totp_verify: '/auth/totp',
  totp_enrolled: '/account',
  people_imported: '/admin/import',
  second_admin: '/admin/accounts',
  territory_membership: '/admin/territories',
  member_without_people: '/admin/territories',
  crisis_kit_reprint: '/exercises/crisis-kit',
};

/** The order in which counts are shown; others the server adds follow in its order. */
const countOrder = ['organizations', 'territories', 'accounts', 'people', 'members', 'sharingData', 'membersWithoutPeople', 'due'];

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function ref(v: unknown): HomeRef | null {
  if (!isObject(v)) return null;
  const id = str(v.id);
  const name = str(v.name);
  if (!id || !name || (v.kind !== 'organization' && v.kind !== 'territory')) return null;
  return { kind: v.kind, id, name };
}

function items(v: unknown): HomeItem[] {
  if (!Array.isArray(v)) return [];
  const out: HomeItem[] = [];
  for (const it of v) {
    if (!isObject(it)) continue;
    const key = str(it.key);
    if (key) out.push({ key, done: it.done === true, count: num(it.count), ref: ref(it.ref) });
  }
  return out;
}

function counts(v: unknown): Record<string, number> {
  if (!isObject(v)) return {};
  const entries = Object.entries(v).filter((e): e is [string, number] => num(e[1]) !== null);
  const rank = (k: string) => (countOrder.includes(k) ? countOrder.indexOf(k) : countOrder.length);
  return Object.fromEntries(entries.sort((a, b) => rank(a[0]) - rank(b[0])));
}

/** Reads the answer defensively: unknown kinds and malformed cards are left out. */
export function parseCards(answer: unknown): HomeCard[] {
  const list = isObject(answer) && Array.isArray(answer.cards) ? answer.cards : [];
  const cards: HomeCard[] = [];
  for (const raw of list) {
    if (!isObject(raw) || !(homeCardKinds as readonly unknown[]).includes(raw.kind)) continue;
    cards.push({ kind: raw.kind as HomeCardKind, scope: ref(raw.scope), items: items(raw.items), counts: counts(raw.counts) });
  }
  return cards;
}

/** Where a checklist item leads, or null when there is nothing to do there. */
export function itemLink(item: HomeItem): string | null {
  return itemLinks[item.key] ?? null;
}
