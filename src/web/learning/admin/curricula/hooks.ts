import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../api.js';
import { adminApi, adminKeys } from '../endpoints.js';
import { previewSearch, type Targeting } from '../rule-form.js';
import type { Curriculum, ModuleSummary } from '../types.js';

/** The modules that can go into a curriculum or an assignment (catalogue + own, not archived). */
export function useModuleChoices(orgId: string) {
  return useQuery({
    queryKey: [...adminKeys.modules(orgId), 'choices'],
    queryFn: () => api<Page<ModuleSummary>>(`${adminApi.modules(orgId)}?pageSize=200&sort=title`),
    select: (page) => page.items.map((m) => ({ value: m.id, label: m.title })),
    staleTime: 60_000,
  });
}

export function useCurricula(orgId: string) {
  return useQuery({ queryKey: adminKeys.curricula(orgId), queryFn: () => api<Curriculum[]>(adminApi.curricula(orgId)) });
}

/** A curriculum's name in the reader's language. */
export function useCurriculumName() {
  const { i18n } = useTranslation();
  return (c: Pick<Curriculum, 'nameFr' | 'nameEn'>) => (i18n.language === 'en' ? c.nameEn : c.nameFr);
}

/** "N people match": asked again 300 ms after the targeting stops changing. */
export function useRulePreview(orgId: string, curriculumId: string | null, targeting: Targeting) {
  // A string, so the debounce compares values and not a new object at each render.
  const [search] = useDebouncedValue(previewSearch(curriculumId, targeting), 300);
  return useQuery({
    queryKey: [...adminKeys.rules(orgId), 'preview', search],
    queryFn: () => api<{ matching: number }>(`${adminApi.rulesPreview(orgId)}${search}`),
    placeholderData: keepPreviousData,
  });
}
