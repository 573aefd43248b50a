import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { CSV_BOM, csvLine } from '../identity/people-csv.js';
import type { AttentionFlag, MemberDashboard, TerritoryDashboard } from './dashboard-schema.js';

// The committee reads one line per member: its figures where it shares them, "not shared" where it
// does not, "< 5" where a group is too small to show, and why it deserves attention.

const words = {
  fr: {
    title: 'Tableau de bord du territoire',
    generated: 'Édité le',
    member: 'Membre',
    maturity: 'Maturité',
    diagnosedOn: 'Diagnostic du',
    training: 'Formation (% terminé)',
    phishingReport: 'Hameçonnage : signalé %',
    phishingClick: 'Hameçonnage : cliqué %',
    suppliers: 'Prestataires critiques audités %',
    overdueAudits: 'Audits en retard',
    exercise: 'Dernier exercice',
    actionsOpen: 'Actions ouvertes',
    actionsOverdue: 'Actions en retard',
    actionsDone: 'Terminées (90 j)',
    flags: 'Points d’attention',
    notShared: 'non partagé',
    small: '< 5',
    none: '—',
    lead: 'établissement support',
    total: 'Ensemble des membres qui partagent',
    rule: 'Seuls les domaines que chaque membre a choisi de partager figurent ici. Aucun résultat individuel ; les groupes de moins de 5 personnes ne sont pas chiffrés.',
    flag: {
      no_recent_diagnostic: 'pas de diagnostic depuis 12 mois',
      no_exercise_this_year: 'pas d’exercice cette année',
      crisis_kit_stale: 'kit de crise de plus de trois mois',
      overdue_actions: 'actions en retard',
    },
  },
  en: {
    title: 'Territory dashboard',
    generated: 'Issued on',
    member: 'Member',
    maturity: 'Maturity',
    diagnosedOn: 'Diagnostic of',
    training: 'Training (% completed)',
    phishingReport: 'Phishing: reported %',
    phishingClick: 'Phishing: clicked %',
    suppliers: 'Critical providers audited %',
    overdueAudits: 'Overdue audits',
    exercise: 'Last exercise',
    actionsOpen: 'Open actions',
    actionsOverdue: 'Overdue actions',
    actionsDone: 'Done (90 days)',
    flags: 'Attention',
    notShared: 'not shared',
    small: '< 5',
    none: '—',
    lead: 'lead establishment',
    total: 'All sharing members',
    rule: 'Only the domains each member chose to share appear here. No individual result; groups under 5 people show no figure.',
    flag: {
      no_recent_diagnostic: 'no diagnostic for 12 months',
      no_exercise_this_year: 'no exercise this year',
      crisis_kit_stale: 'crisis kit older than three months',
      overdue_actions: 'overdue actions',
    },
  },
} as const;

type W = (typeof words)[Locale];
const num = (v: number | null | undefined, w: W) => (v === null || v === undefined ? w.none : String(v));

/** The cells of one member, in the column order of `headers`. */
function cells(m: MemberDashboard, w: W): string[] {
  const ns = w.notShared;
  const t = m.training.value;
  const p = m.phishing.value;
  const s = m.suppliers.value;
  const a = m.actions.value;
  const d = m.maturity.value;
  return [
    m.isLead ? `${m.name} (${w.lead})` : m.name,
    !m.maturity.shared ? ns : num(d?.score, w),
    !m.maturity.shared ? ns : (d?.completedAt.slice(0, 10) ?? w.none),
    !m.training.shared ? ns : t?.suppressed ? w.small : num(t?.completionRate, w),
    !m.phishing.shared ? ns : p?.suppressed ? w.small : num(p?.reportRate, w),
    !m.phishing.shared ? ns : p?.suppressed ? w.small : num(p?.clickRate, w),
    !m.suppliers.shared ? ns : num(s?.coverageRate, w),
    !m.suppliers.shared ? ns : num(s?.overdueAudits, w),
    !m.exercises.shared ? ns : (m.exercises.value?.lastExerciseOn ?? w.none),
    !m.actions.shared ? ns : num(a?.open, w),
    !m.actions.shared ? ns : num(a?.overdue, w),
    !m.actions.shared ? ns : num(a?.doneLast90Days, w),
    m.flags.map((f: AttentionFlag) => w.flag[f]).join(', '),
  ];
}

const headers = (w: W) => [
  w.member,
  w.maturity,
  w.diagnosedOn,
  w.training,
  w.phishingReport,
  w.phishingClick,
  w.suppliers,
  w.overdueAudits,
  w.exercise,
  w.actionsOpen,
  w.actionsOverdue,
  w.actionsDone,
  w.flags,
];

function totalCells(d: TerritoryDashboard, w: W): string[] {
  const t = d.totals;
  return [
    w.total,
    num(t.maturity.averageScore, w),
    '',
    t.training.suppressed ? w.small : num(t.training.completionRate, w),
    t.phishing.suppressed ? w.small : num(t.phishing.reportRate, w),
    t.phishing.suppressed ? w.small : num(t.phishing.clickRate, w),
    num(t.suppliers.coverageRate, w),
    String(t.suppliers.overdueAudits),
    '',
    String(t.actions.open),
    String(t.actions.overdue),
    String(t.actions.doneLast90Days),
    String(t.flagged),
  ];
}

export function dashboardCsv(d: TerritoryDashboard, locale: Locale): string {
  const w = words[locale];
  return CSV_BOM + csvLine(headers(w)) + d.members.map((m) => csvLine(cells(m, w))).join('') + csvLine(totalCells(d, w));
}

/** A landscape A4 table for the security committee, repeated headers on each page. */
export async function dashboardPdf(d: TerritoryDashboard, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const doc = await pdfDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `${w.title} — ${d.territory.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 36;
  const widths = [150, 44, 56, 52, 52, 52, 56, 44, 52, 44, 44, 44, 80];
  const bottom = 595 - 48;
  doc.font('Helvetica-Bold').fontSize(15).fillColor('#1c3d5a').text(`${w.title} — ${d.territory.name}`, left, 36);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('black')
    .text(`${w.generated} ${d.generatedAt.slice(0, 10)}`)
    .moveDown(0.3);
  doc.fontSize(8).fillColor('#444').text(w.rule, { width: 770 }).moveDown(0.6).fillColor('black');

  const row = (values: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: widths[i]! - 4 }))) + 6;
    if (doc.y + height > bottom) {
      doc.addPage();
      row(headers(w), true);
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    }
    const y = doc.y;
    let x = left;
    values.forEach((v, i) => {
      doc.text(v, x + 2, y + 3, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  row(headers(w), true);
  for (const m of d.members) row(cells(m, w), false);
  row(totalCells(d, w), true);
  doc.end();
  return done;
}
