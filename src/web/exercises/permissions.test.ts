import { describe, expect, it } from 'vitest';
import { canManage, canObserve } from './permissions.js';

const org = { kind: 'org', id: 'o1' } as const;
const territory = { kind: 'territory', id: 't1' } as const;
const me = (role: string, scopeKind: string, scopeId: string, mfaVerified = true) => ({
  grants: [{ role, scopeKind, scopeId }],
  mfaVerified,
});

describe('who prepares and who reads exercises', () => {
  it('lets organization admins manage their own organization only, once the second factor is verified', () => {
    expect(canManage(me('org_admin', 'organization', 'o1'), org)).toBe(true);
    expect(canManage(me('org_admin', 'organization', 'o2'), org)).toBe(false);
    expect(canManage(me('org_admin', 'organization', 'o1', false), org)).toBe(false);
    expect(canManage(me('org_admin', 'organization', 'o1'), territory)).toBe(false);
  });

  it('lets coordinators manage their territory and animators without a second factor', () => {
    expect(canManage(me('territory_coordinator', 'territory', 't1'), territory)).toBe(true);
    expect(canManage(me('exercise_animator', 'territory', 't1', false), territory)).toBe(true);
    expect(canManage(me('platform_admin', 'platform', '*'), org)).toBe(true);
  });

  it('lets observers read without managing; managers, auditors and learners neither', () => {
    expect(canObserve(me('observer', 'organization', 'o1'), org)).toBe(true);
    expect(canManage(me('observer', 'organization', 'o1'), org)).toBe(false);
    for (const role of ['manager', 'auditor', 'learner']) expect(canObserve(me(role, 'organization', 'o1'))).toBe(false);
    expect(canObserve(me('observer', 'territory', 't1'))).toBe(true);
  });
});
