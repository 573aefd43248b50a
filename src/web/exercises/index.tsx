import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { OrgAfterPage, TerritoryAfterPage } from './after/AfterPage.js';
import { CrisisKitPage } from './after/CrisisKitPage.js';
import { DeclarationPage, NewIncidentPage } from './after/IncidentPages.js';
import { IncidentsListPage } from './after/IncidentsListPage.js';
import { QuestionnairePage } from './after/QuestionnairePage.js';
import { OrgConsolePage, TerritoryConsolePage } from './console/ConsolePage.js';
import { LocalConsolePage } from './console/LocalConsolePage.js';
import { OrgExercisePage, TerritoryExercisePage } from './ExercisePage.js';
import { ExercisesPage } from './ExercisesPage.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { MyExercisesPage } from './MyExercisesPage.js';
import { NewExercisePage } from './NewExercisePage.js';
import { MyObservePage, OrgObservePage, TerritoryObservePage } from './observe/ObservePage.js';
import { canManage, canObserve } from './permissions.js';
import { MediaPage } from './play/MediaPage.js';
import { PlayerSpacePage } from './play/PlayerSpacePage.js';
import { ScenariosPage } from './ScenariosPage.js';

/** Adds the 'exercises' namespace (French first, English) to the shell's i18next instance. */
export function registerExercisesI18n(i18n: I18n): void {
  if (i18n.hasResourceBundle('fr', 'exercises')) return;
  i18n.addResourceBundle('fr', 'exercises', fr, true, true);
  i18n.addResourceBundle('en', 'exercises', en, true, true);
  // The home checklist reads its labels from the shell's namespace; the crisis kit item is ours.
  i18n.addResourceBundle('fr', 'translation', { home: { items: fr.homeItems } }, true, false);
  i18n.addResourceBundle('en', 'translation', { home: { items: en.homeItems } }, true, false);
}

/** Crisis exercises, preparation side (docs/api-exercises.md); live play comes with its own pages. */
export const exercisesRoutes: RouteObject[] = [
  { path: 'exercises', Component: ExercisesPage },
  { path: 'exercises/scenarios', Component: ScenariosPage },
  { path: 'exercises/new', Component: NewExercisePage },
  { path: 'exercises/mine', Component: MyExercisesPage },
  { path: 'exercises/animate/:exerciseId', Component: LocalConsolePage },
  { path: 'exercises/o/:ownerId/:exerciseId', Component: OrgExercisePage },
  { path: 'exercises/t/:ownerId/:exerciseId', Component: TerritoryExercisePage },
  { path: 'exercises/o/:ownerId/:exerciseId/console', Component: OrgConsolePage },
  { path: 'exercises/t/:ownerId/:exerciseId/console', Component: TerritoryConsolePage },
  { path: 'exercises/o/:ownerId/:exerciseId/observe', Component: OrgObservePage },
  { path: 'exercises/t/:ownerId/:exerciseId/observe', Component: TerritoryObservePage },
  { path: 'exercises/observe/:exerciseId', Component: MyObservePage },
  // 'media' before ':cellId' so the media page is not read as a cell.
  { path: 'exercises/play/:exerciseId/media', Component: MediaPage },
  { path: 'exercises/play/:exerciseId/:cellId', Component: PlayerSpacePage },
  // After the exercise, real incidents and the crisis kit (after/).
  { path: 'exercises/o/:ownerId/:exerciseId/after', Component: OrgAfterPage },
  { path: 'exercises/t/:ownerId/:exerciseId/after', Component: TerritoryAfterPage },
  { path: 'exercises/lessons/:exerciseId', Component: QuestionnairePage },
  { path: 'exercises/incidents', Component: IncidentsListPage },
  { path: 'exercises/incidents/new', Component: NewIncidentPage },
  { path: 'exercises/incidents/:exerciseId', Component: DeclarationPage },
  { path: 'exercises/crisis-kit', Component: CrisisKitPage },
];

/** Everyone may be placed in a cell, so "my exercises" is for all; the rest for those who prepare or observe. */
export const exercisesNav: NavEntry[] = [
  { to: '/exercises/mine', labelKey: 'exercises:nav.mine', show: () => true },
  { to: '/exercises', labelKey: 'exercises:nav.exercises', show: (me) => canObserve(me) },
  { to: '/exercises/scenarios', labelKey: 'exercises:nav.scenarios', show: (me) => canObserve(me) },
  // The register carries the "declare" button, so it replaces a direct link to the new-incident form.
  { to: '/exercises/incidents', labelKey: 'exercises:after.register.title', show: (me) => canManage(me) },
  { to: '/exercises/crisis-kit', labelKey: 'exercises:after.kit.title', show: (me) => canObserve(me) },
];
