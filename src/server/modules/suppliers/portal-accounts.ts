import { searchKey } from '../../db/dialect.js';
import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import { findAccountByEmail, provisionAccount } from '../../platform/auth/accounts.js';
import { newId } from '../../platform/ids.js';
import type { ModuleDeps } from '../index.js';

type Db = ModuleDeps['db'];

// The provider's side of identity, made when an audit is opened: an organization of kind
// 'provider' shared by every register listing the same SIREN, and for each contact an account
// holding provider_contact there, which is what opens the portal (suppliers.portal) to them.

/** The provider's organization: the one already linked to a register row with this SIREN, else a new one. */
export async function providerOrganization(
  deps: ModuleDeps,
  trx: Db,
  who: AuditActor,
  supplier: {
    id: string;
    name: string;
    siren: string;
    siret: string | null;
    provider_organization_id: string | null;
    organization_id: string;
  },
  stamp: string,
): Promise<string> {
  if (supplier.provider_organization_id) return supplier.provider_organization_id;
  const sibling = await trx
    .selectFrom('suppliers')
    .select('provider_organization_id')
    .where('siren', '=', supplier.siren)
    .where('provider_organization_id', 'is not', null)
    .executeTakeFirst();
  let orgId = sibling?.provider_organization_id ?? null;
  if (!orgId) {
    orgId = newId();
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        name: supplier.name,
        short_name: null,
        kind: 'provider',
        siret: supplier.siret,
        city: null,
        search_text: searchKey(supplier.name),
        archived: 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    await deps.audit.record(trx, who, {
      action: 'organization.created',
      entityType: 'organization',
      entityId: orgId,
      organizationId: orgId,
      after: { name: supplier.name, kind: 'provider', siret: supplier.siret, via: 'supplier_audit' },
    });
  }
  await trx.updateTable('suppliers').set({ provider_organization_id: orgId, updated_at: stamp }).where('id', '=', supplier.id).execute();
  await deps.audit.record(trx, who, {
    action: 'suppliers.supplier.linked',
    entityType: 'supplier',
    entityId: supplier.id,
    organizationId: supplier.organization_id,
    after: { providerOrganizationId: orgId },
  });
  return orgId;
}

/** The contact's account (opened if needed) with provider_contact on the provider's organization. */
export async function portalAccount(
  deps: ModuleDeps,
  trx: Db,
  who: AuditActor,
  providerOrgId: string,
  contact: { id: string; name: string; email: string; account_id: string | null },
  stamp: string,
): Promise<string> {
  let accountId = contact.account_id;
  if (!accountId) {
    const known = await findAccountByEmail(trx, contact.email);
    accountId = known?.id ?? (await provisionAccount(trx, { email: contact.email, displayName: contact.name, personId: null }));
    if (!known) {
      await deps.audit.record(trx, who, {
        action: 'account.provisioned',
        entityType: 'account',
        entityId: accountId,
        organizationId: providerOrgId,
        after: { email: contact.email, via: 'supplier_audit' },
      });
    }
    await trx.updateTable('supplier_contacts').set({ account_id: accountId }).where('id', '=', contact.id).execute();
  }
  const grant = await trx
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', accountId)
    .where('role', '=', 'provider_contact')
    .where('scope_kind', '=', 'organization')
    .where('scope_id', '=', providerOrgId)
    .executeTakeFirst();
  if (!grant) {
    const row = {
      id: newId(),
      account_id: accountId,
      role: 'provider_contact' as const,
      scope_kind: 'organization' as const,
      scope_id: providerOrgId,
      granted_by: who.accountId,
      created_at: stamp,
    };
    await trx.insertInto('role_grants').values(row).execute();
    await deps.audit.record(trx, who, {
      action: 'grant.created',
      entityType: 'role_grant',
      entityId: row.id,
      organizationId: providerOrgId,
      after: { accountId, role: row.role, scopeKind: row.scope_kind, scopeId: providerOrgId, via: 'supplier_audit' },
    });
  }
  return accountId;
}
