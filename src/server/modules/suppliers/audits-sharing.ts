import { fromBool01 } from '../../db/dialect.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { auditForProvider, ledAudit } from './audits-access.js';
import { type AuditRow, auditsRepo } from './audits-repo.js';
import type { AuditsService } from './audits-service.js';

type Db = ModuleDeps['db'];
export type ShareScope = { orgId: string } | { territoryId: string };

/**
 * Shared audits: one audit of a provider answered once for several establishments of a territory
 * that list the same company (same SIREN) in their registers. Participants see the answers only
 * after the provider agreed; adding participants later asks the provider again.
 */
export class AuditSharing {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly audits: AuditsService,
  ) {}

  async share(ctx: RequestContext, scope: ShareScope, auditId: string, organizationIds: string[]) {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const { audit, territories } = await this.reach(trx, scope, auditId);
      if (audit.status === 'cancelled' || audit.status === 'closed') {
        throw new Conflict('audit_not_shareable', {
          fr: 'Un audit annulé ou clos ne peut plus être partagé.',
          en: 'A cancelled or closed audit can no longer be shared.',
        });
      }
      const before = (await auditsRepo.participants(trx, auditId)).map((p) => p.organization_id);
      const { eligible } = await shareEligibility(trx, audit, territories, before);
      const now = clock.now().toISOString();
      const added: string[] = [];
      for (const [i, orgId] of [...new Set(organizationIds)].entries()) {
        const field = `organizationIds.${i}`;
        if (orgId === audit.organization_id) {
          throw new Invalid(
            'participant_is_lead',
            { fr: "L'établissement qui conduit l'audit y participe déjà.", en: 'The establishment running the audit already takes part.' },
            field,
          );
        }
        if (before.includes(orgId)) continue;
        const candidate = eligible.get(orgId);
        if (!candidate) throw notEligible(field);
        await trx
          .insertInto('supplier_audit_participants')
          .values({ audit_id: auditId, organization_id: orgId, contract_id: candidate.contractId, joined_at: now })
          .execute();
        added.push(orgId);
      }
      const agreedAt = added.length > 0 ? null : audit.provider_agreed_shared_at;
      await auditsRepo.update(trx, auditId, { shared: 1, provider_agreed_shared_at: agreedAt, updated_at: now });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.audit.shared',
        entityType: 'supplier_audit',
        entityId: auditId,
        organizationId: audit.organization_id,
        territoryId: 'territoryId' in scope ? scope.territoryId : null,
        before: { participants: before, shared: fromBool01(audit.shared), providerAgreedSharedAt: audit.provider_agreed_shared_at },
        after: { participants: [...before, ...added], shared: true, providerAgreedSharedAt: agreedAt },
      });
      return this.audits.get(audit.organization_id, auditId, trx);
    });
  }

  /** Who `share` would accept now, and the other members of the same territories with the reason they are missing. */
  async candidates(scope: ShareScope, auditId: string): Promise<ShareCandidates> {
    const { db } = this.deps;
    const { audit, territories } = await this.reach(db, scope, auditId);
    const participants = (await auditsRepo.participants(db, auditId)).map((p) => p.organization_id);
    const { eligible, ineligible } = await shareEligibility(db, audit, territories, participants);
    return {
      items: [...eligible.values()].map(({ contractId: _, ...item }) => item),
      ineligible,
    };
  }

  /** The provider's consent, given once for the current participants. */
  async agree(ctx: RequestContext, providerOrgs: string[], auditId: string): Promise<void> {
    const { db, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const audit = await auditForProvider(trx, providerOrgs, auditId);
      if (!fromBool01(audit.shared)) {
        throw new Conflict('audit_not_shared', {
          fr: "Cet audit n'est partagé avec personne.",
          en: 'This audit is not shared with anyone.',
        });
      }
      if (audit.provider_agreed_shared_at) return;
      const now = clock.now().toISOString();
      await auditsRepo.update(trx, auditId, { provider_agreed_shared_at: now, updated_at: now });
      const participants = (await auditsRepo.participants(trx, auditId)).map((p) => p.organization_id);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.audit.sharing_agreed',
        entityType: 'supplier_audit',
        entityId: auditId,
        organizationId: audit.organization_id,
        before: { providerAgreedSharedAt: null },
        after: { providerAgreedSharedAt: now, participants },
      });
    });
  }

  /** The audit and the territories its participants may come from. */
  private async reach(trx: Db, scope: ShareScope, auditId: string): Promise<{ audit: AuditRow; territories: string[] }> {
    if ('orgId' in scope) {
      const audit = await ledAudit(trx, scope.orgId, auditId);
      const rows = await trx.selectFrom('territory_members').select('territory_id').where('organization_id', '=', scope.orgId).execute();
      return { audit, territories: rows.map((r) => r.territory_id) };
    }
    const audit = await auditsRepo.get(trx, auditId);
    const member =
      audit &&
      (await trx
        .selectFrom('territory_members')
        .select('organization_id')
        .where('territory_id', '=', scope.territoryId)
        .where('organization_id', '=', audit.organization_id)
        .executeTakeFirst());
    if (!audit || !member) throw new NotFound('audit');
    return { audit, territories: [scope.territoryId] };
  }
}

