import type { Transaction } from 'kysely';
import { searchKey, toJson } from '../server/db/dialect.js';
import type { DbHandle } from '../server/db/index.js';
import type { Database } from '../server/db/schema.js';
import { addDays, todayOf } from '../server/modules/suppliers/calendar-dates.js';
import { ContractsRepo } from '../server/modules/suppliers/contracts-repo.js';
import { clauseKeys } from '../server/modules/suppliers/contracts-schema.js';
import { computeCriticality } from '../server/modules/suppliers/criticality.js';
import { syncGridCatalogue } from '../server/modules/suppliers/grid-catalogue-sync.js';
import type { DataVolume, DependencyLevel, SystemAccess } from '../server/modules/suppliers/tables.js';
import { newId } from '../server/platform/ids.js';
import { seedDemoAudit } from './demo-suppliers-audits.js';
import { type DemoProvider, demoProviders, demoSiren, openAuditAnswers, reviewedAudit } from './demo-suppliers-data.js';

export { demoProviders, demoSiren };

type Trx = Transaction<Database>;
const DAY = 86_400_000;

/**
 * The provider chain of the demo: the lead establishment of the demo GHT gets a register of about
 * twelve fictional providers (SIRENs valid by checksum, contacts @<vendor>.demo), HDS certificates
 * (one expiring within 60 days), contracts with their clause checklist (one without reversibility)
 * and audit clauses, one audit open with the first answers of the provider's contact, and one
 * closed audit with its findings, remediation plans and costs. Deterministic; a second run
 * changes nothing (the register of the lead is checked first).
 */
