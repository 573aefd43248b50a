import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { OrgExercisePage, TerritoryExercisePage } from './ExercisePage.js';
import { ExercisesPage } from './ExercisesPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { MyExercisesPage } from './MyExercisesPage.js';
import { NewExercisePage } from './NewExercisePage.js';
import { canObserve } from './permissions.js';
import { ScenariosPage } from './ScenariosPage.js';

/** Adds the 'exercises' namespace (French first, English) to the shell's i18next instance. */
export function registerExercisesI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'exercises')) return;
  i18n.addResourceBundle('fr', 'exercises', fr, true, true);
  i18n.addResourceBundle('en', 'exercises', en, true, true);
}

/** Crisis exercises, preparation side (docs/api-exercises.md); live play comes with its own pages. */
export const exercisesRoutes: RouteObject[] = [
  { path: 'exercises', Component: ExercisesPage },
  { path: 'exercises/scenarios', Component: ScenariosPage },
  { path: 'exercises/new', Component: NewExercisePage },
  { path: 'exercises/mine', Component: MyExercisesPage },
  { path: 'exercises/o/:ownerId/:exerciseId', Component: OrgExercisePage },
  { path: 'exercises/t/:ownerId/:exerciseId', Component: TerritoryExercisePage },
];

/** Everyone may be placed in a cell, so "my exercises" is for all; the rest for those who prepare or observe. */
export const exercisesNav: NavEntry[] = [
  { to: '/exercises/mine', labelKey: 'exercises:nav.mine', show: () => true },
  { to: '/exercises', labelKey: 'exercises:nav.exercises', show: (me) => canObserve(me) },
  { to: '/exercises/scenarios', labelKey: 'exercises:nav.scenarios', show: (me) => canObserve(me) },
];
