import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { guardRedirect } from '../auth/flow.js';
import { type Account, useMe } from '../me.js';
import { Layout } from './layout.js';
import { PublicFrame } from './public-frame.js';
import { LoadError, PageLoader } from './status.js';

/** The signed-in part of the app: sends to sign-in or to the second factor when needed. */
export function RequireAccount() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError)
    return (
      <PublicFrame>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </PublicFrame>
    );
  const to = guardRedirect(me.data, `${location.pathname}${location.search}`);
  if (to) return <Navigate to={to} replace />;
  return <Layout account={me.data.account as Account} />;
}

/** Pages of the sign-in journey that need a session, even one still waiting for its second factor. */
export function RequireSession({ children }: { children: (account: Account) => ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.signedIn || !me.data.account) {
    const back = new URLSearchParams(location.search).get('returnTo');
    return <Navigate to={back ? `/sign-in?returnTo=${encodeURIComponent(back)}` : '/sign-in'} replace />;
  }
  return <>{children(me.data.account)}</>;
}
