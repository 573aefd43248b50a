import { toBool01 } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation, lockKey } from '../identity/shared.js';
import { presentMentor, presentPairing } from './mentoring-present.js';
import { MentoringRepo, type MentorView } from './mentoring-repo.js';
import type {
  CreatePairingInput,
  EndPairingInput,
  MentorDto,
  OfferMentorInput,
  PairingDto,
  PairingsQuery,
  UpdateMentorInput,
} from './mentoring-schema.js';

const notLead = (field: string) =>
  new Invalid(
    'mentor_not_lead',
    {
      fr: "Un mentor doit être un compte d'un établissement pilote de ce territoire.",
      en: 'A mentor must be an account of a lead organization of this territory.',
    },
    field,
  );
const notMember = () =>
  new Invalid(
    'mentee_not_member',
    {
      fr: "L'établissement accompagné doit être membre de ce territoire.",
      en: 'The mentee organization must be a member of this territory.',
    },
    'organizationId',
  );
const unknownMentor = () =>
  new Invalid('mentor_unknown', { fr: "Ce mentor n'existe pas dans ce territoire.", en: 'No such mentor in this territory.' }, 'mentorId');

/** Mentors offered by lead organizations and their pairings with members (docs/api-territory.md). */
export class MentoringService {
  readonly repo = new MentoringRepo();
  constructor(private readonly deps: AppDeps) {}

  /** Accounts of the lead organizations a coordinator may offer as mentors (not yet mentors here). */
  async mentorCandidates(territoryId: string) {
    const rows = await this.repo.mentorCandidates(this.deps.db, territoryId);
    return rows.map((r) => ({ accountId: r.account_id, name: r.display_name, email: r.email, organizationName: r.organization_name }));
  }

  async mentors(territoryId: string): Promise<MentorDto[]> {
    return (await this.repo.mentors(this.deps.db, territoryId)).map(presentMentor);
  }

