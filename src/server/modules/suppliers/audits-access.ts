import type { Db } from '../../db/index.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AccessPolicy } from '../../platform/access/policy.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { type AuditRow, auditsRepo } from './audits-repo.js';

/**
 * Who reaches an audit. An establishment reaches the audits it runs (lead) and those shared with
 * it (participant); a provider's contact reaches the opened audits of the providers whose
 * organization granted them suppliers.portal. Anything else is absent (404).
 */
export async function auditForOrg(db: Db, orgId: string, auditId: string): Promise<{ audit: AuditRow; lead: boolean }> {
  const audit = await auditsRepo.get(db, auditId);
  if (!audit) throw new NotFound('audit');
  if (audit.organization_id === orgId) return { audit, lead: true };
  if (await auditsRepo.isParticipant(db, auditId, orgId)) return { audit, lead: false };
  throw new NotFound('audit');
}

/** Only the organization running an audit changes it; participants read. */
export async function ledAudit(db: Db, orgId: string, auditId: string): Promise<AuditRow> {
  const { audit, lead } = await auditForOrg(db, orgId, auditId);
  if (!lead) {
    throw new Forbidden('not_audit_lead', {
      fr: "Seul l'établissement qui conduit l'audit peut le modifier.",
      en: 'Only the establishment running the audit can change it.',
    });
  }
  return audit;
}

/** Provider organizations where the actor holds suppliers.portal; 403 when none. */
export function portalOrgs(policy: AccessPolicy, actor: Actor | null): string[] {
  const orgs = actor ? policy.orgsWith(actor, 'suppliers.portal') : [];
  if (orgs.length === 0) {
    throw new Forbidden('portal_forbidden', {
      fr: "Le portail prestataire est réservé aux contacts d'un prestataire.",
      en: "The provider portal is for a provider's contacts only.",
    });
  }
  return orgs;
}

/** An audit the provider may see: its supplier belongs to one of `providerOrgs` and it was opened. */
export async function auditForProvider(db: Db, providerOrgs: string[], auditId: string) {
  const row = await db
    .selectFrom('supplier_audits')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_audits.supplier_id')
    .innerJoin('organizations', 'organizations.id', 'supplier_audits.organization_id')
    .selectAll('supplier_audits')
    .select(['organizations.name as establishment_name', 'suppliers.provider_organization_id'])
    .where('supplier_audits.id', '=', auditId)
    .where('suppliers.provider_organization_id', 'in', providerOrgs)
    .where('supplier_audits.opened_at', 'is not', null)
    .executeTakeFirst();
  if (!row) throw new NotFound('audit');
  return row;
}
