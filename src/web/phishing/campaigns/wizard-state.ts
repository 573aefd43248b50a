import type { Campaign, CampaignBody, CampaignTargets, TargetCriteria } from './types.js';

/**
 * The campaign wizard's form, kept flat so each field maps to one control, and its mapping to and
 * from the API body. Dates are typed in the browser's local time and sent as ISO instants.
 */
export interface WizardState {
  name: string;
  templateId: string;
  /** '' = the template's own landing page, 'none' = no page (the click leads straight to the teaching moment). */
  landingPageId: string;
  learningModuleId: string;
  /** Territory campaigns: the member organizations reached (empty: all those holding a mandate). */
  organizationIds: string[];
  /** 'all' = all staff; 'select' = the groups and criteria below. */
  audience: 'all' | 'select';
  groupIds: string[];
  services: string[];
  roleFamilies: string[];
  sites: string[];
  exclusionGroupIds: string[];
  excludeServices: string[];
  excludeRoleFamilies: string[];
  excludeSites: string[];
  sendingProfileId: string;
  launchDate: string;
  launchTime: string;
  spreadDate: string;
  spreadTime: string;
  anonymous: boolean;
  retentionDays: number;
}

export const wizardSteps = ['template', 'content', 'targets', 'schedule', 'review'] as const;
export type WizardStep = (typeof wizardSteps)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A new draft: launch tomorrow at 9:00, spread over two weeks, settings of the organization. */
export function emptyWizard(now: Date, defaults: { anonymous: boolean; retentionDays: number }): WizardState {
  const launch = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const until = new Date(launch.getFullYear(), launch.getMonth(), launch.getDate() + 14, 9, 0);
  return {
    name: '',
    templateId: '',
    landingPageId: '',
    learningModuleId: '',
    organizationIds: [],
    audience: 'select',
    groupIds: [],
    services: [],
    roleFamilies: [],
    sites: [],
    exclusionGroupIds: [],
    excludeServices: [],
    excludeRoleFamilies: [],
    excludeSites: [],
    sendingProfileId: '',
    launchDate: localDate(launch),
    launchTime: '09:00',
    spreadDate: localDate(until),
    spreadTime: '09:00',
    anonymous: defaults.anonymous,
    retentionDays: defaults.retentionDays,
  };
}

