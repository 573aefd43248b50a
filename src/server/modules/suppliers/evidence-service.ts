import { auditActor, type RequestContext } from '../../platform/context.js';
import { DomainError, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ModuleDeps } from '../index.js';
import { auditForOrg, auditForProvider } from './audits-access.js';
import { presentEvidence, snapshotOf } from './audits-present.js';
import { type AuditRow, auditsRepo, type EvidenceRow } from './audits-repo.js';
import { extensions, mediaTypes, sniffEvidence } from './evidence-sniff.js';
import { EvidenceStore } from './evidence-store.js';
import { questionsOf } from './grid-definition.js';
import { lockOpenAudit, submittedError } from './portal-service.js';

/** 413 on the `file` field: larger than EVIDENCE_MAX_BYTES. */
export class EvidenceTooLarge extends DomainError {
  readonly status = 413;
  constructor(max: number) {
    const mib = (max / 1_048_576).toFixed(1).replace(/\.0$/, '');
    super('file_too_large', { fr: `Le fichier dépasse ${mib} Mio.`, en: `The file is larger than ${mib} MiB.` }, 'file');
  }
}

/** 415 on the `file` field: the bytes are none of the allowed kinds, whatever the name says. */
export class EvidenceTypeRefused extends DomainError {
  readonly status = 415;
  constructor() {
    super(
      'file_type_refused',
      {
        fr: 'Type de fichier refusé : envoyez un PDF, une image PNG ou JPEG, un classeur XLSX, un document DOCX ou un fichier CSV ou texte.',
        en: 'File type refused: send a PDF, a PNG or JPEG image, an XLSX workbook, a DOCX document or a CSV or text file.',
      },
      'file',
    );
  }
}

export interface Upload {
  bytes: Buffer;
  fileName?: string | undefined;
  questionId?: string | undefined;
  findingId?: string | undefined;
}

/** A name safe to show and to offer on download, ending with the extension of what the file really is. */
export function storedName(raw: string | undefined, kind: keyof typeof extensions): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters and quotes would break the download header or fool a file list.
  const clean = [...last].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"').join('');
  const base = clean.trim().slice(0, 200) || 'preuve';
  const ext = base.includes('.') ? (base.split('.').pop() ?? '').toLowerCase() : '';
  return extensions[kind].includes(ext) ? base : `${base}.${extensions[kind][0]}`;
}

/** Evidence files of audits: uploaded by the provider, read by both sides, stored by content hash and random key. */
export class EvidenceService {
  readonly store: EvidenceStore;
  constructor(private readonly deps: ModuleDeps) {
    this.store = new EvidenceStore(deps.config.FILES_DIR);
  }

