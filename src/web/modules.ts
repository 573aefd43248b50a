import type { RouteObject } from 'react-router';
import { actionsNav, actionsRoutes } from './actions/index.js';
import { adminNav, adminRoutes } from './admin/index.js';
import { exercisesNav, exercisesRoutes } from './exercises/index.js';
import { HomePage } from './home/home-page.js';
import { learningAdminNav, learningAdminRoutes } from './learning/admin/index.js';
import { learningNav, learningRoutes } from './learning/index.js';
import { maturityNav, maturityRoutes } from './maturity/index.js';
import { phishingNav, phishingRoutes } from './phishing/index.js';
import type { NavEntry } from './shell/scope.js';
import { suppliersNav, suppliersRoutes } from './suppliers/index.js';
import { territoryNav, territoryRoutes } from './territory/index.js';
import { territoryDashboardNav, territoryDashboardRoutes } from './territory-dashboard/index.js';

export { isActive, type NavGroup, visibleNav } from './shell/nav.js';

/**
 * A part of the product as the web shell sees it: its navigation entries and its pages, mounted
 * inside the signed-in layout. Each module adds itself here when it ships; nothing is shown
 * before it exists.
 */
export interface WebModule {
  id: string;
  /** Heading of the module's group in the navigation; none for a single top-level entry. */
  labelKey?: string;
  nav: NavEntry[];
  routes: RouteObject[];
}

export const modules: WebModule[] = [
  {
    id: 'home',
    nav: [{ to: '/', labelKey: 'nav.home', show: () => true }],
    routes: [{ index: true, Component: HomePage }],
  },
  {
    id: 'learning',
    labelKey: 'nav.learning',
    nav: [...learningNav, ...learningAdminNav],
    routes: [...learningRoutes, ...learningAdminRoutes],
  },
  { id: 'phishing', labelKey: 'nav.phishing', nav: phishingNav, routes: phishingRoutes },
  { id: 'suppliers', labelKey: 'nav.suppliers', nav: suppliersNav, routes: suppliersRoutes },
  { id: 'maturity', labelKey: 'nav.maturity', nav: maturityNav, routes: maturityRoutes },
  { id: 'actions', nav: actionsNav, routes: actionsRoutes },
  { id: 'exercises', labelKey: 'nav.exercises', nav: exercisesNav, routes: exercisesRoutes },
  { id: 'territory', labelKey: 'nav.territory', nav: territoryNav, routes: territoryRoutes },
  { id: 'territory-dashboard', labelKey: 'nav.dashboards', nav: territoryDashboardNav, routes: territoryDashboardRoutes },
  { id: 'admin', labelKey: 'nav.administration', nav: adminNav, routes: adminRoutes },
];