export async function seedDemoSuppliers(dbh: DbHandle, nowDate: Date): Promise<{ suppliers: number; audits: number }> {
  const now = nowDate.toISOString();
  const today = todayOf(nowDate);
  await syncGridCatalogue(dbh.db, now);
  const lead = await dbh.db
    .selectFrom('territory_members as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select('m.organization_id as id')
    .where('t.kind', '=', 'ght')
    .where('m.is_lead', '=', 1)
    .orderBy('t.created_at')
    .executeTakeFirst();
  if (!lead) return { suppliers: 0, audits: 0 };
  const seeded = await dbh.db
    .selectFrom('suppliers')
    .select('id')
    .where('organization_id', '=', lead.id)
    .where('siren', '=', demoSiren(demoProviders[0]!.sirenStem))
    .executeTakeFirst();
  if (seeded) return { suppliers: 0, audits: 0 };
  const grids = new Map(
    (
      await dbh.db
        .selectFrom('supplier_grids')
        .select(['id', 'version', 'title_fr', 'title_en', 'definition'])
        .where('organization_id', 'is', null)
        .execute()
    ).map((g) => [g.id, g]),
  );
  return dbh.db.transaction().execute(async (trx) => {
    const ids = new Map<string, { supplierId: string; contractId: string }>();
    for (const p of demoProviders) ids.set(p.key, await insertProvider(trx, lead.id, p, today, now));
    await new ContractsRepo().refreshGaps(
      trx,
      [...ids.values()].map((i) => i.contractId),
    );

    let audits = 0;
    for (const [key, status] of [
      [openAuditAnswers.provider, 'open'],
      [reviewedAudit.provider, 'closed'],
    ] as const) {
      const p = demoProviders.find((x) => x.key === key)!;
      const grid = grids.get(p.audit?.gridId ?? '');
      const at = ids.get(key);
      if (!grid || !at || !p.audit) continue;
      await seedDemoAudit(trx, { leadId: lead.id, provider: p, audit: p.audit, grid, ...at, status, today, now });
      audits++;
    }
    return { suppliers: demoProviders.length, audits };
  });
}

/** A provider with its certificate, subcontractors, contacts and one contract (checklist and audit clause). */
async function insertProvider(trx: Trx, orgId: string, p: DemoProvider, today: string, now: string) {
  const supplierId = newId();
  const factors = {
    handlesHealthData: p.health,
    dataVolume: p.volume as DataVolume,
    dependency: p.dependency as DependencyLevel,
    systemAccess: p.access as SystemAccess,
  };
  await trx
    .insertInto('suppliers')
    .values({
      id: supplierId,
      organization_id: orgId,
      provider_organization_id: null,
      name: p.name,
      siren: demoSiren(p.sirenStem),
      siret: null,
      services: p.services,
      handles_health_data: p.health ? 1 : 0,
      data_volume: factors.dataVolume,
      storage_locations: toJson(p.health || p.volume !== 'none' ? ['FR'] : []),
      processing_locations: toJson(p.health || p.volume !== 'none' ? ['FR'] : []),
      remote_maintenance: p.remote ? 1 : 0,
      remote_maintenance_details: p.remote ?? '',
      dependency: factors.dependency,
      system_access: factors.systemAccess,
      criticality_computed: computeCriticality(factors),
      criticality_override: null,
      criticality_reason: null,
      archived: 0,
      created_at: now,
      updated_at: now,
      search_text: searchKey(p.name),
    })
    .execute();
  if (p.hds) {
    const [expiresIn, activities, body] = p.hds;
    const expiresOn = addDays(today, expiresIn);
    await trx
      .insertInto('supplier_hds_certificates')
      .values({
        id: newId(),
        supplier_id: supplierId,
        activities: toJson(activities),
        certifying_body: body,
        certificate_number: `HDS-${p.sirenStem.slice(0, 4)}-${expiresOn.slice(0, 4)}`,
        issued_on: addDays(expiresOn, -3 * 365),
        expires_on: expiresOn,
        alert_90_sent_at: expiresIn <= 90 ? new Date(Date.parse(now) - (90 - expiresIn) * DAY).toISOString() : null,
        alert_30_sent_at: null,
        created_at: now,
      })
      .execute();
  }
  let parent: string | null = null;
  for (const [name, service, location] of p.subcontractors ?? []) {
    const id = newId();
    await trx
      .insertInto('supplier_subcontractors')
      .values({
        id,
        supplier_id: supplierId,
        parent_id: parent,
        name,
        siren: null,
        service,
        handles_health_data: p.health ? 1 : 0,
        location,
        created_at: now,
      })
      .execute();
    parent = id; // a chain: the host's data centre operator, then its own subcontractor
  }
  await trx
    .insertInto('supplier_contacts')
    .values(
      p.contacts.map(([name, local, role]) => ({
        id: newId(),
        supplier_id: supplierId,
        name,
        email: `${local}@${p.domain}`,
        phone: null,
        role,
        account_id: null,
        created_at: now,
      })),
    )
    .execute();

  const contractId = newId();
  await trx
    .insertInto('supplier_contracts')
    .values({
      id: contractId,
      supplier_id: supplierId,
      organization_id: orgId,
      reference: p.contract.reference,
      title: p.contract.title,
      starts_on: addDays(today, -p.contract.startedDaysAgo),
      ends_on: p.contract.years ? addDays(today, -p.contract.startedDaysAgo + p.contract.years * 365) : null,
      renewal: p.contract.years ? 'explicit' : 'tacit',
      notice_days: 90,
      incident_notification_hours: p.health || p.access !== 'none' ? 24 : null,
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // The checklist: what the gap analysis expects of such a provider, minus what the contract lacks.
  const personal = p.health || p.volume !== 'none';
  const expected = clauseKeys.filter((k) =>
    k.startsWith('gdpr_28_') || k === 'reversibility' || k === 'subcontracting_authorisation'
      ? personal
      : k.startsWith('hds_') || k === 'data_location_eea'
        ? p.health
        : personal || p.access !== 'none',
  );
  if (expected.length > 0)
    await trx
      .insertInto('supplier_contract_clauses')
      .values(
        expected.map((key, i) => ({
          contract_id: contractId,
          clause_key: key,
          present: p.contract.lacks?.includes(key) ? (0 as const) : (1 as const),
          reference: p.contract.lacks?.includes(key) ? '' : `art. ${4 + Math.floor(i / 4)}.${(i % 4) + 1}`,
          note: '',
        })),
      )
      .execute();
  if (p.audit)
    await trx
      .insertInto('supplier_audit_clauses')
      .values({
        contract_id: contractId,
        frequency_months: 12,
        grid_id: p.audit.gridId,
        notice_days: 15,
        payer: p.audit.payer,
        cost_cap_eur: p.audit.costCapEur,
        fix_deadline_days: p.audit.fixDeadlineDays,
        triggers: toJson(['incident', 'breach', 'subcontractor_change']),
        hds_report_delay_days: p.hds ? 30 : null,
        updated_at: now,
      })
      .execute();
  return { supplierId, contractId };
}