  /** The provider adds a file to an open audit (a question or the whole audit), or to a finding under remediation. */
  async upload(ctx: RequestContext, providerOrgs: string[], auditId: string, up: Upload) {
    const { db, clock, config } = this.deps;
    const first = await auditForProvider(db, providerOrgs, auditId);
    this.checkTarget(first, up);
    if (up.bytes.length === 0) {
      throw new Invalid('file_empty', { fr: 'Le fichier est vide.', en: 'The file is empty.' }, 'file');
    }
    if (up.bytes.length > config.EVIDENCE_MAX_BYTES) throw new EvidenceTooLarge(config.EVIDENCE_MAX_BYTES);
    const kind = sniffEvidence(up.bytes);
    if (!kind) throw new EvidenceTypeRefused();
    const { storageKey, sha256 } = await this.store.put(up.bytes);
    try {
      return await db.transaction().execute(async (trx) => {
        const audit = await auditForProvider(trx, providerOrgs, auditId);
        const stamp = clock.now().toISOString();
        if (up.findingId) await this.checkFinding(trx, audit, up.findingId);
        else await lockOpenAudit(trx, audit, stamp);
        const row: EvidenceRow = {
          id: newId(),
          audit_id: auditId,
          question_id: up.questionId ?? null,
          finding_id: up.findingId ?? null,
          file_name: storedName(up.fileName, kind),
          media_type: mediaTypes[kind],
          size: up.bytes.length,
          sha256,
          storage_key: storageKey,
          uploaded_by: ctx.actor?.accountId ?? null,
          uploaded_at: stamp,
        };
        await auditsRepo.insertEvidence(trx, row);
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: 'suppliers.evidence.uploaded',
          entityType: 'supplier_evidence',
          entityId: row.id,
          organizationId: audit.organization_id,
          after: {
            auditId,
            questionId: row.question_id,
            findingId: row.finding_id,
            fileName: row.file_name,
            mediaType: row.media_type,
            size: row.size,
            sha256,
          },
        });
        return presentEvidence(row);
      });
    } catch (err) {
      await this.store.remove(storageKey);
      throw err;
    }
  }

  /** Draft only: a file attached by mistake can go while the audit is open. */
  async remove(ctx: RequestContext, providerOrgs: string[], auditId: string, evidenceId: string): Promise<void> {
    const { db, clock } = this.deps;
    const key = await db.transaction().execute(async (trx) => {
      const audit = await auditForProvider(trx, providerOrgs, auditId);
      const row = await auditsRepo.evidenceById(trx, auditId, evidenceId);
      if (!row) throw new NotFound('evidence');
      if (row.finding_id) throw submittedError();
      await lockOpenAudit(trx, audit, clock.now().toISOString());
      await auditsRepo.deleteEvidence(trx, evidenceId);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.evidence.deleted',
        entityType: 'supplier_evidence',
        entityId: evidenceId,
        organizationId: audit.organization_id,
        before: { auditId, questionId: row.question_id, fileName: row.file_name, sha256: row.sha256 },
      });
      return row.storage_key;
    });
    await this.store.remove(key);
  }

  async listForProvider(providerOrgs: string[], auditId: string) {
    await auditForProvider(this.deps.db, providerOrgs, auditId);
    return (await auditsRepo.evidence(this.deps.db, auditId)).map(presentEvidence);
  }

  async downloadForProvider(providerOrgs: string[], auditId: string, evidenceId: string) {
    await auditForProvider(this.deps.db, providerOrgs, auditId);
    return this.read(auditId, evidenceId);
  }

  /** The establishment's download; a participant only once the provider agreed to the sharing. */
  async downloadForOrg(orgId: string, auditId: string, evidenceId: string) {
    const { audit, lead } = await auditForOrg(this.deps.db, orgId, auditId);
    if (!lead && !audit.provider_agreed_shared_at) throw new NotFound('evidence');
    return this.read(auditId, evidenceId);
  }

  private async read(auditId: string, evidenceId: string) {
    const row = await auditsRepo.evidenceById(this.deps.db, auditId, evidenceId);
    if (!row) throw new NotFound('evidence');
    return { row, bytes: await this.store.get(row.storage_key) };
  }

  private checkTarget(audit: AuditRow, up: Upload): void {
    if (up.questionId && !questionsOf(snapshotOf(audit).definition).some((q) => q.id === up.questionId)) {
      throw new Invalid(
        'unknown_question',
        { fr: "Cette question n'est pas dans la grille de l'audit.", en: "This question is not in the audit's grid." },
        'questionId',
      );
    }
  }

  private async checkFinding(trx: ModuleDeps['db'], audit: AuditRow, findingId: string): Promise<void> {
    const finding = await trx
      .selectFrom('supplier_findings')
      .select('id')
      .where('id', '=', findingId)
      .where('audit_id', '=', audit.id)
      .executeTakeFirst();
    if (!finding)
      throw new Invalid(
        'unknown_finding',
        { fr: "Cet écart n'appartient pas à l'audit.", en: 'This finding does not belong to the audit.' },
        'findingId',
      );
    if (audit.status !== 'remediation' && audit.status !== 'in_review') {
      throw new Invalid(
        'finding_not_in_remediation',
        {
          fr: "Les preuves de correction se joignent pendant le plan d'action.",
          en: 'Remediation evidence is attached during the remediation plan.',
        },
        'findingId',
      );
    }
  }
}
