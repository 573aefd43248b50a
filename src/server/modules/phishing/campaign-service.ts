import { fromBool01, toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Executor, lockKey, type Page } from '../identity/shared.js';
import { CampaignRepo, type CampaignRow, type Tenant } from './campaign-repo.js';
import {
  auditOf,
  type CampaignDto,
  type CampaignInput,
  type CampaignsQuery,
  type CampaignTargets,
  inputOf,
  noProgress,
  type PreviewTargetsDto,
  presentCampaign,
} from './campaign-schema.js';
import { checkTargets, mandatedOrganizations, previewTargets, reachableOrganizations, targetIds } from './targets.js';

/** A launch date may lag this much behind the clock (the time it takes to fill a form). */
const LAUNCH_GRACE_MS = 60_000;
const DEFAULT_RETENTION_DAYS = 365;

const invalid = (code: string, fr: string, en: string, field: string) => new Invalid(code, { fr, en }, field);
const wrongState = (fr: string, en: string) => new Conflict('campaign_state', { fr, en }, 'status');
const nobody = () => invalid('no_targets', 'Aucune personne ne correspond à ces cibles.', 'Nobody matches these targets.', 'targets');
const alreadyLaunched = () => wrongState('Cette campagne est déjà lancée.', 'This campaign has already been launched.');
const territoryOwned = () =>
  new Forbidden('territory_campaign', {
    fr: 'Cette campagne est conduite par le territoire : seul son retrait pour votre établissement est possible ici.',
    en: 'This campaign is run by the territory: here you can only withdraw your organization from it.',
  });

/**
 * Phishing campaigns of an organization or of a territory (for the members that gave it a
 * mandate): drafts, targets, launch (recipients and their sending times), pause, resume, cancel.
 * `wake` tells the sender there may be emails to send now.
 */
export class CampaignService {
  private readonly repo = new CampaignRepo();
  constructor(
    private readonly deps: AppDeps,
    private readonly wake: () => void = () => {},
  ) {}

  private now = () => this.deps.clock.now();
  private viewer = (tenant: Tenant) => (tenant.kind === 'organization' ? tenant.id : undefined);
  /** A territory campaign seen from one of its member organizations. */
  private shared = (tenant: Tenant, r: CampaignRow) => tenant.kind === 'organization' && r.organization_id !== tenant.id;

  async list(tenant: Tenant, query: CampaignsQuery): Promise<Page<CampaignDto>> {
    const { rows, total } = await this.repo.page(this.deps.db, tenant, query);
    const progress = await this.repo.progress(
      this.deps.db,
      rows.map((r) => r.id),
      this.viewer(tenant),
    );
    const items = rows.map((r) => presentCampaign(r, progress.get(r.id) ?? noProgress));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(tenant: Tenant, id: string): Promise<CampaignDto> {
    const row = await this.repo.get(this.deps.db, tenant, id);
    if (!row) throw new NotFound('campaign');
    const progress = await this.repo.progress(this.deps.db, [id], this.viewer(tenant));
    return presentCampaign(row, progress.get(id) ?? noProgress);
  }

  async mandates(territoryId: string) {
    const rows = await mandatedOrganizations(this.deps.db, territoryId);
    const items = rows.map((r) => ({ organizationId: r.organization_id, name: r.name, grantedAt: r.granted_at }));
    return { items, total: items.length, page: 1, pageSize: Math.max(1, items.length) };
  }

  async previewTargets(tenant: Tenant, targets: CampaignTargets): Promise<PreviewTargetsDto> {
    const checked = await this.checked(tenant, targets);
    return previewTargets(this.deps.db, checked);
  }

  async create(ctx: RequestContext, tenant: Tenant, input: CampaignInput): Promise<CampaignDto> {
    const fields = await this.validate(tenant, input);
    const now = this.now().toISOString();
    const row: CampaignRow = {
      id: newId(),
      organization_id: tenant.kind === 'organization' ? tenant.id : null,
      territory_id: tenant.kind === 'territory' ? tenant.id : null,
      status: 'draft',
      ...fields,
      paused_at: null,
      launched_at: null,
      completed_at: null,
      purged_at: null,
      created_by: ctx.actor?.accountId ?? null,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repo.insert(trx, row);
      await this.record(trx, ctx, 'phishing.campaign.create', row, undefined, auditOf(row));
    });
    return presentCampaign(row, noProgress);
  }

