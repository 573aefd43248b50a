import { describe, expect, it } from 'vitest';
import { auditClauseFromModel, contractFromForm, contractToForm, defaultAuditClause, emptyContractForm } from './contract-form.js';
import { centsFromEuros, splitPercents } from './cost-split.js';
import { emptySupplierForm, parseLocations, previewTier, supplierFromForm } from './supplier-form.js';
import type { ContractDetail } from './types.js';

describe('provider form', () => {
  it('reads locations as the API spells them', () => {
    expect(parseLocations('fr, de;eea  outside_eea FR')).toEqual(['FR', 'DE', 'EEA', 'outside_EEA']);
    expect(parseLocations('  ')).toEqual([]);
  });
  it('clears the reason without an override and empties the SIRET to null', () => {
    const body = supplierFromForm({ ...emptySupplierForm, name: ' Labo ', siren: '732829320', criticalityReason: 'old' });
    expect(body).toMatchObject({ name: 'Labo', siret: null, criticalityOverride: null, criticalityReason: null });
    const over = supplierFromForm({ ...emptySupplierForm, criticalityOverride: '1', criticalityReason: ' sole lab ' });
    expect(over).toMatchObject({ criticalityOverride: 1, criticalityReason: 'sole lab' });
  });
  it('previews the tier with the server rule and its floors', () => {
    expect(previewTier({ handlesHealthData: false, dataVolume: 'none', dependency: 'low', systemAccess: 'none' })).toBe(4);
    expect(previewTier({ handlesHealthData: true, dataVolume: 'none', dependency: 'low', systemAccess: 'none' })).toBe(3);
    expect(previewTier({ handlesHealthData: true, dataVolume: 'over_100k', dependency: 'low', systemAccess: 'none' })).toBe(2);
    expect(previewTier({ handlesHealthData: false, dataVolume: 'none', dependency: 'low', systemAccess: 'privileged' })).toBe(2);
    expect(previewTier({ handlesHealthData: true, dataVolume: '1k_100k', dependency: 'high', systemAccess: 'remote' })).toBe(1);
  });
});

describe('contract form', () => {
  it('sends every clause, null end date and no audit clause when unticked', () => {
    const body = contractFromForm({ ...emptyContractForm(), reference: ' C-1 ', title: 'Lab', startsOn: '2026-01-01' });
    expect(body.reference).toBe('C-1');
    expect(body.endsOn).toBeNull();
    expect(body.clauses).toHaveLength(15);
    expect(body.auditClause).toBeNull();
    expect(body.incidentNotificationHours).toBeNull();
  });
  it('round-trips a contract with a structured audit clause', () => {
    const contract: ContractDetail = {
      id: 'c',
      supplierId: 's',
      supplierName: 'Lab',
      organizationId: 'o',
      archived: false,
      active: true,
      createdAt: '',
      updatedAt: '',
      reference: 'C-1',
      title: 'Lab software',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      renewal: 'tacit',
      noticeDays: 90,
      incidentNotificationHours: 48,
      clauses: [{ key: 'reversibility', present: true, reference: 'art. 9', note: '' }],
      auditClause: {
        frequencyMonths: 12,
        gridId: 'hds-provider',
        noticeDays: 15,
        payer: 'provider_if_breach',
        costCapEur: null,
        fixDeadlineDays: 30,
        triggers: ['incident'],
        hdsReportDelayDays: 60,
      },
    };
    const form = contractToForm(contract);
    expect(form.clauses).toHaveLength(15);
    expect(form.clauses.find((c) => c.key === 'reversibility')?.reference).toBe('art. 9');
    const back = contractFromForm(form);
    expect(back.auditClause).toEqual(contract.auditClause);
    expect(back.endsOn).toBe('2028-12-31');
    expect(back.incidentNotificationHours).toBe(48);
  });
  it('prefills the audit clause from the model, keeping the chosen grid', () => {
    const model = {
      key: 'audit' as const,
      version: 1,
      lastReviewed: '',
      requiredFor: [],
      basis: '',
      title: { fr: '', en: '' },
      text: { fr: '', en: '' },
      auditClause: {
        frequencyMonths: 24,
        noticeDays: 10,
        payer: 'provider' as const,
        costCapEur: 5000,
        fixDeadlineDays: 45,
        triggers: [],
        hdsReportDelayDays: null,
      },
    };
    const out = auditClauseFromModel(model, { ...defaultAuditClause, gridId: 'gdpr-processor' });
    expect(out).toMatchObject({ frequencyMonths: '24', gridId: 'gdpr-processor', costCapEur: '5000', payer: 'provider' });
    expect(auditClauseFromModel(undefined, defaultAuditClause).frequencyMonths).toBe('12');
  });
});

describe('costs', () => {
  it('reads euros typed either way', () => {
    expect(centsFromEuros('12,50')).toBe(1250);
    expect(centsFromEuros('1 200.5')).toBe(120050);
    expect(centsFromEuros('0')).toBeNull();
    expect(centsFromEuros('abc')).toBeNull();
    expect(centsFromEuros('1.234')).toBeNull();
  });
  it('shows each side as a percent adding up to 100', () => {
    expect(splitPercents({ totalCents: 300, establishmentCents: 100, providerCents: 200 })).toEqual({ establishment: 33, provider: 67 });
    expect(splitPercents({ totalCents: 0, establishmentCents: 0, providerCents: 0 })).toEqual({ establishment: 0, provider: 0 });
  });
});
