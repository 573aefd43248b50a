import type { Domain, MemberRow } from './types.js';

/**
 * What one cell of the members x domains table says, as plain data the page and its test share:
 * "not shared" and "fewer than 5 people" are states of their own, never an empty cell a reader
 * could take for zero.
 */
export type CellView = { kind: 'not_shared' } | { kind: 'small' } | { kind: 'none' } | { kind: 'figures'; main: string; detail?: string };

const percent = (v: number | null, locale: string) => (v === null ? null : `${v.toLocaleString(locale, { maximumFractionDigits: 1 })} %`);

export function cellView(m: MemberRow, domain: Domain, locale: string): CellView {
  const cell = m[domain];
  if (!cell.shared) return { kind: 'not_shared' };
  switch (domain) {
    case 'maturity': {
      const v = m.maturity.value;
      if (!v || v.score === null) return { kind: 'none' };
      return {
        kind: 'figures',
        main: `${v.score} / 100`,
        detail: new Date(v.completedAt).toLocaleDateString(locale, { dateStyle: 'medium' }),
      };
    }
    case 'training': {
      const v = m.training.value;
      if (v?.suppressed) return { kind: 'small' };
      const rate = percent(v?.completionRate ?? null, locale);
      return rate ? { kind: 'figures', main: rate } : { kind: 'none' };
    }
    case 'phishing': {
      const v = m.phishing.value;
      if (v?.suppressed) return { kind: 'small' };
      const report = percent(v?.reportRate ?? null, locale);
      const click = percent(v?.clickRate ?? null, locale);
      return report && click ? { kind: 'figures', main: report, detail: click } : { kind: 'none' };
    }
    case 'suppliers': {
      const v = m.suppliers.value;
      const rate = percent(v?.coverageRate ?? null, locale);
      return rate && v ? { kind: 'figures', main: rate, detail: String(v.overdueAudits) } : { kind: 'none' };
    }
    case 'exercises': {
      const v = m.exercises.value;
      if (v?.lastExerciseOn)
        return { kind: 'figures', main: new Date(v.lastExerciseOn).toLocaleDateString(locale, { dateStyle: 'medium' }) };
      return { kind: 'none' };
    }
    case 'actions': {
      const v = m.actions.value;
      return v ? { kind: 'figures', main: String(v.open), detail: String(v.overdue) } : { kind: 'none' };
    }
  }
}

/** Members matching the search (name, accents ignored), flagged ones only when asked, in name order. */
export function filterMembers(members: readonly MemberRow[], search: string, flaggedOnly: boolean, locale: string): MemberRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
  const key = fold(search.trim());
  return members.filter((m) => (!key || fold(m.name).includes(key)) && (!flaggedOnly || m.flags.length > 0));
}
