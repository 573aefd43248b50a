import { toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Executor, normalizeEmail } from '../identity/shared.js';
import { todayOf } from './calendar-dates.js';
import { presentContact, presentHds } from './register-present.js';
import type { ContactRow, HdsRow, SubcontractorRow } from './register-repo.js';
import type { ContactDto, ContactInput, HdsDto, HdsInput, SubcontractorInput } from './register-schema.js';
import type { RegisterService } from './register-service.js';
import { parseSiren } from './siren.js';

type Part = 'hds' | 'subcontractor' | 'contact';
const tables = { hds: 'supplier_hds_certificates', subcontractor: 'supplier_subcontractors', contact: 'supplier_contacts' } as const;

/** What hangs on a provider: HDS certificates, the subcontractor tree, contacts. */
export class RegisterPartsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly register: RegisterService,
  ) {}

  /** Runs a change on a provider of this organization, audited in the same transaction. */
  private async change<T>(
    ctx: RequestContext,
    organizationId: string,
    supplierId: string,
    action: string,
    work: (trx: Executor) => Promise<{ entityId: string; before?: unknown; after?: unknown; result: T }>,
  ): Promise<T> {
    return this.deps.db.transaction().execute(async (trx) => {
      await this.register.require(trx, organizationId, supplierId);
      const out = await work(trx);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action,
        entityType: 'supplier',
        entityId: supplierId,
        organizationId,
        before: { id: out.entityId, ...(out.before ?? {}) },
        after: { id: out.entityId, ...(out.after ?? {}) },
      });
      return out.result;
    });
  }

  private async row<P extends Part>(trx: Executor, part: P, supplierId: string, id: string) {
    // The three tables share `id` and `supplier_id`; one of them names the type.
    const table = tables[part] as 'supplier_contacts';
    const row = await trx.selectFrom(table).selectAll().where('supplier_id', '=', supplierId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound(part);
    return row as unknown as { hds: HdsRow; subcontractor: SubcontractorRow; contact: ContactRow }[P];
  }

  async removePart(ctx: RequestContext, organizationId: string, supplierId: string, part: Part, id: string): Promise<void> {
    await this.change(ctx, organizationId, supplierId, `suppliers.${part}.deleted`, async (trx) => {
      const before = await this.row(trx, part, supplierId, id);
      if (part === 'subcontractor') {
        const child = await trx.selectFrom('supplier_subcontractors').select('id').where('parent_id', '=', id).executeTakeFirst();
        if (child) {
          throw new Conflict('subcontractor_has_children', {
            fr: "Ce sous-traitant a lui-même des sous-traitants : retirez-les ou rattachez-les ailleurs d'abord.",
            en: 'This subcontractor has subcontractors of its own: remove them or move them first.',
          });
        }
      }
      await trx
        .deleteFrom(tables[part] as 'supplier_contacts')
        .where('id', '=', id)
        .execute();
      return { entityId: id, before, result: undefined };
    });
  }

  // ---- HDS certificates ----
  async saveHds(ctx: RequestContext, organizationId: string, supplierId: string, input: HdsInput, id?: string): Promise<HdsDto> {
    if (input.expiresOn <= input.issuedOn) {
      throw new Invalid(
        'expiry_before_issue',
        { fr: "La date d'expiration doit suivre la date de délivrance.", en: 'The expiry date must come after the issue date.' },
        'expiresOn',
      );
    }
    const today = todayOf(this.deps.clock.now());
    return this.change(ctx, organizationId, supplierId, id ? 'suppliers.hds.updated' : 'suppliers.hds.created', async (trx) => {
      const before = id ? await this.row(trx, 'hds', supplierId, id) : undefined;
      const fields = {
        activities: toJson([...input.activities].sort()),
        certifying_body: input.certifyingBody,
        certificate_number: input.certificateNumber,
        issued_on: input.issuedOn,
        expires_on: input.expiresOn,
      };
      let row: HdsRow;
      if (before) {
        // A new expiry date is a new certificate as far as alerts go.
        const alerts = before.expires_on === input.expiresOn ? {} : { alert_90_sent_at: null, alert_30_sent_at: null };
        row = { ...before, ...fields, ...alerts };
        await trx.updateTable('supplier_hds_certificates').set(row).where('id', '=', before.id).execute();
      } else {
        const created = this.deps.clock.now().toISOString();
        row = { id: newId(), supplier_id: supplierId, ...fields, alert_90_sent_at: null, alert_30_sent_at: null, created_at: created };
        await trx.insertInto('supplier_hds_certificates').values(row).execute();
      }
      const after = presentHds(row, today);
      return { entityId: row.id, before: before && presentHds(before, today), after, result: after };
    });
  }

  // ---- Subcontractors ----
  async saveSubcontractor(
    ctx: RequestContext,
    organizationId: string,
    supplierId: string,
    input: SubcontractorInput,
    id?: string,
  ): Promise<{ id: string }> {
    const siren = input.siren?.trim() ? parseSiren(input.siren) : null;
    return this.change(
      ctx,
      organizationId,
      supplierId,
      id ? 'suppliers.subcontractor.updated' : 'suppliers.subcontractor.created',
      async (trx) => {
        const before = id ? await this.row(trx, 'subcontractor', supplierId, id) : undefined;
        const rowId = before?.id ?? newId();
        if (input.parentId !== null) await this.checkParent(trx, supplierId, rowId, input.parentId);
        const fields = {
          parent_id: input.parentId,
          name: input.name,
          siren,
          service: input.service,
          handles_health_data: toBool01(input.handlesHealthData),
          location: input.location,
        };
        if (before) await trx.updateTable('supplier_subcontractors').set(fields).where('id', '=', rowId).execute();
        else {
          const created = this.deps.clock.now().toISOString();
          await trx
            .insertInto('supplier_subcontractors')
            .values({ id: rowId, supplier_id: supplierId, ...fields, created_at: created })
            .execute();
        }
        return { entityId: rowId, before, after: fields, result: { id: rowId } };
      },
    );
  }

  /** The parent must be in the same provider's tree and not below the node itself (no cycle). */
  private async checkParent(trx: Executor, supplierId: string, nodeId: string, parentId: string): Promise<void> {
    const rows = await trx
      .selectFrom('supplier_subcontractors')
      .select(['id', 'parent_id'])
      .where('supplier_id', '=', supplierId)
      .execute();
    const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
    if (!parentOf.has(parentId)) {
      throw new Invalid('parent_not_found', { fr: 'Sous-traitant parent introuvable.', en: 'Parent subcontractor not found.' }, 'parentId');
    }
    const seen = new Set<string>();
    for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
      if (at === nodeId || seen.has(at)) {
        throw new Invalid(
          'subcontractor_cycle',
          {
            fr: 'Un sous-traitant ne peut pas dépendre de lui-même ni de ses propres sous-traitants.',
            en: 'A subcontractor cannot sit under itself or under one of its own subcontractors.',
          },
          'parentId',
        );
      }
      seen.add(at);
    }
  }

  // ---- Contacts ----
  async saveContact(
    ctx: RequestContext,
    organizationId: string,
    supplierId: string,
    input: ContactInput,
    id?: string,
  ): Promise<ContactDto> {
    const email = normalizeEmail(input.email);
    return this.change(ctx, organizationId, supplierId, id ? 'suppliers.contact.updated' : 'suppliers.contact.created', async (trx) => {
      const before = id ? await this.row(trx, 'contact', supplierId, id) : undefined;
      const same = await trx
        .selectFrom('supplier_contacts')
        .select('id')
        .where('supplier_id', '=', supplierId)
        .where('email', '=', email)
        .executeTakeFirst();
      if (same && same.id !== id) {
        throw new Conflict(
          'contact_email_taken',
          { fr: `${email} est déjà un contact de ce prestataire.`, en: `${email} is already a contact of this provider.` },
          'email',
        );
      }
      const fields = { name: input.name, email, phone: input.phone?.trim() || null, role: input.role };
      let row: ContactRow;
      if (before) {
        row = { ...before, ...fields };
        await trx.updateTable('supplier_contacts').set(fields).where('id', '=', before.id).execute();
      } else {
        const created = this.deps.clock.now().toISOString();
        row = { id: newId(), supplier_id: supplierId, ...fields, account_id: null, created_at: created };
        await trx.insertInto('supplier_contacts').values(row).execute();
      }
      const after = presentContact(row);
      return { entityId: row.id, before: before && presentContact(before), after, result: after };
    });
  }
}
