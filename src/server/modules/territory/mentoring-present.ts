import type { OrganizationKind } from '../identity/domain.js';
import type { GoalRow, MentorView, PairingView, SessionRow } from './mentoring-repo.js';
import type { MentorDto, PairingDto, PlanDto } from './mentoring-schema.js';

export function presentMentor(m: MentorView): MentorDto {
  return {
    id: m.id,
    accountId: m.account_id,
    displayName: m.display_name,
    email: m.email,
    organization: { id: m.organization_id, name: m.org_name, kind: m.org_kind as OrganizationKind },
    capacity: m.capacity,
    activeMentees: m.active_mentees,
    capacityLeft: Math.max(0, m.capacity - m.active_mentees),
    active: m.active === 1,
    fromLead: m.is_lead,
  };
}

export function presentPairing(p: PairingView): PairingDto {
  return {
    id: p.id,
    territoryId: p.territory_id,
    mentor: {
      id: p.mentor_id,
      accountId: p.account_id,
      displayName: p.display_name,
      email: p.email,
      organization: { id: p.mentor_org_id, name: p.mentor_org_name, kind: p.mentor_org_kind as OrganizationKind },
    },
    mentee: { id: p.organization_id, name: p.mentee_name, kind: p.mentee_kind as OrganizationKind },
    startedAt: p.started_at,
    endedAt: p.ended_at,
    endNote: p.end_note,
  };
}

export const presentGoal = (g: GoalRow) => ({ id: g.id, text: g.text, status: g.status, createdAt: g.created_at, updatedAt: g.updated_at });

export const presentSession = (s: SessionRow) => ({
  id: s.id,
  heldOn: s.held_on,
  durationMinutes: s.duration_minutes,
  notes: s.notes,
  nextSteps: s.next_steps,
  createdAt: s.created_at,
  updatedAt: s.updated_at,
});

/** Plans of several pairings, their goals and sessions attached. */
export function presentPlans(
  pairings: PairingView[],
  goals: GoalRow[],
  sessions: SessionRow[],
  canWrite: (p: PairingView) => boolean,
): PlanDto[] {
  return pairings.map((p) => ({
    ...presentPairing(p),
    goals: goals.filter((g) => g.pairing_id === p.id).map(presentGoal),
    sessions: sessions.filter((s) => s.pairing_id === p.id).map(presentSession),
    canWrite: canWrite(p),
  }));
}
