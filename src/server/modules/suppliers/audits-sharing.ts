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
      const { siren } = await trx.selectFrom('suppliers').select('siren').where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
      const before = (await auditsRepo.participants(trx, auditId)).map((p) => p.organization_id);
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
        const contract = await this.eligibility(trx, orgId, territories, siren, field);
        await trx
          .insertInto('supplier_audit_participants')
          .values({ audit_id: auditId, organization_id: orgId, contract_id: contract, joined_at: now })
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

  /** A participant shares a territory with the lead and lists the same company; its contract with it, if any. */
  private async eligibility(trx: Db, orgId: string, territories: string[], siren: string, field: string): Promise<string | null> {
    const inTerritory =
      territories.length > 0 &&
      (await trx
        .selectFrom('territory_members')
        .select('organization_id')
        .where('organization_id', '=', orgId)
        .where('territory_id', 'in', territories)
        .executeTakeFirst());
    const supplier = inTerritory
      ? await trx
          .selectFrom('suppliers')
          .select('id')
          .where('organization_id', '=', orgId)
          .where('siren', '=', siren)
          .where('archived', '=', 0)
          .executeTakeFirst()
      : undefined;
    if (!supplier) {
      throw new Invalid(
        'participant_not_eligible',
        {
          fr: "Cet établissement n'est pas membre d'un territoire commun ou n'a pas ce prestataire (même SIREN) dans son registre.",
          en: 'This establishment is not a member of a common territory or does not list this provider (same SIREN) in its register.',
        },
        field,
      );
    }
    const contract = await trx
      .selectFrom('supplier_contracts')
      .select('id')
      .where('supplier_id', '=', supplier.id)
      .where('organization_id', '=', orgId)
      .where('archived', '=', 0)
      .orderBy('starts_on', 'desc')
      .executeTakeFirst();
    return contract?.id ?? null;
  }
}
