/** How an audit's costs are shown: euros from cents, and each side's share of the total. */
export interface CostSplit {
  payer: string;
  breach: boolean;
  totalCents: number;
  establishmentCents: number;
  providerCents: number;
  shares: Array<{
    organizationId: string;
    organizationName: string;
    portionCents: number;
    establishmentCents: number;
    providerCents: number;
    capCents: number | null;
    capped: boolean;
  }>;
}

export const formatCents = (cents: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** "12,50" or "12.5" euros → 1250 cents; null when not a positive amount. */
export function centsFromEuros(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const cents = Math.round(Number(clean) * 100);
  return cents >= 1 ? cents : null;
}

/** Whole percent of the total each side pays (0 when nothing was spent), rounded so both add up to 100. */
export function splitPercents(split: Pick<CostSplit, 'totalCents' | 'establishmentCents' | 'providerCents'>): {
  establishment: number;
  provider: number;
} {
  if (split.totalCents <= 0) return { establishment: 0, provider: 0 };
  const establishment = Math.round((split.establishmentCents / split.totalCents) * 100);
  return { establishment, provider: 100 - establishment };
}