  async update(ctx: RequestContext, tenant: Tenant, id: string, input: CampaignInput): Promise<CampaignDto> {
    const before = await this.owned(tenant, id);
    const fields = await this.validate(tenant, input);
    const after: CampaignRow = { ...before, ...fields, updated_at: this.now().toISOString() };
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.repo.transition(trx, id, ['draft'], { ...fields, updated_at: after.updated_at }))) {
        throw wrongState('Seul un brouillon peut être modifié.', 'Only a draft can be edited.');
      }
      await this.record(trx, ctx, 'phishing.campaign.update', after, before, auditOf(after));
    });
    return this.get(tenant, id);
  }

  /**
   * Creates every recipient in one transaction (random order, sending times within the profile's
   * windows and rate), counts them as targets, and hands the campaign to the sender.
   */
  async launch(ctx: RequestContext, tenant: Tenant, id: string): Promise<CampaignDto> {
    const draft = await this.owned(tenant, id);
    if (draft.status !== 'draft') throw alreadyLaunched();
    const input = inputOf(draft, this.now().toISOString());
    const fields = await this.validate(tenant, input, { launching: true });
    const checked = await this.checked(tenant, input.targets);
    const nowDate = this.now();
    const now = nowDate.toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `phishing-campaign:${id}`);
      const personIds = await targetIds(trx, checked);
      if (personIds.length === 0) throw nobody();
      const profile = await this.repo.profile(trx, fields.sending_profile_id);
      if (!profile) throw new NotFound('sending profile');
      const start = Math.max(Date.parse(fields.launch_at ?? now), nowDate.getTime());
      const until = Math.max(Date.parse(fields.spread_until ?? now), start);
      const plan = { campaignId: id, personIds, profile, start, until, now };
      const { recipients, organizationIds: orgs } = await this.repo.launchRecipients(trx, plan);
      // Everyone left the directory between the two reads (PostgreSQL, another transaction).
      if (recipients === 0) throw nobody();
      const set: Partial<CampaignRow> = {
        ...fields,
        targets: toJson(tenant.kind === 'territory' ? { ...input.targets, organizationIds: orgs } : input.targets),
        status: 'scheduled',
        launch_at: new Date(start).toISOString(),
        spread_until: new Date(until).toISOString(),
        launched_at: now,
        updated_at: now,
      };
      if (!(await this.repo.transition(trx, id, ['draft'], set))) throw alreadyLaunched();
      const after = { ...auditOf({ ...draft, ...set }), recipients };
      await this.record(trx, ctx, 'phishing.campaign.launch', draft, draft, after);
    });
    this.wake();
    return this.get(tenant, id);
  }

  async pause(ctx: RequestContext, tenant: Tenant, id: string): Promise<CampaignDto> {
    const before = await this.owned(tenant, id);
    const now = this.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.repo.transition(trx, id, ['scheduled', 'running'], { status: 'paused', paused_at: now, updated_at: now }))) {
        throw wrongState(
          'Seule une campagne en cours ou programmée peut être suspendue.',
          'Only a running or scheduled campaign can be paused.',
        );
      }
      await this.record(trx, ctx, 'phishing.campaign.pause', before, before, auditOf({ ...before, status: 'paused', paused_at: now }));
    });
    return this.get(tenant, id);
  }

  /** Picks up where it stopped: the emails not sent yet are spread again from now. */
  async resume(ctx: RequestContext, tenant: Tenant, id: string): Promise<CampaignDto> {
    const before = await this.owned(tenant, id);
    const nowDate = this.now();
    const now = nowDate.toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `phishing-campaign:${id}`);
      const status = Date.parse(before.launch_at ?? now) > nowDate.getTime() ? 'scheduled' : 'running';
      if (!(await this.repo.transition(trx, id, ['paused'], { status, paused_at: null, updated_at: now }))) {
        throw wrongState('Seule une campagne suspendue peut reprendre.', 'Only a paused campaign can be resumed.');
      }
      await this.repo.rescheduleWaiting(trx, before, nowDate.getTime());
      await this.record(trx, ctx, 'phishing.campaign.resume', before, before, auditOf({ ...before, status, paused_at: null }));
    });
    this.wake();
    return this.get(tenant, id);
  }

  /** Cancels what has not left yet. A member organization withdraws its own staff from a territory campaign. */
  async cancel(ctx: RequestContext, tenant: Tenant, id: string): Promise<CampaignDto> {
    const row = await this.repo.get(this.deps.db, tenant, id);
    if (!row) throw new NotFound('campaign');
    const now = this.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      if (this.shared(tenant, row)) {
        const cancelled = await this.repo.cancelWaiting(trx, id, row.anonymous === 1, tenant.id);
        await this.record(trx, ctx, 'phishing.campaign.withdraw', row, undefined, { organizationId: tenant.id, cancelled }, tenant.id);
        return;
      }
      const open: CampaignRow['status'][] = ['draft', 'scheduled', 'running', 'paused'];
      if (!(await this.repo.transition(trx, id, open, { status: 'cancelled', completed_at: now, updated_at: now }))) {
        throw wrongState('Cette campagne est déjà terminée ou annulée.', 'This campaign is already completed or cancelled.');
      }
      const cancelled = await this.repo.cancelWaiting(trx, id, row.anonymous === 1);
      const after = { ...auditOf({ ...row, status: 'cancelled', completed_at: now }), cancelled };
      await this.record(trx, ctx, 'phishing.campaign.cancel', row, row, after);
    });
    return this.get(tenant, id);
  }

  // ---------------------------------------------------------------------------------------------

  private async checked(tenant: Tenant, targets: CampaignTargets) {
    return checkTargets(this.deps.db, targets, await reachableOrganizations(this.deps.db, tenant), tenant.kind === 'territory');
  }

  private async owned(tenant: Tenant, id: string): Promise<CampaignRow> {
    const row = await this.repo.get(this.deps.db, tenant, id);
    if (!row) throw new NotFound('campaign');
    if (this.shared(tenant, row)) throw territoryOwned();
    return row;
  }

  /** Checks what a campaign refers to against its tenant and turns the input into columns. */
  private async validate(tenant: Tenant, input: CampaignInput, opts: { launching?: boolean } = {}) {
    const db = this.deps.db;
    const orgId = tenant.kind === 'organization' ? tenant.id : null;
    // Territory campaigns use the catalogue; an organization also uses its own content.
    const usable = (owner: string | null) => owner === null || owner === orgId;
    const template = await this.repo.template(db, input.templateId);
    if (!template || template.archived || !usable(template.organization_id) || Number(template.texts) === 0) {
      throw invalid('unknown_template', 'Modèle introuvable.', 'Unknown template.', 'templateId');
    }
    const landingPageId = input.landingPageId === undefined ? template.landing_page_id : input.landingPageId;
    if (landingPageId) {
      const page = await this.repo.landingPage(db, landingPageId);
      if (!page || page.archived || !usable(page.organization_id)) {
        throw invalid('unknown_landing_page', "Page d'atterrissage introuvable.", 'Unknown landing page.', 'landingPageId');
      }
    }
    const profile = await this.repo.profile(db, input.sendingProfileId);
    const profileOwned =
      profile && (tenant.kind === 'organization' ? profile.organization_id === tenant.id : profile.territory_id === tenant.id);
    if (!profile || profile.archived || !profileOwned) {
      throw invalid('unknown_profile', "Profil d'envoi introuvable.", 'Unknown sending profile.', 'sendingProfileId');
    }
    if (input.learningModuleId) {
      const module = await this.repo.learningModule(db, input.learningModuleId);
      if (module?.status !== 'published' || module.audience !== 'staff' || !usable(module.organization_id)) {
        throw invalid('unknown_module', 'Module de formation introuvable.', 'Unknown learning module.', 'learningModuleId');
      }
    }
    const launchAt = Date.parse(input.launchAt);
    if (!opts.launching && launchAt < this.now().getTime() - LAUNCH_GRACE_MS) {
      throw invalid('launch_in_past', 'La date de lancement est passée.', 'The launch date is in the past.', 'launchAt');
    }
    const spreadUntil = input.spreadUntil ?? input.launchAt;
    if (Date.parse(spreadUntil) < launchAt) {
      const [fr, en] = ["La fin de l'étalement précède le lancement.", 'The end of the spread comes before the launch.'];
      throw invalid('spread_before_launch', fr, en, 'spreadUntil');
    }
    if (!opts.launching) {
      const checked = await this.checked(tenant, input.targets);
      if ((await previewTargets(db, checked)).count === 0) throw nobody();
    }
    const settings = orgId ? await this.repo.settings(db, orgId) : undefined;
    return {
      name: input.name,
      template_id: template.id,
      template_version: template.version,
      difficulty: template.difficulty,
      landing_page_id: landingPageId ?? null,
      sending_profile_id: profile.id,
      learning_module_id: input.learningModuleId ?? null,
      targets: toJson(input.targets),
      anonymous: toBool01(input.anonymous ?? fromBool01(settings?.anonymous_default)),
      retention_days: input.retentionDays ?? settings?.retention_days ?? DEFAULT_RETENTION_DAYS,
      launch_at: new Date(launchAt).toISOString(),
      spread_until: new Date(spreadUntil).toISOString(),
    };
  }

  // biome-ignore format: one audit call for every change of a campaign
  private async record(trx: Executor, ctx: RequestContext, action: string, r: CampaignRow, before: CampaignRow | undefined, after: unknown, organizationId?: string): Promise<void> {
    await this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'phishing_campaign',
      entityId: r.id,
      organizationId: organizationId ?? r.organization_id,
      territoryId: r.territory_id,
      ...(before ? { before: auditOf(before) } : {}),
      after,
    });
  }
}
