import { fromJson, searchKey, toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { todayOf } from './calendar-dates.js';
import { computeCriticality } from './criticality.js';
import { expiringBefore, presentContact, presentHds, presentSupplier, subcontractorTree } from './register-present.js';
import { RegisterRepo, type SupplierListRow, type SupplierRow } from './register-repo.js';
import type { CreateSupplierInput, SupplierDetailDto, SupplierDto, SuppliersQuery, UpdateSupplierInput } from './register-schema.js';
import { parseSiren, parseSiret } from './siren.js';
import type { CriticalityTier } from './tables.js';

const reasonRequired = () =>
  new Invalid(
    'criticality_reason_required',
    {
      fr: 'Indiquez pourquoi vous changez le niveau de criticité calculé.',
      en: 'Say why you change the computed criticality tier.',
    },
    'criticalityReason',
  );

/** The register of providers of one organization: search, create, edit, archive. */
export class RegisterService {
  readonly repo = new RegisterRepo();
  constructor(private readonly deps: AppDeps) {}

  private today(): string {
    return todayOf(this.deps.clock.now());
  }

  async list(organizationId: string, query: SuppliersQuery): Promise<Page<SupplierDto>> {
    const today = this.today();
    const { rows, total } = await this.repo.page(this.deps.db, organizationId, query, expiringBefore(today));
    return { items: rows.map((r) => presentSupplier(r, today)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The provider of this organization, or 404 (also for another organization's provider). */
  async require(db: Executor, organizationId: string, supplierId: string): Promise<SupplierListRow> {
    const row = await this.repo.get(db, organizationId, supplierId);
    if (!row) throw new NotFound('supplier');
    return row;
  }

  async get(organizationId: string, supplierId: string): Promise<SupplierDetailDto> {
    const db = this.deps.db;
    const row = await this.require(db, organizationId, supplierId);
    const today = this.today();
    const [hds, subs, contacts, contracts] = await Promise.all([
      this.repo.hds(db, supplierId),
      this.repo.subcontractors(db, supplierId),
      this.repo.contacts(db, supplierId),
      this.repo.contracts(db, organizationId, supplierId),
    ]);
    return {
      ...presentSupplier(row, today),
      hdsCertificates: hds.map((h) => presentHds(h, today)),
      subcontractors: subcontractorTree(subs),
      contacts: contacts.map(presentContact),
      contracts: contracts.map((c) => ({
        id: c.id,
        reference: c.reference,
        title: c.title,
        startsOn: c.starts_on,
        endsOn: c.ends_on,
        // Same meaning as the contracts list: not archived and not ended (a future contract counts).
        active: c.archived === 0 && (c.ends_on === null || c.ends_on >= today),
        hasAuditClause: c.audit_clause !== null,
      })),
    };
  }

  async create(ctx: RequestContext, organizationId: string, input: CreateSupplierInput): Promise<SupplierDetailDto> {
    const now = this.deps.clock.now().toISOString();
    const row = this.build(
      { id: newId(), organization_id: organizationId, provider_organization_id: null, archived: 0, created_at: now, updated_at: now },
      input,
    );
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repo.insert(trx, row);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.supplier.created',
        entityType: 'supplier',
        entityId: row.id,
        organizationId,
        after: presentSupplier({ ...row, hds_expires_on: null }, this.today()),
      });
    });
    return this.get(organizationId, row.id);
  }

  async update(ctx: RequestContext, organizationId: string, supplierId: string, input: UpdateSupplierInput): Promise<SupplierDetailDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.require(trx, organizationId, supplierId);
      const { hds_expires_on, ...stored } = before;
      const merged: CreateSupplierInput = {
        name: input.name ?? before.name,
        siren: input.siren ?? before.siren,
        siret: input.siret === undefined ? before.siret : input.siret,
        services: input.services ?? before.services,
        handlesHealthData: input.handlesHealthData ?? before.handles_health_data === 1,
        dataVolume: input.dataVolume ?? before.data_volume,
        storageLocations: input.storageLocations ?? fromJson<string[]>(before.storage_locations, []),
        processingLocations: input.processingLocations ?? fromJson<string[]>(before.processing_locations, []),
        remoteMaintenance: input.remoteMaintenance ?? before.remote_maintenance === 1,
        remoteMaintenanceDetails: input.remoteMaintenanceDetails ?? before.remote_maintenance_details,
        dependency: input.dependency ?? before.dependency,
        systemAccess: input.systemAccess ?? before.system_access,
        criticalityOverride: input.criticalityOverride === undefined ? before.criticality_override : input.criticalityOverride,
        // A new override needs its own reason; keeping the override keeps the reason.
        criticalityReason:
          input.criticalityReason !== undefined
            ? input.criticalityReason
            : input.criticalityOverride === undefined
              ? before.criticality_reason
              : null,
      };
      const after = this.build({ ...stored, updated_at: this.deps.clock.now().toISOString() }, merged);
      await this.repo.update(trx, after);
      const today = this.today();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.supplier.updated',
        entityType: 'supplier',
        entityId: supplierId,
        organizationId,
        before: presentSupplier(before, today),
        after: presentSupplier({ ...after, hds_expires_on }, today),
      });
    });
    return this.get(organizationId, supplierId);
  }

  async setArchived(ctx: RequestContext, organizationId: string, supplierId: string, archived: boolean): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.require(trx, organizationId, supplierId);
      if (before.archived === toBool01(archived)) return;
      const { hds_expires_on, ...stored } = before;
      await this.repo.update(trx, { ...stored, archived: toBool01(archived), updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: archived ? 'suppliers.supplier.archived' : 'suppliers.supplier.restored',
        entityType: 'supplier',
        entityId: supplierId,
        organizationId,
        before: { archived: !archived },
        after: { archived },
      });
    });
  }

  /** Checks the identity and the override, and computes the tier. */
  private build(
    base: Pick<SupplierRow, 'id' | 'organization_id' | 'provider_organization_id' | 'archived' | 'created_at' | 'updated_at'>,
    input: CreateSupplierInput,
  ): SupplierRow {
    const siren = parseSiren(input.siren);
    const siret = parseSiret(input.siret, siren);
    const override = (input.criticalityOverride ?? null) as CriticalityTier | null;
    const reason = input.criticalityReason?.trim() || null;
    if (override !== null && reason === null) throw reasonRequired();
    return {
      ...base,
      name: input.name.trim(),
      search_text: searchKey(input.name),
      siren,
      siret,
      services: input.services,
      handles_health_data: toBool01(input.handlesHealthData),
      data_volume: input.dataVolume,
      storage_locations: toJson([...new Set(input.storageLocations)]),
      processing_locations: toJson([...new Set(input.processingLocations)]),
      remote_maintenance: toBool01(input.remoteMaintenance),
      remote_maintenance_details: input.remoteMaintenanceDetails,
      dependency: input.dependency,
      system_access: input.systemAccess,
      criticality_computed: computeCriticality(input),
      criticality_override: override,
      criticality_reason: override === null ? null : reason,
    };
  }
}