  async offerMentor(ctx: RequestContext, territoryId: string, input: OfferMentorInput): Promise<MentorDto> {
    const id = newId();
    await this.deps.db.transaction().execute(async (trx) => {
      // One answer for an unknown account and an account elsewhere: coordinators learn nothing of other tenants.
      const orgs = await this.repo.organizationsOfAccount(trx, input.accountId);
      const [organizationId] = await this.repo.leadsAmong(trx, territoryId, orgs);
      if (!organizationId) throw notLead('accountId');
      if (await this.repo.mentorByAccount(trx, territoryId, input.accountId)) {
        throw new Conflict(
          'mentor_exists',
          { fr: 'Ce compte est déjà mentor de ce territoire.', en: 'This account already mentors in this territory.' },
          'accountId',
        );
      }
      const now = this.deps.clock.now().toISOString();
      const row = {
        id,
        territory_id: territoryId,
        account_id: input.accountId,
        organization_id: organizationId,
        capacity: input.capacity,
        active: 1 as const,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertMentor(trx, row);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'mentoring.mentor_offered',
        entityType: 'mentor',
        entityId: id,
        territoryId,
        organizationId,
        after: { accountId: input.accountId, capacity: input.capacity, active: true },
      });
    });
    return this.mentor(territoryId, id);
  }

  async updateMentor(ctx: RequestContext, territoryId: string, mentorId: string, input: UpdateMentorInput): Promise<MentorDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const [before] = await this.repo.mentors(trx, territoryId, mentorId);
      if (!before) throw new NotFound('mentor');
      const capacity = input.capacity ?? before.capacity;
      const active = input.active ?? before.active === 1;
      // Lowering the cap below the current load is allowed: it only stops new pairings.
      await this.repo.updateMentor(trx, mentorId, { capacity, active: toBool01(active), updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'mentoring.mentor_updated',
        entityType: 'mentor',
        entityId: mentorId,
        territoryId,
        organizationId: before.organization_id,
        before: { capacity: before.capacity, active: before.active === 1 },
        after: { capacity, active },
      });
    });
    return this.mentor(territoryId, mentorId);
  }

  private async mentor(territoryId: string, mentorId: string): Promise<MentorDto> {
    const [row] = await this.repo.mentors(this.deps.db, territoryId, mentorId);
    if (!row) throw new NotFound('mentor');
    return presentMentor(row);
  }

  /**
   * Mentors who can take this member now, best first: same kind of organization as the mentee
   * (a practice helps a practice best), then the lightest load, then the most room left.
   */
  async suggestions(territoryId: string, organizationId: string) {
    const db = this.deps.db;
    const mentee = await this.repo.member(db, territoryId, organizationId);
    if (!mentee) throw notMember();
    const active = await this.repo.pairings(db, { territoryId, organizationId }, 'active');
    const paired = new Set(active.map((p) => p.mentor_id));
    const available = (await this.repo.mentors(db, territoryId)).filter(
      (m) => m.active === 1 && m.is_lead && m.active_mentees < m.capacity && !paired.has(m.id) && m.organization_id !== organizationId,
    );
    const sameKind = (m: MentorView) => (m.org_kind === mentee.kind ? 1 : 0);
    available.sort(
      (a, b) =>
        sameKind(b) - sameKind(a) ||
        a.active_mentees - b.active_mentees ||
        b.capacity - b.active_mentees - (a.capacity - a.active_mentees) ||
        a.display_name.localeCompare(b.display_name, 'fr'),
    );
    return {
      mentee: { id: mentee.id, name: mentee.name, kind: mentee.kind },
      items: available.map((m) => ({ ...presentMentor(m), sameKind: sameKind(m) === 1 })),
    };
  }

  async pairings(territoryId: string, query: PairingsQuery): Promise<PairingDto[]> {
    return (await this.repo.pairings(this.deps.db, { territoryId }, query.state)).map(presentPairing);
  }

  async pair(ctx: RequestContext, territoryId: string, input: CreatePairingInput): Promise<PairingDto> {
    const id = newId();
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        // The load check and the insert must not interleave with another pairing of the same mentor.
        await lockKey(trx, this.deps.dbh.dialect, `mentor:${input.mentorId}`);
        const [mentor] = await this.repo.mentors(trx, territoryId, input.mentorId);
        if (!mentor) throw unknownMentor();
        if (mentor.active !== 1) {
          throw new Invalid(
            'mentor_withdrawn',
            { fr: 'Ce mentor ne prend plus de nouvel accompagnement.', en: 'This mentor takes no new mentee.' },
            'mentorId',
          );
        }
        if (!mentor.is_lead) throw notLead('mentorId');
        const mentee = await this.repo.member(trx, territoryId, input.organizationId);
        if (!mentee) throw notMember();
        if (mentee.id === mentor.organization_id) {
          throw new Invalid(
            'mentee_is_mentor_org',
            { fr: 'Un mentor accompagne un autre établissement que le sien.', en: 'A mentor helps another organization than their own.' },
            'organizationId',
          );
        }
        if (await this.repo.activePairing(trx, mentor.id, mentee.id)) throw pairingExists();
        if (mentor.active_mentees >= mentor.capacity) {
          throw new Conflict(
            'mentor_full',
            {
              fr: `Ce mentor accompagne déjà ${mentor.active_mentees} établissement(s), son maximum : choisissez un autre mentor ou augmentez sa capacité.`,
              en: `This mentor already helps ${mentor.active_mentees} organization(s), their maximum: pick another mentor or raise their capacity.`,
            },
            'mentorId',
          );
        }
        const now = this.deps.clock.now().toISOString();
        await this.repo.insertPairing(trx, {
          id,
          territory_id: territoryId,
          mentor_id: mentor.id,
          organization_id: mentee.id,
          started_at: now,
          ended_at: null,
          end_note: null,
          created_by: ctx.actor?.accountId ?? null,
          updated_at: now,
        });
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: 'mentoring.pairing_created',
          entityType: 'mentoring_pairing',
          entityId: id,
          territoryId,
          organizationId: mentee.id,
          after: { mentorId: mentor.id, mentorAccountId: mentor.account_id, organizationId: mentee.id },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw pairingExists();
      throw err;
    }
    return this.pairing(id);
  }

  /** Ends a pairing; its plan stays readable as history. */
  async end(ctx: RequestContext, pairingId: string, input: EndPairingInput): Promise<PairingDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const [p] = await this.repo.pairings(trx, { pairingId });
      if (!p) throw new NotFound('pairing');
      if (p.ended_at) throw pairingEnded();
      const now = this.deps.clock.now().toISOString();
      const note = input.note?.trim() || null;
      await this.repo.endPairing(trx, pairingId, now, note);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'mentoring.pairing_ended',
        entityType: 'mentoring_pairing',
        entityId: pairingId,
        territoryId: p.territory_id,
        organizationId: p.organization_id,
        before: { endedAt: null },
        after: { endedAt: now, endNote: note },
      });
    });
    return this.pairing(pairingId);
  }

  private async pairing(id: string): Promise<PairingDto> {
    const [row] = await this.repo.pairings(this.deps.db, { pairingId: id });
    if (!row) throw new NotFound('pairing');
    return presentPairing(row);
  }
}

const pairingExists = () =>
  new Conflict(
    'pairing_exists',
    { fr: 'Ce mentor accompagne déjà cet établissement.', en: 'This mentor already helps this organization.' },
    'organizationId',
  );

export const pairingEnded = () =>
  new Conflict('pairing_ended', { fr: 'Cet accompagnement est terminé.', en: 'This mentoring has ended.' }, 'pairingId');
