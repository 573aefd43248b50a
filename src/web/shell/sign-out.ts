import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.js';
import { meQueryKey } from '../me.js';
import { useReportError } from './use-report-error.js';

/** Signs out (this session, or every session) and forgets everything cached for the account. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const report = useReportError();
  return useCallback(
    async (everywhere = false) => {
      try {
        await api<unknown>(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out', { method: 'POST' });
      } catch (err) {
        report(err);
        return;
      }
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, { signedIn: false, account: null });
      await navigate('/sign-in', { replace: true });
    },
    [queryClient, navigate, report],
  );
}
