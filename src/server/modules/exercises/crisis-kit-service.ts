import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { loadStarterSet, type StarterResource } from '../territory/library-starter.js';
import type { CrisisKitsTable } from './tables.js';

export interface RosterLine {
  name: string;
  function: string;
  phone: string;
}
export interface KitContacts {
  lead: string;
  ars: string;
  certSante: string;
}

/** The three sheets of the kit, from the territory library starter set. */
export const kitSheetIds = ['ransomware-first-hour', 'degraded-mode-paper', 'incident-declaration-checklist'] as const;

/** A kit is flagged once its last generation is more than three calendar months old (or it never was). */
export function kitIsStale(generatedAt: string | null, now: Date): boolean {
  if (!generatedAt) return true;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - 3);
  return generatedAt < limit.toISOString();
}

let sheets: StarterResource[] | null = null;
const starterSheets = () => {
  sheets ??= loadStarterSet().filter((s) => (kitSheetIds as readonly string[]).includes(s.id));
  return sheets;
};

/**
 * The crisis kit: who sits in the crisis cell and how to reach them, the outside contacts, the
 * tier-1 providers of the suppliers register with their contacts, and the reflex sheets; printed
 * in one click for the day the network is down.
 */
export class CrisisKitService {
  constructor(private readonly deps: AppDeps) {}

  async get(orgId: string) {
    const db = this.deps.db;
    const org = await db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw new NotFound('organization');
    const kit = await db.selectFrom('crisis_kits').selectAll().where('organization_id', '=', orgId).executeTakeFirst();
    const stored = fromJson<RosterLine[]>(kit?.roster_json, []);
    // Until the roster is written in the kit page, the directory's managers are the starting point.
    const suggested = stored.length
      ? []
      : await db
          .selectFrom('people')
          .select(['first_name', 'last_name', 'job_title'])
          .where('organization_id', '=', orgId)
          .where('active', '=', 1)
          .where('is_manager', '=', 1)
          .orderBy('last_name')
          .limit(20)
          .execute();
    const territories = await db
      .selectFrom('territory_members as me')
      .innerJoin('territory_members as m', 'm.territory_id', 'me.territory_id')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.name', 'o.kind', 'm.is_lead'])
      .where('me.organization_id', '=', orgId)
      .where('m.organization_id', '!=', orgId)
      .execute();
    const names = (rows: typeof territories) => [...new Set(rows.map((r) => r.name))].join(', ');
    const contacts = fromJson<Partial<KitContacts>>(kit?.contacts_json, {});
    const providers = await db
      .selectFrom('suppliers as s')
      .leftJoin('supplier_contacts as c', 'c.supplier_id', 's.id')
      .select(['s.id', 's.name', 's.services', 'c.name as contact_name', 'c.role', 'c.email', 'c.phone'])
      .where('s.organization_id', '=', orgId)
      .where('s.archived', '=', 0)
      .where((eb) => eb(eb.fn.coalesce('s.criticality_override', 's.criticality_computed'), '=', 1))
      .orderBy('s.name')
      .orderBy('c.name')
      .execute();
    const byProvider = new Map<
      string,
      { name: string; services: string; contacts: Array<{ name: string; role: string; email: string; phone: string | null }> }
    >();
    for (const p of providers) {
      const entry = byProvider.get(p.id) ?? { name: p.name, services: p.services, contacts: [] };
      if (p.contact_name)
        entry.contacts.push({ name: p.contact_name, role: p.role ?? 'other', email: p.email ?? '', phone: p.phone ?? null });
      byProvider.set(p.id, entry);
    }
    const generatedAt = kit?.generated_at ?? null;
    return {
      organizationId: org.id,
      organizationName: org.name,
      roster: stored.length
        ? stored
        : suggested.map((p) => ({ name: `${p.first_name} ${p.last_name}`, function: p.job_title ?? '', phone: '' })),
      rosterFromDirectory: stored.length === 0,
      contacts: {
        lead: contacts.lead ?? names(territories.filter((t) => Number(t.is_lead) === 1)),
        ars: contacts.ars ?? names(territories.filter((t) => t.kind === 'ars')),
        certSante: contacts.certSante ?? '',
      },
      providers: [...byProvider.values()],
      sheets: starterSheets()
        .filter((s) => s.language === 'fr')
        .map((s) => ({ id: s.id, title: s.title })),
      kitGeneratedAt: generatedAt,
      stale: kitIsStale(generatedAt, this.deps.clock.now()),
    };
  }

  async save(
    ctx: RequestContext,
    orgId: string,
    input: { roster?: RosterLine[] | undefined; contacts?: { [K in keyof KitContacts]?: string | undefined } | undefined },
  ) {
    const before = await this.get(orgId);
    const row = await this.row(orgId);
    const next: CrisisKitsTable = {
      ...row,
      roster_json: input.roster !== undefined ? toJson(input.roster) : row.roster_json,
      contacts_json:
        input.contacts !== undefined ? toJson({ ...fromJson<object>(row.contacts_json, {}), ...input.contacts }) : row.contacts_json,
      updated_at: this.deps.clock.now().toISOString(),
    };
    await this.write(ctx, next, 'exercises.crisis_kit.updated', { roster: before.roster.length }, { roster: input.roster?.length ?? null });
    return this.get(orgId);
  }

  /** Stamps the generation (the dashboards' date) and hands back what the PDF draws. */
  async generate(ctx: RequestContext, orgId: string, language: 'fr' | 'en') {
    await this.get(orgId);
    const row = await this.row(orgId);
    const at = this.deps.clock.now().toISOString();
    await this.write(
      ctx,
      { ...row, generated_at: at, generated_by: ctx.actor?.accountId ?? null, updated_at: at },
      'exercises.crisis_kit.generated',
      { generatedAt: row.generated_at },
      { generatedAt: at },
    );
    const kit = await this.get(orgId);
    return { kit, sheets: starterSheets().filter((s) => s.language === language) };
  }

  /** `kitGeneratedAt` of several organizations at once, for the dashboards. */
  async status(orgIds: string[]) {
    if (!orgIds.length) return [];
    const rows = await this.deps.db
      .selectFrom('crisis_kits')
      .select(['organization_id', 'generated_at'])
      .where('organization_id', 'in', orgIds)
      .execute();
    const now = this.deps.clock.now();
    return orgIds.map((id) => {
      const at = rows.find((r) => r.organization_id === id)?.generated_at ?? null;
      return { organizationId: id, kitGeneratedAt: at, stale: kitIsStale(at, now) };
    });
  }

  private async row(orgId: string): Promise<CrisisKitsTable> {
    const kit = await this.deps.db.selectFrom('crisis_kits').selectAll().where('organization_id', '=', orgId).executeTakeFirst();
    return (
      kit ?? { organization_id: orgId, roster_json: '[]', contacts_json: '{}', generated_at: null, generated_by: null, updated_at: '' }
    );
  }

  private async write(ctx: RequestContext, next: CrisisKitsTable, action: string, before: object, after: object) {
    await this.deps.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('crisis_kits')
        .select('organization_id')
        .where('organization_id', '=', next.organization_id)
        .executeTakeFirst();
      if (exists) await trx.updateTable('crisis_kits').set(next).where('organization_id', '=', next.organization_id).execute();
      else await trx.insertInto('crisis_kits').values(next).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action,
        entityType: 'crisis_kit',
        entityId: next.organization_id,
        organizationId: next.organization_id,
        before,
        after,
      });
    });
  }
}
