import type { i18n as I18n } from 'i18next';
import { Navigate, type RouteObject } from 'react-router';
import type { NavEntry } from '../../shell/scope.js';
import { GroupEditorPage } from './groups/GroupEditorPage.js';
import { GroupsPage } from './groups/GroupsPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { ImportPage } from './import/ImportPage.js';
import { LandingEditorPage } from './landing/LandingEditorPage.js';
import { LandingPage } from './landing/LandingPage.js';
import { LandingPagesPage } from './landing/LandingPagesPage.js';
import { ProfileEditorPage } from './profiles/ProfileEditorPage.js';
import { ProfilesPage } from './profiles/ProfilesPage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { TemplateEditorPage } from './templates/TemplateEditorPage.js';
import { TemplatePage } from './templates/TemplatePage.js';
import { TemplatesPage } from './templates/TemplatesPage.js';

/** Adds the 'phishingLibrary' namespace (French first, English) to the shell's i18next instance. */
export function registerLibraryI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'phishingLibrary', fr, true, true);
  i18n.addResourceBundle('en', 'phishingLibrary', en, true, true);
}

/** The phishing library (docs/api-phishing.md, "Library"); its sub-pages are reached by the tabs on each page. */
export const libraryRoutes: RouteObject[] = [
  { path: 'phishing/library', element: <Navigate to="/phishing/library/templates" replace /> },
  { path: 'phishing/library/templates', Component: TemplatesPage },
  { path: 'phishing/library/templates/new', Component: TemplateEditorPage },
  { path: 'phishing/library/templates/:templateId', Component: TemplatePage },
  { path: 'phishing/library/templates/:templateId/edit', Component: TemplateEditorPage },
  { path: 'phishing/library/landing-pages', Component: LandingPagesPage },
  { path: 'phishing/library/landing-pages/new', Component: LandingEditorPage },
  { path: 'phishing/library/landing-pages/:landingId', Component: LandingPage },
  { path: 'phishing/library/landing-pages/:landingId/edit', Component: LandingEditorPage },
  { path: 'phishing/library/profiles', Component: ProfilesPage },
  { path: 'phishing/library/profiles/new', Component: ProfileEditorPage },
  { path: 'phishing/library/profiles/:profileId', Component: ProfileEditorPage },
  { path: 'phishing/library/groups', Component: GroupsPage },
  { path: 'phishing/library/groups/new', Component: GroupEditorPage },
  { path: 'phishing/library/groups/:groupId', Component: GroupEditorPage },
  { path: 'phishing/library/settings', Component: SettingsPage },
  { path: 'phishing/library/import', Component: ImportPage },
];

type Viewer = Parameters<NavEntry['show']>[0];
// Admin rights count once the second factor is verified (ADR 0004), as in the shell's admin entries.
const orgAdmin = (me: Viewer): boolean => me.mfaVerified && me.grants.some((g) => g.role === 'org_admin' || g.role === 'platform_admin');

/** One entry only, lit on every library page (the shell matches by prefix); the pages are tabs of it. */
export const libraryNav: NavEntry[] = [{ to: '/phishing/library', labelKey: 'phishingLibrary:nav.library', show: orgAdmin }];
