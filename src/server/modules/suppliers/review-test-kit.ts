/** Test-only scenes for the review part's tests (imported by *.test.ts beside this file). */

import {
  makeAnswer,
  makeAudit,
  makeAuditClause,
  makeContract,
  makeGrid,
  makeSupplier,
} from '../../../../test/support/suppliers-review-factory.js';
import type { Db } from '../../db/index.js';
import type { GridDefinition } from './grid-definition.js';
import type { AuditStatus, ClausePayer } from './tables.js';

/** Two sections, weights 3/1 and 2, one question answered by choice. */
export const reviewGrid: GridDefinition = {
  sections: [
    {
      id: 'governance',
      title: { fr: 'Gouvernance', en: 'Governance' },
      questions: [
        {
          id: 'q1',
          text: { fr: 'Politique de sécurité signée ?', en: 'Signed security policy?' },
          type: 'yes_no',
          weight: 3,
          evidence: 'optional',
        },
        { id: 'q2', text: { fr: 'Référent sécurité nommé ?', en: 'Security officer named?' }, type: 'yes_no', weight: 1, evidence: 'none' },
      ],
    },
    {
      id: 'backups',
      title: { fr: 'Sauvegardes', en: 'Backups' },
      questions: [
        {
          id: 'q3',
          text: { fr: 'Fréquence des sauvegardes', en: 'Backup frequency' },
          type: 'single',
          options: [
            { id: 'daily', label: { fr: 'Quotidienne', en: 'Daily' } },
            { id: 'weekly', label: { fr: 'Hebdomadaire', en: 'Weekly' } },
          ],
          weight: 2,
          evidence: 'required',
        },
      ],
    },
  ],
};

/** A provider with a contract (and, unless `clause: false`, an audit clause) and an audit answered q1 yes, q2 no, q3 daily. */
export async function auditScene(
  db: Db,
  orgId: string,
  over: {
    clause?: boolean;
    payer?: ClausePayer;
    capEur?: number | null;
    fixDays?: number;
    status?: AuditStatus;
    reviewedAt?: string | null;
    supplierName?: string;
  } = {},
) {
  const supplier = await makeSupplier(db, orgId, over.supplierName ? { name: over.supplierName } : {});
  const grid = await makeGrid(db, orgId, reviewGrid);
  const contract = await makeContract(db, orgId, supplier.id);
  if (over.clause !== false) {
    await makeAuditClause(db, contract.id, grid.id, {
      ...(over.payer ? { payer: over.payer } : {}),
      ...(over.capEur !== undefined ? { capEur: over.capEur } : {}),
      ...(over.fixDays !== undefined ? { fixDays: over.fixDays } : {}),
    });
  }
  const audit = await makeAudit(db, {
    orgId,
    supplierId: supplier.id,
    gridId: grid.id,
    contractId: contract.id,
    status: over.status ?? 'submitted',
    reviewed_at: over.reviewedAt ?? null,
    payer: over.clause === false ? null : (over.payer ?? 'establishment'),
    grid: reviewGrid,
  });
  await makeAnswer(db, audit.id, 'q1', 'yes', 'Signée en 2025');
  await makeAnswer(db, audit.id, 'q2', 'no');
  await makeAnswer(db, audit.id, 'q3', 'daily');
  return { supplierId: supplier.id, gridId: grid.id, contractId: contract.id, auditId: audit.id };
}
