import type { AppDeps, RequestContext } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { EvidenceTooLarge, EvidenceTypeRefused, storedName } from '../suppliers/evidence-service.js';
import { mediaTypes, sniffEvidence } from '../suppliers/evidence-sniff.js';
import { EvidenceStore } from '../suppliers/evidence-store.js';
import type { ActionsService } from './service.js';

/**
 * Evidence that an action is done (a signed procedure, a screenshot...): the same store and the
 * same content sniffing as the provider audits' evidence, so a renamed executable is refused here too.
 */
export class ActionEvidence {
  private readonly store: EvidenceStore;
  constructor(
    private readonly deps: AppDeps,
    private readonly actions: ActionsService,
  ) {
    this.store = new EvidenceStore(deps.config.FILES_DIR);
  }

  async upload(ctx: RequestContext, orgId: string, actionId: string, bytes: Buffer, fileName: string | undefined) {
    const { db, clock, config } = this.deps;
    await this.actions.row(db, orgId, actionId);
    if (bytes.length === 0) throw new Invalid('file_empty', { fr: 'Le fichier est vide.', en: 'The file is empty.' }, 'file');
    if (bytes.length > config.EVIDENCE_MAX_BYTES) throw new EvidenceTooLarge(config.EVIDENCE_MAX_BYTES);
    const kind = sniffEvidence(bytes);
    if (!kind) throw new EvidenceTypeRefused();
    const { storageKey, sha256 } = await this.store.put(bytes);
    try {
      const row = await db.transaction().execute(async (trx) => {
        const action = await this.actions.row(trx, orgId, actionId);
        const at = clock.now().toISOString();
        const ev = {
          id: newId(),
          action_id: action.id,
          file_name: storedName(fileName, kind),
          media_type: mediaTypes[kind],
          size: bytes.length,
          sha256,
          storage_key: storageKey,
          uploaded_by: ctx.actor?.accountId ?? null,
          uploaded_at: at,
        };
        await trx.insertInto('action_evidence').values(ev).execute();
        await trx.updateTable('actions').set({ updated_at: at }).where('id', '=', action.id).execute();
        await this.actions.record(trx, ctx, 'actions.evidence.uploaded', action.id, orgId, null, {
          evidenceId: ev.id,
          fileName: ev.file_name,
          mediaType: ev.media_type,
          size: ev.size,
          sha256,
        });
        return ev;
      });
      return { id: row.id, fileName: row.file_name, mediaType: row.media_type, size: row.size, uploadedAt: row.uploaded_at };
    } catch (err) {
      await this.store.remove(storageKey);
      throw err;
    }
  }

  async download(orgId: string, actionId: string, evidenceId: string) {
    const action = await this.actions.row(this.deps.db, orgId, actionId);
    const row = await this.deps.db
      .selectFrom('action_evidence')
      .selectAll()
      .where('id', '=', evidenceId)
      .where('action_id', '=', action.id)
      .executeTakeFirst();
    if (!row) throw new NotFound('evidence');
    return { fileName: row.file_name, mediaType: row.media_type, bytes: await this.store.get(row.storage_key) };
  }
}
