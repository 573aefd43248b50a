import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayOf } from '../suppliers/calendar-dates.js';
import { snapshot } from './feed.js';
import { type ActionRow, actionById, ownerNames, presentAction, searchTextOf, statusOwningSources } from './repo.js';
import type { ActionDetail, CreateActionInput, UpdateActionInput } from './schema.js';
import type { ActionStatus, ActionsTable } from './tables.js';

/** The error a status change gets when the source decides it (a finding closes in its audit). */
export const sourceOwnsStatus = () =>
  new Conflict(
    'action_source_owned',
    {
      fr: 'Le statut de cette action suit l’écart d’audit prestataire : faites avancer ou clôturez l’écart dans l’audit (lien « Source »).',
      en: 'This action’s status follows the provider audit finding: move the finding on or close it in the audit (the “Source” link).',
    },
    'status',
  );

/** One organization's action plan: actions by hand, edits, notes (feeds: feed.ts; files: evidence.ts). */
export class ActionsService {
  constructor(private readonly deps: AppDeps) {}

  today(): string {
    return todayOf(this.deps.clock.now());
  }

  async row(db: Db, orgId: string, actionId: string): Promise<ActionRow> {
    const r = await actionById(db, orgId, actionId);
    if (!r) throw new NotFound('action');
    return r;
  }

  async get(orgId: string, actionId: string): Promise<ActionDetail> {
    const r = await this.row(this.deps.db, orgId, actionId);
    const notes = await this.deps.db
      .selectFrom('action_notes')
      .select(['id', 'author_label', 'body', 'created_at'])
      .where('action_id', '=', r.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const evidence = await this.deps.db
      .selectFrom('action_evidence')
      .select(['id', 'file_name', 'media_type', 'size', 'uploaded_at'])
      .where('action_id', '=', r.id)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return {
      ...presentAction(r, this.today(), await ownerNames(this.deps.db, [r.owner_account_id])),
      notes: notes.map((n) => ({ id: n.id, authorLabel: n.author_label, body: n.body, createdAt: n.created_at })),
      evidence: evidence.map((e) => ({
        id: e.id,
        fileName: e.file_name,
        mediaType: e.media_type,
        size: Number(e.size),
        uploadedAt: e.uploaded_at,
      })),
    };
  }

  async create(ctx: RequestContext, orgId: string, input: CreateActionInput): Promise<ActionDetail> {
    const at = this.deps.clock.now().toISOString();
    const row: ActionsTable = {
      id: newId(),
      organization_id: orgId,
      title: input.title,
      description: input.description,
      source_kind: 'manual',
      source_id: null,
      source_label: '',
      source_link: null,
      owner_account_id: input.ownerAccountId,
      owner_name: input.ownerName,
      due_on: input.dueOn,
      priority: input.priority,
      status: input.status,
      done_at: input.status === 'done' ? at : null,
      created_at: at,
      updated_at: at,
      reminded_at: null,
      search_text: '',
    };
    row.search_text = searchTextOf(row);
    await this.deps.db.transaction().execute(async (trx) => {
      if (row.owner_account_id) await this.checkOwner(trx, orgId, row.owner_account_id);
      await trx.insertInto('actions').values(row).execute();
      await this.record(trx, ctx, 'actions.action.created', row.id, orgId, null, snapshot(row));
    });
    return this.get(orgId, row.id);
  }

  /** Edits an action; the status of an action whose source owns it answers 409 `action_source_owned`. */
  async update(ctx: RequestContext, orgId: string, actionId: string, input: UpdateActionInput): Promise<ActionDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.row(trx, orgId, actionId);
      if (input.status !== undefined && input.status !== before.status && statusOwningSources.includes(before.source_kind)) {
        throw sourceOwnsStatus();
      }
      if (input.ownerAccountId) await this.checkOwner(trx, orgId, input.ownerAccountId);
      const at = this.deps.clock.now().toISOString();
      const status: ActionStatus = input.status ?? before.status;
      const next: ActionsTable = {
        ...before,
        title: input.title ?? before.title,
        description: input.description ?? before.description,
        owner_account_id: input.ownerAccountId !== undefined ? input.ownerAccountId : before.owner_account_id,
        owner_name: input.ownerName ?? before.owner_name,
        due_on: input.dueOn !== undefined ? input.dueOn : before.due_on,
        priority: input.priority ?? before.priority,
        status,
        done_at: status === 'done' ? (before.status === 'done' ? before.done_at : at) : null,
        updated_at: at,
      };
      // A new due date or owner deserves its own reminders.
      if (next.due_on !== before.due_on || next.owner_account_id !== before.owner_account_id) next.reminded_at = null;
      next.search_text = searchTextOf(next);
      const { id: _id, organization_id: _org, created_at: _created, ...changes } = next;
      await trx.updateTable('actions').set(changes).where('id', '=', before.id).execute();
      await this.record(trx, ctx, 'actions.action.updated', before.id, orgId, snapshot(before), snapshot(next));
    });
    return this.get(orgId, actionId);
  }

  async addNote(ctx: RequestContext, orgId: string, actionId: string, body: string): Promise<ActionDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const action = await this.row(trx, orgId, actionId);
      const at = this.deps.clock.now().toISOString();
      const note = {
        id: newId(),
        action_id: action.id,
        author_account_id: ctx.actor?.accountId ?? null,
        author_label: ctx.actor?.displayName || auditActor(ctx).label,
        body,
        created_at: at,
      };
      await trx.insertInto('action_notes').values(note).execute();
      await trx.updateTable('actions').set({ updated_at: at }).where('id', '=', action.id).execute();
      await this.record(trx, ctx, 'actions.note.added', action.id, orgId, null, { noteId: note.id, body });
    });
    return this.get(orgId, actionId);
  }

  /** An owner is an active account of the organization: a role there, or a person of its staff. */
  private async checkOwner(trx: Db, orgId: string, accountId: string): Promise<void> {
    const found = await trx
      .selectFrom('accounts as a')
      .select('a.id')
      .where('a.id', '=', accountId)
      .where('a.active', '=', 1)
      .where((eb) =>
        eb.or([
          eb(
            'a.id',
            'in',
            eb.selectFrom('role_grants').select('account_id').where('scope_kind', '=', 'organization').where('scope_id', '=', orgId),
          ),
          eb('a.person_id', 'in', eb.selectFrom('people').select('id').where('organization_id', '=', orgId)),
        ]),
      )
      .executeTakeFirst();
    if (!found) {
      throw new Invalid(
        'unknown_owner',
        {
          fr: 'Ce responsable n’a pas de compte dans l’établissement : choisissez un compte ou indiquez un nom libre.',
          en: 'This owner has no account in the organization: pick an account or give a free name.',
        },
        'ownerAccountId',
      );
    }
  }

  record(trx: Db, ctx: RequestContext, action: string, id: string, orgId: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'action',
      entityId: id,
      organizationId: orgId,
      before,
      after,
    });
  }
}
