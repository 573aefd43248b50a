import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { MyLearningPage } from './my-learning-page.js';
import { PlayerPage } from './player-page.js';
import { ReviewsPage } from './reviews-page.js';

/** Adds the 'learning' namespace (French first, English) to the shell's i18next instance. */
export function registerLearningI18n(i18n: I18n): void {
  i18n.addResourceBundle('fr', 'learning', fr, true, true);
  i18n.addResourceBundle('en', 'learning', en, true, true);
}

/** The learner's pages, inside the signed-in frame (the patient page is public: see src/web/routes.tsx). */
export const learningRoutes: RouteObject[] = [
  { path: 'learning', Component: MyLearningPage },
  { path: 'learning/reviews', Component: ReviewsPage },
  { path: 'learning/:assignmentId', Component: PlayerPage },
];

/** "My learning" for anyone whose account is a person of an organization's staff: only they have modules. */
export const learningNav: NavEntry[] = [{ to: '/learning', labelKey: 'learning:nav.mine', show: (me) => Boolean(me.personId) }];