/** The instant of a local date and time, or null when either is missing or invalid. */
export function instantOf(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Moves the end of the spread to `days` days after the launch (same time of day). */
export function spreadOver(state: WizardState, days: number): WizardState {
  const launch = instantOf(state.launchDate, state.launchTime);
  if (!launch) return state;
  const until = new Date(launch.getFullYear(), launch.getMonth(), launch.getDate() + days, launch.getHours(), launch.getMinutes());
  return { ...state, spreadDate: localDate(until), spreadTime: localTime(until) };
}

function criteriaOf(services: string[], roleFamilies: string[], sites: string[]): TargetCriteria | undefined {
  const c: TargetCriteria = {};
  if (services.length) c.services = services;
  if (roleFamilies.length) c.roleFamilies = roleFamilies;
  if (sites.length) c.sites = sites;
  return Object.keys(c).length ? c : undefined;
}

/** The `targets` of the API; groups only exist in organizations, organizations only in territories. */
export function targetsOf(state: WizardState, owner: 'org' | 'territory'): CampaignTargets {
  const t: CampaignTargets = {};
  if (owner === 'territory' && state.organizationIds.length) t.organizationIds = state.organizationIds;
  if (state.audience === 'all') t.criteria = {};
  else {
    if (owner === 'org' && state.groupIds.length) t.groupIds = state.groupIds;
    const c = criteriaOf(state.services, state.roleFamilies, state.sites);
    if (c) t.criteria = c;
  }
  if (owner === 'org' && state.exclusionGroupIds.length) t.exclusionGroupIds = state.exclusionGroupIds;
  const x = criteriaOf(state.excludeServices, state.excludeRoleFamilies, state.excludeSites);
  if (x) t.exclude = x;
  return t;
}

/** Whether the targets name anyone at all (else the server answers no_targets). */
export function namesSomeone(t: CampaignTargets, owner: 'org' | 'territory'): boolean {
  if (t.criteria || (t.groupIds?.length ?? 0) > 0) return true;
  return owner === 'territory' && (t.organizationIds?.length ?? 0) > 0;
}

export function toBody(state: WizardState, owner: 'org' | 'territory'): CampaignBody {
  const launch = instantOf(state.launchDate, state.launchTime);
  const until = instantOf(state.spreadDate, state.spreadTime);
  const body: CampaignBody = {
    name: state.name.trim(),
    templateId: state.templateId,
    sendingProfileId: state.sendingProfileId.trim(),
    targets: targetsOf(state, owner),
    anonymous: state.anonymous,
    retentionDays: state.retentionDays,
    launchAt: launch ? launch.toISOString() : '',
  };
  if (state.landingPageId === 'none') body.landingPageId = null;
  else if (state.landingPageId) body.landingPageId = state.landingPageId;
  body.learningModuleId = state.learningModuleId || null;
  if (until) body.spreadUntil = until.toISOString();
  return body;
}

/** A stored draft back into the form (the landing page stored is the one the draft resolved). */
export function fromCampaign(c: Campaign, defaults: WizardState): WizardState {
  const t = c.targets;
  const launch = c.launchAt ? new Date(c.launchAt) : null;
  const until = c.spreadUntil ? new Date(c.spreadUntil) : launch;
  const all = t.criteria !== undefined && Object.keys(t.criteria).length === 0 && !(t.groupIds?.length ?? 0);
  return {
    ...defaults,
    name: c.name,
    templateId: c.templateId,
    landingPageId: c.landingPageId ?? 'none',
    learningModuleId: c.learningModuleId ?? '',
    organizationIds: t.organizationIds ?? [],
    audience: all ? 'all' : 'select',
    groupIds: t.groupIds ?? [],
    services: t.criteria?.services ?? [],
    roleFamilies: t.criteria?.roleFamilies ?? [],
    sites: t.criteria?.sites ?? [],
    exclusionGroupIds: t.exclusionGroupIds ?? [],
    excludeServices: t.exclude?.services ?? [],
    excludeRoleFamilies: t.exclude?.roleFamilies ?? [],
    excludeSites: t.exclude?.sites ?? [],
    sendingProfileId: c.sendingProfileId,
    ...(launch ? { launchDate: localDate(launch), launchTime: localTime(launch) } : {}),
    ...(until ? { spreadDate: localDate(until), spreadTime: localTime(until) } : {}),
    anonymous: c.anonymous,
    retentionDays: c.retentionDays,
  };
}

/** Errors of one step as translation keys by field; an empty object lets the user go on. */
export function stepErrors(step: WizardStep, s: WizardState, owner: 'org' | 'territory', now: Date): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 'template') {
    if (!s.name.trim()) e.name = 'errors.nameRequired';
    if (!s.templateId) e.templateId = 'errors.templateRequired';
  }
  if (step === 'targets' && !namesSomeone(targetsOf(s, owner), owner)) e.targets = 'errors.targetsRequired';
  if (step === 'schedule') {
    if (!s.sendingProfileId.trim()) e.sendingProfileId = 'errors.profileRequired';
    const launch = instantOf(s.launchDate, s.launchTime);
    const until = instantOf(s.spreadDate, s.spreadTime);
    if (!launch) e.launchDate = 'errors.launchRequired';
    else if (launch.getTime() < now.getTime() - 60_000) e.launchDate = 'errors.launchPast';
    if (!until) e.spreadDate = 'errors.spreadRequired';
    else if (launch && until.getTime() < launch.getTime()) e.spreadDate = 'errors.spreadBeforeLaunch';
    if (!Number.isInteger(s.retentionDays) || s.retentionDays < 30 || s.retentionDays > 1825) e.retentionDays = 'errors.retention';
  }
  return e;
}

/** Whole days between launch and the end of the spread (0: everything at launch). */
export function spreadDays(s: WizardState): number {
  const launch = instantOf(s.launchDate, s.launchTime);
  const until = instantOf(s.spreadDate, s.spreadTime);
  if (!launch || !until) return 0;
  return Math.max(0, Math.round((until.getTime() - launch.getTime()) / 86_400_000));
}

/** Where a field the server names lives in the wizard: its step and the form field showing it. */
export function locateServerField(field: string | undefined): { step: WizardStep; field: string } | null {
  if (!field) return null;
  const f = field.replace(/^body\./, '');
  const top = f.split('.')[0] ?? f;
  if (top === 'name' || top === 'templateId') return { step: 'template', field: top };
  if (top === 'landingPageId' || top === 'learningModuleId') return { step: 'content', field: top };
  if (top === 'targets') return { step: 'targets', field: 'targets' };
  if (top === 'launchAt') return { step: 'schedule', field: 'launchDate' };
  if (top === 'spreadUntil') return { step: 'schedule', field: 'spreadDate' };
  if (top === 'sendingProfileId' || top === 'retentionDays' || top === 'anonymous') return { step: 'schedule', field: top };
  return null;
}
