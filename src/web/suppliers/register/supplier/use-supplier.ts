import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api.js';
import { registerApi, registerKeys } from '../endpoints.js';

export type Part = 'hds-certificates' | 'subcontractors' | 'contacts';

/**
 * Create / update / delete of a provider's certificates, subcontractors or contacts; each success
 * refreshes the provider's page (the server answers with the part, the page reads the whole detail).
 */
export function usePartMutations<Body>(orgId: string, supplierId: string, part: Part, onDone?: () => void) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: registerKeys.supplier(orgId, supplierId) });
    void queryClient.invalidateQueries({ queryKey: registerKeys.suppliers(orgId) });
    onDone?.();
  };
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Body }) =>
      api<unknown>(registerApi.part(orgId, supplierId, part, id ?? undefined), { method: id ? 'PUT' : 'POST', body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(registerApi.part(orgId, supplierId, part, id), { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { save, remove };
}
