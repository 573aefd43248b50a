/**
 * A large provider register for bench/suppliers-dashboard.ts, written with prepared statements in
 * one SQLite transaction: providers with tiers and HDS certificates, contracts with their clause
 * checklist and (most of them) an audit clause, audits in every state, findings of every severity.
 * Named gen-* so `npm run bench` skips it.
 */
import type { DbHandle } from '../src/server/db/index.js';
import { newId } from '../src/server/platform/ids.js';

const DAY = 86_400_000;
const GDPR = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((p) => `gdpr_28_${p}`);
const OTHER_CLAUSES = ['hds_hosting', 'incident_notification', 'reversibility', 'subcontracting_authorisation'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const AUDIT_STATES = ['planned', 'planned', 'open', 'submitted', 'in_review', 'remediation', 'closed', 'closed', 'cancelled'];

export interface SuppliersData {
  suppliers: number;
  contracts: number;
  clauses: number;
  auditClauses: number;
  certificates: number;
  audits: number;
  findings: number;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function insertSuppliersData(
  dbh: DbHandle,
  orgId: string,
  n: { suppliers: number; contracts: number },
  random: () => number,
): SuppliersData {
  const sqlite = dbh.sqlite;
  if (!sqlite) throw new Error('SQLite only');
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const gridId = newId();
  const grid = JSON.stringify({
    sections: [
      {
        id: 's1',
        title: { fr: 'Section', en: 'Section' },
        questions: [{ id: 'q1', text: { fr: 'Q', en: 'Q' }, type: 'yes_no', weight: 1, evidence: 'none' }],
      },
    ],
  });
  const out: SuppliersData = { suppliers: 0, contracts: 0, clauses: 0, auditClauses: 0, certificates: 0, audits: 0, findings: 0 };
  const stmt = {
    grid: sqlite.prepare(
      `insert into supplier_grids (id, organization_id, origin, forked_from, version, title_fr, title_en, definition, archived, created_at, updated_at)
       values (?, ?, 'custom', null, 1, 'Grille', 'Grid', ?, 0, ?, ?)`,
    ),
    supplier: sqlite.prepare(
      `insert into suppliers (id, organization_id, provider_organization_id, name, siren, siret, services, handles_health_data, data_volume,
         storage_locations, processing_locations, remote_maintenance, remote_maintenance_details, dependency, system_access,
         criticality_computed, criticality_override, criticality_reason, archived, created_at, updated_at)
       values (?, ?, null, ?, ?, null, 'Services', ?, 'over_100k', '["FR"]', '["FR"]', 1, '', 'high', 'remote', ?, ?, ?, ?, ?, ?)`,
    ),
    cert: sqlite.prepare(
      `insert into supplier_hds_certificates (id, supplier_id, activities, certifying_body, certificate_number, issued_on, expires_on,
         alert_90_sent_at, alert_30_sent_at, created_at) values (?, ?, '[1,2,3]', 'Organisme', ?, ?, ?, null, null, ?)`,
    ),
    contract: sqlite.prepare(
      `insert into supplier_contracts (id, supplier_id, organization_id, reference, title, starts_on, ends_on, renewal, notice_days,
         incident_notification_hours, archived, created_at, updated_at) values (?, ?, ?, ?, 'Contrat', ?, ?, 'tacit', 90, 24, ?, ?, ?)`,
    ),
    clause: sqlite.prepare(
      `insert into supplier_contract_clauses (contract_id, clause_key, present, reference, note) values (?, ?, ?, 'art. 1', '')`,
    ),
    auditClause: sqlite.prepare(
      `insert into supplier_audit_clauses (contract_id, frequency_months, grid_id, notice_days, payer, cost_cap_eur, fix_deadline_days,
         triggers, hds_report_delay_days, updated_at) values (?, 12, ?, 15, ?, ?, 30, '["incident"]', null, ?)`,
    ),
    audit: sqlite.prepare(
      `insert into supplier_audits (id, supplier_id, organization_id, contract_id, kind, trigger_reason, status, title, due_on,
         notice_sent_at, grid_id, grid_version, grid_snapshot, shared, provider_agreed_shared_at, opened_at, submitted_at, reviewed_at,
         closed_at, payer, auditor_account_id, created_at, updated_at)
       values (?, ?, ?, ?, 'scheduled', null, ?, 'Audit annuel', ?, null, ?, 1, ?, 0, null, null, null, null, null, 'establishment', null, ?, ?)`,
    ),
    finding: sqlite.prepare(
      `insert into supplier_findings (id, audit_id, organization_id, question_id, title, description, severity, root_cause, status, due_on,
         closed_at, created_at, updated_at) values (?, ?, ?, null, 'Écart', '', ?, '', ?, ?, null, ?, ?)`,
    ),
  };
  sqlite.transaction(() => {
    stmt.grid.run(gridId, orgId, grid, iso, iso);
    const suppliers: string[] = [];
    for (let i = 0; i < n.suppliers; i++) {
      const id = newId();
      const health = random() < 0.6;
      const tier = health ? 1 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3);
      const override = random() < 0.05 ? 1 + Math.floor(random() * 4) : null;
      const siren = String(100_000_000 + Math.floor(random() * 899_999_999));
      stmt.supplier.run(
        id,
        orgId,
        `Prestataire ${i + 1}`,
        siren,
        health ? 1 : 0,
        tier,
        override,
        override ? 'Comité' : null,
        random() < 0.03 ? 1 : 0,
        iso,
        iso,
      );
      suppliers.push(id);
      if (health && random() < 0.85) {
        const expires = now + Math.floor((random() * 3 - 0.5) * 365) * DAY;
        stmt.cert.run(newId(), id, `HDS-${i}`, day(expires - 3 * 365 * DAY), day(expires), iso);
        out.certificates++;
      }
    }
    out.suppliers = suppliers.length;
    for (let i = 0; i < n.contracts; i++) {
      const id = newId();
      const supplierId = suppliers[i % suppliers.length] as string;
      const start = now - Math.floor(random() * 5 * 365) * DAY;
      const ends = random() < 0.4 ? null : day(start + Math.floor(1 + random() * 5) * 365 * DAY);
      stmt.contract.run(id, supplierId, orgId, `CT-${i + 1}`, day(start), ends, random() < 0.02 ? 1 : 0, iso, iso);
      out.contracts++;
      const complete = random() < 0.6;
      for (const key of [...GDPR, ...OTHER_CLAUSES]) {
        if (!complete && random() < 0.3) continue;
        stmt.clause.run(id, key, complete || random() < 0.8 ? 1 : 0);
        out.clauses++;
      }
      if (random() < 0.7) {
        stmt.auditClause.run(id, gridId, pick(['establishment', 'provider', 'provider_if_breach']), random() < 0.5 ? 5000 : null, iso);
        out.auditClauses++;
        // About one audit clause in three has an audit on record; a few have a past one too.
        const audits = random() < 0.35 ? (random() < 0.3 ? 2 : 1) : 0;
        for (let k = 0; k < audits; k++) {
          const auditId = newId();
          const status = pick(AUDIT_STATES);
          const due = day(now + Math.floor((random() * 2 - 1) * 200) * DAY);
          stmt.audit.run(auditId, supplierId, orgId, id, status, due, gridId, grid, iso, iso);
          out.audits++;
          if (status === 'in_review' || status === 'remediation' || status === 'closed') {
            const findings = Math.floor(random() * 4);
            for (let f = 0; f < findings; f++) {
              const fStatus = status === 'closed' ? 'closed' : pick(['open', 'plan_proposed', 'plan_agreed', 'closed']);
              stmt.finding.run(
                newId(),
                auditId,
                orgId,
                pick(SEVERITIES),
                fStatus,
                day(now + Math.floor((random() - 0.5) * 120) * DAY),
                iso,
                iso,
              );
              out.findings++;
            }
          }
        }
      }
    }
  })();
  return out;
}
