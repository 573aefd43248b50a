import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { byKey, searchSortPage } from './library-shared.js';
import { type ProfileRow, ProfilesRepo } from './profiles-repo.js';
import type { ProfileDto, ProfileInput, ProfilesQuery } from './profiles-schema.js';
import { sendTestEmail } from './profiles-smtp.js';
import { auditOwner, type LibraryTenant, orgTenant } from './territory-scopes.js';

export function presentProfile(r: ProfileRow): ProfileDto {
  return {
    id: r.id,
    name: r.name,
    host: r.host,
    port: r.port,
    tlsMode: r.tls_mode,
    username: r.username,
    hasPassword: r.password_sealed !== null,
    fromName: r.from_name,
    fromAddress: r.from_address,
    ratePerMinute: r.rate_per_minute,
    windowDays: fromJson<number[]>(r.window_days, []),
    windowStart: r.window_start,
    windowEnd: r.window_end,
    timeZone: r.time_zone,
    extraHeaders: fromJson<Array<{ name: string; value: string }>>(r.extra_headers, []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Sending profiles of an organization or a territory. The SMTP password is sealed at rest and never leaves the server. */
export class ProfilesService {
  private readonly repo = new ProfilesRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(tenant: LibraryTenant, query: ProfilesQuery): Promise<Page<ProfileDto>> {
    const rows = (await this.repo.list(this.deps.db, tenant)).map(presentProfile);
    return searchSortPage(rows, {
      q: query.q,
      text: (p) => `${p.name} ${p.host} ${p.fromAddress}`,
      compare: byKey(query.sort, { name: (p) => p.name, updatedAt: (p) => p.updatedAt }, (a, b) => (a.id < b.id ? -1 : 1)),
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  async get(tenant: LibraryTenant, id: string): Promise<ProfileDto> {
    return presentProfile(await this.load(this.deps.db, tenant, id));
  }

  async create(ctx: RequestContext, tenant: LibraryTenant, input: ProfileInput): Promise<ProfileDto> {
    const id = await this.deps.db.transaction().execute((trx) => this.createFor(trx, ctx, tenant, input, 'phishing.profile.create'));
    return this.get(tenant, id);
  }

  /** An organization's profile within the caller's transaction (the import); returns the new id. */
  async createIn(trx: Executor, ctx: RequestContext, organizationId: string, input: ProfileInput, action: string): Promise<string> {
    return this.createFor(trx, ctx, orgTenant(organizationId), input, action);
  }

  private async createFor(trx: Executor, ctx: RequestContext, tenant: LibraryTenant, input: ProfileInput, action: string): Promise<string> {
    const now = this.deps.clock.now().toISOString();
    const row: ProfileRow = {
      id: newId(),
      organization_id: tenant.kind === 'organization' ? tenant.id : null,
      territory_id: tenant.kind === 'territory' ? tenant.id : null,
      ...this.columns(input, null),
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await this.repo.insert(trx, row);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'phishing_sending_profile',
      entityId: row.id,
      ...auditOwner(tenant),
      after: presentProfile(row),
    });
    return row.id;
  }

  async update(ctx: RequestContext, tenant: LibraryTenant, id: string, input: ProfileInput): Promise<ProfileDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, tenant, id);
      const after: ProfileRow = {
        ...before,
        ...this.columns(input, before.password_sealed),
        updated_at: this.deps.clock.now().toISOString(),
      };
      const { id: _i, organization_id: _o, territory_id: _t, created_at: _c, ...patch } = after;
      await this.repo.update(trx, tenant, id, patch);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.profile.update',
        entityType: 'phishing_sending_profile',
        entityId: id,
        ...auditOwner(tenant),
        before: presentProfile(before),
        after: { ...presentProfile(after), passwordChanged: after.password_sealed !== before.password_sealed },
      });
    });
    return this.get(tenant, id);
  }

  /** Archived rather than deleted: campaigns that sent through it keep their reference. */
  async remove(ctx: RequestContext, tenant: LibraryTenant, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, tenant, id);
      await this.repo.update(trx, tenant, id, { archived: 1, updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.profile.archive',
        entityType: 'phishing_sending_profile',
        entityId: id,
        ...auditOwner(tenant),
        before: presentProfile(before),
      });
    });
  }

  /** One real email through the profile's server; a refusal or an unreachable server is a 422. */
  async test(ctx: RequestContext, tenant: LibraryTenant, id: string, to: string): Promise<{ ok: true; message: string }> {
    const p = await this.load(this.deps.db, tenant, id);
    const answer = await sendTestEmail(
      {
        name: p.name,
        host: p.host,
        port: p.port,
        tlsMode: p.tls_mode,
        username: p.username,
        password: p.password_sealed === null ? null : this.deps.secrets.open(p.password_sealed),
        fromName: p.from_name,
        fromAddress: p.from_address,
        extraHeaders: fromJson(p.extra_headers, []),
      },
      to,
      ctx.locale,
    );
    const fr = ctx.locale === 'fr';
    return {
      ok: true,
      message: fr ? `E-mail de test envoyé à ${to}. Réponse du serveur : ${answer}` : `Test email sent to ${to}. Server answer: ${answer}`,
    };
  }

  /** Columns from the input; `password` undefined keeps the sealed one, null removes it. */
  private columns(input: ProfileInput, sealed: string | null) {
    const password =
      input.password === undefined
        ? sealed
        : input.password === null || input.password === ''
          ? null
          : this.deps.secrets.seal(input.password);
    const username = input.username === undefined || input.username === null || input.username === '' ? null : input.username;
    return {
      name: input.name,
      host: input.host.toLowerCase(),
      port: input.port,
      tls_mode: input.tlsMode,
      username,
      password_sealed: password,
      from_name: input.fromName,
      from_address: input.fromAddress,
      rate_per_minute: input.ratePerMinute,
      window_days: toJson(input.windowDays),
      window_start: input.windowStart,
      window_end: input.windowEnd,
      time_zone: input.timeZone,
      extra_headers: toJson(input.extraHeaders),
    };
  }

  private async load(db: Executor, tenant: LibraryTenant, id: string): Promise<ProfileRow> {
    const row = await this.repo.get(db, tenant, id);
    if (!row) throw new NotFound('sending profile');
    return row;
  }
}
