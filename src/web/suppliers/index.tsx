import type { i18n as I18n } from 'i18next';
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../shell/scope.js';
import { auditsNav, auditsRoutes, registerAuditsI18n } from './audits/index.js';
import { registerNav, registerRegisterI18n, registerRoutes } from './register/index.js';

/** Adds the provider chain namespaces ('suppliersRegister', 'suppliersAudits') to the shell's i18next instance. */
export function registerSuppliersI18n(i18n: I18n): void {
  registerRegisterI18n(i18n);
  registerAuditsI18n(i18n);
}

/** Provider chain pages (docs/api-suppliers.md): the register first, then audits, grids and the provider portal. */
export const suppliersRoutes: RouteObject[] = [...registerRoutes, ...auditsRoutes];
export const suppliersNav: NavEntry[] = [...registerNav, ...auditsNav];
