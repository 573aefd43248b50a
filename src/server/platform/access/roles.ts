/** Roles are granted on a scope; each role carries a fixed set of permissions (ADR 0004). */
export const roles = [
  'platform_admin',
  'territory_coordinator',
  'org_admin',
  'manager',
  'auditor',
  'exercise_animator',
  'observer',
  'provider_contact',
  'learner',
] as const;
export type Role = (typeof roles)[number];

export const scopeKinds = ['platform', 'territory', 'organization'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** Where each role may be granted. */
export const roleScopes: Record<Role, readonly ScopeKind[]> = {
  platform_admin: ['platform'],
  territory_coordinator: ['territory'],
  org_admin: ['organization'],
  manager: ['organization'],
  auditor: ['organization', 'territory'],
  exercise_animator: ['organization', 'territory'],
  observer: ['organization', 'territory'],
  provider_contact: ['organization'],
  learner: ['organization'],
};

/** Roles whose accounts must pass a second factor (TOTP) before using their rights. */
export const adminRoles: readonly Role[] = ['platform_admin', 'territory_coordinator', 'org_admin', 'auditor'];

export const permissions = [
  'platform.manage', // organizations and territories CRUD, any account
  'territory.read', // territory page, members, aggregates of sharing members
  'territory.manage', // members, leads
  'org.read', // organization card, own home page
  'org.manage', // organization settings
  'people.read', // individual staff records
  'people.write', // create, edit, import, deactivate
  'accounts.manage', // accounts and role grants within the scope
  'audit.read', // audit log of the scope
  'stats.read', // aggregates (groups of at least 5)
  'phishing.manage', // sending profiles, templates, landing pages, campaigns, report triage
  'phishing.individual', // per-person phishing results and repeat clickers (security admins only)
  'suppliers.manage', // provider register, contracts and clauses, grids, audit calendar, launching audits
  'suppliers.audit', // reviewing audits: ratings, findings, remediation, costs, reports
  'suppliers.read', // provider risk dashboard (a territory's: aggregates of its members)
  'suppliers.portal', // a provider contact's own audits, on the provider's organization
  'actions.manage', // the organization's action plan: create, edit, notes, evidence
  'actions.read', // the action plan (a territory's: counts per sharing member only)
  'maturity.manage', // the organization's maturity diagnostics: start, answer, complete, turn into actions
  'maturity.read', // diagnostics and their restitution (a territory's: heatmap of sharing members, never answers)
  'exercises.manage', // crisis exercises and incidents: prepare, cells, participants, chronogram, animate
  'exercises.observe', // read exercises, their cells and chronogram (observers; players are checked by their placement, not by role)
  'self', // one's own data
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  platform_admin: [...permissions],
  territory_coordinator: [
    'territory.read',
    'territory.manage',
    'org.read',
    'stats.read',
    'audit.read',
    'phishing.manage',
    'suppliers.manage',
    'suppliers.read',
    'actions.read',
    'maturity.read',
    'exercises.manage',
    'exercises.observe',
    'self',
  ],
  org_admin: [
    'org.read',
    'org.manage',
    'people.read',
    'people.write',
    'accounts.manage',
    'audit.read',
    'stats.read',
    'phishing.manage',
    'phishing.individual',
    'suppliers.manage',
    'suppliers.audit',
    'suppliers.read',
    'actions.manage',
    'actions.read',
    'maturity.manage',
    'maturity.read',
    'exercises.manage',
    'exercises.observe',
    'self',
  ],
  manager: ['org.read', 'stats.read', 'actions.read', 'maturity.read', 'self'],
  auditor: ['org.read', 'territory.read', 'suppliers.audit', 'suppliers.read', 'actions.read', 'self'],
  exercise_animator: ['org.read', 'territory.read', 'exercises.manage', 'exercises.observe', 'self'],
  observer: ['org.read', 'territory.read', 'exercises.observe', 'self'],
  provider_contact: ['suppliers.portal', 'self'],
  learner: ['org.read', 'self'],
};