export interface ShareCandidate {
  organizationId: string;
  name: string;
  territoryId: string;
  territoryName: string;
  supplierName: string;
  contractId: string | null;
  contractEndsOn: string | null;
}
export interface IneligibleMember {
  organizationId: string;
  name: string;
  territoryName: string;
  reason: 'no_same_provider';
}
export interface ShareCandidates {
  items: Omit<ShareCandidate, 'contractId'>[];
  ineligible: IneligibleMember[];
}

const notEligible = (field: string) =>
  new Invalid(
    'participant_not_eligible',
    {
      fr: "Cet établissement n'est pas membre d'un territoire commun ou n'a pas ce prestataire (même SIREN) dans son registre.",
      en: 'This establishment is not a member of a common territory or does not list this provider (same SIREN) in its register.',
    },
    field,
  );

/**
 * The share rule, for both the share itself and the list of candidates: a member of one of
 * `territories`, neither the lead nor already taking part, whose register lists the audited
 * company (same SIREN, not archived). Each eligible organization comes with its latest contract
 * with that company, recorded on its participation. An organization in several of these
 * territories is listed once, under the first territory by name.
 */
export async function shareEligibility(
  db: Db,
  audit: Pick<AuditRow, 'organization_id' | 'supplier_id'>,
  territories: string[],
  participants: string[],
): Promise<{ eligible: Map<string, ShareCandidate>; ineligible: IneligibleMember[] }> {
  const eligible = new Map<string, ShareCandidate>();
  const ineligible: IneligibleMember[] = [];
  if (territories.length === 0) return { eligible, ineligible };
  const excluded = [audit.organization_id, ...participants];
  const members = await db
    .selectFrom('territory_members')
    .innerJoin('territories', 'territories.id', 'territory_members.territory_id')
    .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
    .select(['organizations.id', 'organizations.name', 'territories.id as territory_id', 'territories.name as territory_name'])
    .where('territory_members.territory_id', 'in', territories)
    .where('territory_members.organization_id', 'not in', excluded)
    .orderBy('territories.name')
    .orderBy('territories.id')
    .orderBy('organizations.name')
    .orderBy('organizations.id')
    .execute();
  const unique = members.filter((m, i) => members.findIndex((o) => o.id === m.id) === i);
  if (unique.length === 0) return { eligible, ineligible };
  const { siren } = await db.selectFrom('suppliers').select('siren').where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
  const suppliers = await db
    .selectFrom('suppliers')
    .select(['id', 'organization_id', 'name'])
    .where(
      'organization_id',
      'in',
      unique.map((m) => m.id),
    )
    .where('siren', '=', siren)
    .where('archived', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const supplierOf = new Map<string, (typeof suppliers)[number]>();
  for (const s of suppliers) if (!supplierOf.has(s.organization_id)) supplierOf.set(s.organization_id, s);
  const contracts =
    suppliers.length === 0
      ? []
      : await db
          .selectFrom('supplier_contracts')
          .select(['id', 'supplier_id', 'ends_on'])
          .where(
            'supplier_id',
            'in',
            suppliers.map((s) => s.id),
          )
          .where('archived', '=', 0)
          .orderBy('starts_on', 'desc')
          .orderBy('id', 'desc')
          .execute();
  for (const m of unique) {
    const supplier = supplierOf.get(m.id);
    if (!supplier) {
      ineligible.push({ organizationId: m.id, name: m.name, territoryName: m.territory_name, reason: 'no_same_provider' });
      continue;
    }
    // Ordered by start, newest first: the first one met is the latest contract.
    const contract = contracts.find((c) => c.supplier_id === supplier.id);
    eligible.set(m.id, {
      organizationId: m.id,
      name: m.name,
      territoryId: m.territory_id,
      territoryName: m.territory_name,
      supplierName: supplier.name,
      contractId: contract?.id ?? null,
      contractEndsOn: contract?.ends_on ?? null,
    });
  }
  return { eligible, ineligible };
}
