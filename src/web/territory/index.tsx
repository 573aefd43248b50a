import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { isCoordinator, isHeatmapReader, isOrgAdmin, isTerritoryReader } from './can.js';
import { HeatmapPage } from './HeatmapPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { LibraryPage } from './LibraryPage.js';
import { MembersSharingPage } from './MembersSharingPage.js';
import { MentoringPage } from './MentoringPage.js';
import { MyMentoringPage } from './MyMentoringPage.js';
import { PlanPage } from './PlanPage.js';
import { ResourceNewPage } from './ResourceNewPage.js';
import { ResourcePage } from './ResourcePage.js';
import { SharingPage } from './SharingPage.js';

/** Adds the 'territory' namespace (French first, English) to the shell's i18next instance. */
export function registerTerritoryI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'territory')) return;
  i18n.addResourceBundle('fr', 'territory', fr, true, true);
  i18n.addResourceBundle('en', 'territory', en, true, true);
}

/** Territory pages (docs/api-territory.md): consent to share, heatmap, mentoring, shared library. */
export const territoryRoutes: RouteObject[] = [
  { path: 'territory/sharing', Component: SharingPage },
  { path: 'territory/members-sharing', Component: MembersSharingPage },
  { path: 'territory/heatmap', Component: HeatmapPage },
  { path: 'territory/mentoring', Component: MentoringPage },
  { path: 'territory/mentoring/mine', Component: MyMentoringPage },
  { path: 'territory/mentoring/:territoryId/pairings/:pairingId', Component: PlanPage },
  { path: 'territory/library', Component: LibraryPage },
  { path: 'territory/library/:territoryId/new', Component: ResourceNewPage },
  { path: 'territory/library/:territoryId/:resourceId', Component: ResourcePage },
];

type Viewer = Parameters<NavEntry['show']>[0];
const orgAdmin = (me: Viewer) => isOrgAdmin(me);
const mentoringParty = (me: Viewer) => isOrgAdmin(me) || isCoordinator(me);
const libraryReader = (me: Viewer) => isOrgAdmin(me) || isTerritoryReader(me);

/** Navigation entries; labels in the 'territory' namespace. */
export const territoryNav: NavEntry[] = [
  { to: '/territory/sharing', labelKey: 'territory:nav.sharing', show: orgAdmin },
  { to: '/territory/members-sharing', labelKey: 'territory:nav.membersSharing', show: isTerritoryReader },
  { to: '/territory/heatmap', labelKey: 'territory:nav.heatmap', show: isHeatmapReader },
  { to: '/territory/mentoring', labelKey: 'territory:nav.mentoring', show: isTerritoryReader },
  { to: '/territory/mentoring/mine', labelKey: 'territory:nav.myMentoring', show: mentoringParty },
  { to: '/territory/library', labelKey: 'territory:nav.library', show: libraryReader },
];
