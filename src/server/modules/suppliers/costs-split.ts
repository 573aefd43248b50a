import type { ClausePayer } from './tables.js';

/**
 * Who pays an audit's costs, from the contract's audit clause (docs/api-suppliers.md):
 * - `establishment`: the establishment pays everything; `provider`: the provider does;
 * - `provider_if_breach`: the provider pays when the audit found a breach, defined as at least one
 *   finding of severity high or critical (whatever its status: a fixed breach was still found);
 *   otherwise the establishment pays;
 * - a shared audit's costs are split evenly between the participating establishments (the lead
 *   first takes the odd cents), each then applying the rule above to its part;
 * - the clause's cost cap limits what each establishment pays over the whole audit; the rest of
 *   its part falls to the provider. Costs are taken in date order, so the cap bites on the later ones.
 */
export interface SplitEstablishment {
  organizationId: string;
  /** From its contract's audit clause (cost_cap_eur × 100); null: no cap. */
  capCents: number | null;
}

export interface SplitCost {
  id: string;
  amountCents: number;
  incurredOn: string;
}

export interface CostShare {
  costId: string;
  incurredOn: string;
  organizationId: string;
  /** The establishment's part of the cost before deciding who pays it. */
  portionCents: number;
  /** What the establishment pays of its portion; the provider pays the rest. */
  establishmentCents: number;
  providerCents: number;
}

export interface OrgTotals {
  organizationId: string;
  capCents: number | null;
  portionCents: number;
  establishmentCents: number;
  providerCents: number;
  capped: boolean;
}

export interface CostSplit {
  payer: ClausePayer;
  breach: boolean;
  totalCents: number;
  establishmentCents: number;
  providerCents: number;
  shares: CostShare[];
  byOrganization: OrgTotals[];
}

/** n parts as even as cents allow, the first ones taking the remainder. */
export function evenParts(amount: number, n: number): number[] {
  const base = Math.floor(amount / n);
  const rest = amount - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

export const establishmentLiable = (payer: ClausePayer, breach: boolean): boolean =>
  payer === 'establishment' || (payer === 'provider_if_breach' && !breach);

export function splitCosts(payer: ClausePayer, breach: boolean, establishments: SplitEstablishment[], costs: SplitCost[]): CostSplit {
  const liable = establishmentLiable(payer, breach);
  const totals: OrgTotals[] = establishments.map((e) => ({
    organizationId: e.organizationId,
    capCents: e.capCents,
    portionCents: 0,
    establishmentCents: 0,
    providerCents: 0,
    capped: false,
  }));
  const shares: CostShare[] = [];
  const ordered = [...costs].sort((a, b) => a.incurredOn.localeCompare(b.incurredOn) || a.id.localeCompare(b.id));
  for (const cost of ordered) {
    const parts = evenParts(cost.amountCents, Math.max(1, totals.length));
    totals.forEach((t, i) => {
      const portion = parts[i] ?? 0;
      let ours = liable ? portion : 0;
      if (t.capCents !== null && t.establishmentCents + ours > t.capCents) {
        ours = Math.max(0, t.capCents - t.establishmentCents);
        t.capped = true;
      }
      t.portionCents += portion;
      t.establishmentCents += ours;
      t.providerCents += portion - ours;
      shares.push({
        costId: cost.id,
        incurredOn: cost.incurredOn,
        organizationId: t.organizationId,
        portionCents: portion,
        establishmentCents: ours,
        providerCents: portion - ours,
      });
    });
  }
  const sum = (k: 'portionCents' | 'establishmentCents' | 'providerCents') => totals.reduce((s, t) => s + t[k], 0);
  return {
    payer,
    breach,
    totalCents: sum('portionCents'),
    establishmentCents: sum('establishmentCents'),
    providerCents: sum('providerCents'),
    shares,
    byOrganization: totals,
  };
}
