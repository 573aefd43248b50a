import type { RouteObject } from 'react-router';
import { AccountPage } from './account/account-page.js';
import { MagicLinkPage } from './auth/magic-page.js';
import { SignInPage } from './auth/sign-in-page.js';
import { TotpEnrolPage } from './auth/totp-enrol-page.js';
import { TotpPage } from './auth/totp-page.js';
import { PatientPage } from './learning/public-page.js';
import { modules } from './modules.js';
import { ErrorPage, NotFoundPage } from './shell/error-pages.js';
import { RequireAccount } from './shell/guard.js';

/** Every page of the app: the public sign-in journey, then the signed-in frame with each module's pages. */
export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <ErrorPage />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'auth/magic', element: <MagicLinkPage /> },
      { path: 'auth/totp', element: <TotpPage /> },
      { path: 'auth/totp/enrol', element: <TotpEnrolPage /> },
      // The patient awareness page: public, no account (docs/api-learning.md, "Patient page").
      { path: 'sensibilisation/:slug', element: <PatientPage /> },
      {
        element: <RequireAccount />,
        errorElement: <ErrorPage />,
        children: [
          ...modules.flatMap((m) => m.routes),
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
