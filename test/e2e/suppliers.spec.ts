import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, type BrowserContext, expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { latestMailTo } from './helpers.js';
import { orgIdByName } from './phishing-api.js';
import {
  addMonths,
  api,
  builtWith,
  type Calendar,
  freshSiret,
  type Grid,
  parisToday,
  pdfText,
  type Question,
  suppliersAdmin,
  tinyPdf,
} from './suppliers-api.js';
import { adminPage, rateAndOpenFinding } from './suppliers-ui.js';

// The check (issue 5, "Checks", first bullet): an admin records a provider and a contract
// with an audit clause, the audit shows in the calendar; the provider's contact opens the notice's
// magic link in chromium, answers, uploads evidence and submits; the auditor opens a finding; the
// PDF report holds the answers, read as text.
test.describe.configure({ mode: 'serial' });

const ORG = 'CHU de Rivemont';
const GRID = 'remote-maintenance';
// Recognisable values, found nowhere else: typed by the provider, searched for in the report.
const MARK = randomBytes(4).toString('hex');
const PROVIDER = `Télémaintenance Armor e2e-${MARK}`;
const CONTACT = `contact.e2e-${MARK}@armor-maintenance.test`;
const TYPED_ANSWER = `Accès par VPN avec MFA e2e-${MARK}`;
const TYPED_COMMENT = `Journaux gardés un an e2e-${MARK}`;
const FINDING = `Intervenants sans second facteur e2e-${MARK}`;
// The provider's choices in the remote-maintenance grid (others: "Oui"). "Autre moyen" asks
// "Lequel ?", a free text; "Non" to two-factor authentication is the non-conformity to follow.
const CHOICES: Record<string, string> = { 'remote-method': 'Autre moyen', 'remote-on-request': 'Partiellement', 'remote-mfa': 'Non' };
const TEXT_Q = 'remote-method-other';
const EVIDENCE_Q = 'remote-logging';

// The pages are built in parallel with this spec: the browser half of a step runs once the built
// front end has it, else the same step goes through the API.
const hasCalendarPage = builtWith('Calendrier des audits');
const hasReviewPage = builtWith('Commencer la revue');

let admin: APIRequestContext;
let adminUi: BrowserContext | null = null;
const adminContext = async (browser: Browser) => {
  adminUi ??= await browser.newContext({ storageState: await admin.storageState(), locale: 'fr-FR' });
  return adminUi;
};
let orgId = '';
let base = '';
let questions: Question[] = [];
const ids = { supplier: '', contract: '', audit: '' };
let dueOn = '';

const calendarItem = async () => {
  const cal = await api<Calendar>(admin, 'GET', `${base}/calendar`);
  return [...cal.upcoming, ...cal.overdue].find((i) => i.contractId === ids.contract);
};

test.beforeAll(async () => {
  admin = await suppliersAdmin(E2E.app, E2E.dataDir);
  orgId = await orgIdByName(admin, ORG);
  base = `/api/orgs/${orgId}/suppliers`;
  const grid = await api<Grid>(admin, 'GET', `${base}/grids/${GRID}`);
  questions = grid.definition.sections.flatMap((s) => s.questions);
  expect(questions.map((q) => q.id)).toEqual(expect.arrayContaining([...Object.keys(CHOICES), TEXT_Q, EVIDENCE_Q]));
});

test.afterAll(async () => {
  await adminUi?.close();
  await admin?.dispose();
});

test('an admin records a provider and a contract with an audit clause; the audit is due in the calendar', async ({ browser }) => {
  const { siren, siret } = freshSiret();
  const supplier = await api<{ id: string; siren: string; criticality: { effective: number } }>(admin, 'POST', base, {
    name: PROVIDER,
    siren,
    siret,
    services: 'Télémaintenance des automates de laboratoire',
    handlesHealthData: true,
    dataVolume: '1k_100k',
    storageLocations: ['FR'],
    processingLocations: ['FR'],
    remoteMaintenance: true,
    remoteMaintenanceDetails: 'Connexion à la demande par la passerelle du CHU',
    dependency: 'high',
    systemAccess: 'remote',
  });
  ids.supplier = supplier.id;
  expect(supplier.siren).toBe(siren);
  // Health data of 1,000+ people (3) + high dependency (2) + remote access (2): tier 1.
  expect(supplier.criticality.effective).toBe(1);
  await api(admin, 'POST', `${base}/${ids.supplier}/contacts`, { name: 'Gwenaëlle Le Bihan', email: CONTACT, role: 'security' });

  // Started nine months ago, audited yearly: due in about three months, after the calendar job's
  // planning horizon (notice + 30 days), so the audit launched below is the only one.
  const startsOn = addMonths(parisToday(), -9);
  const contract = await api<{ id: string; auditClause: { gridId: string; payer: string } | null }>(
    admin,
    'POST',
    `${base}/${ids.supplier}/contracts`,
    {
      reference: `TM-${MARK}`,
      title: 'Maintenance à distance des automates',
      startsOn,
      renewal: 'tacit',
      noticeDays: 90,
      incidentNotificationHours: 24,
      clauses: [{ key: 'audit', present: true, reference: 'art. 11' }],
      auditClause: {
        frequencyMonths: 12,
        gridId: GRID,
        noticeDays: 15,
        payer: 'provider_if_breach',
        costCapEur: null,
        fixDeadlineDays: 30,
        triggers: ['incident', 'breach'],
        hdsReportDelayDays: null,
      },
    },
  );
  ids.contract = contract.id;
  expect(contract.auditClause).toMatchObject({ gridId: GRID, payer: 'provider_if_breach' });

  const item = await calendarItem();
  expect(item, 'the contract in the calendar').toMatchObject({ state: 'due', kind: 'scheduled', auditId: null, gridId: GRID });
  expect(item!.dueOn).toBe(addMonths(startsOn, 12));
  dueOn = item!.dueOn;

  if (hasCalendarPage) {
    // The calendar page lists it, and launching it there plans the audit.
    const page = await adminPage(await adminContext(browser), ORG);
    await page.goto('/suppliers/calendar');
    await expect(page.getByRole('link', { name: PROVIDER })).toBeVisible();
    await page.getByRole('button', { name: `Lancer l'audit de ${PROVIDER}` }).click();
    await page.waitForURL(/\/suppliers\/audits\/[\w-]+$/);
    ids.audit = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.close();
  } else {
    const audit = await api<{ id: string }>(admin, 'POST', `${base}/audits`, {
      supplierId: ids.supplier,
      contractId: ids.contract,
      gridId: GRID,
      dueOn,
    });
    ids.audit = audit.id;
  }
  expect(await calendarItem()).toMatchObject({ state: 'planned', auditId: ids.audit, dueOn });
});

test('opening the audit mails the contact a sign-in link', async () => {
  const opened = await api<{ status: string; noticesSent: number; noticeFailures: string[] }>(
    admin,
    'POST',
    `${base}/audits/${ids.audit}/open`,
  );
  expect(opened).toMatchObject({ status: 'open', noticesSent: 1, noticeFailures: [] });
  expect(await calendarItem()).toMatchObject({ state: 'open', auditId: ids.audit });
});

test('the contact answers in the portal, attaches a PDF and hands the answers over', async ({ browser }) => {
  const mail = await latestMailTo(CONTACT, /auth\/magic\?token=/);
  expect(mail.subject).toContain('Audit à compléter');
  const link = mail.text.match(/https?:\/\/\S+\/auth\/magic\?token=[\w-]+/)?.[0];
  expect(link, 'the magic link in the notice').toBeTruthy();

  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(new RegExp(`/portal/audits/${ids.audit}$`));
  await expect(page.getByText(`Demandé par ${ORG}`)).toBeVisible();

  // Question by question in the grid's order: each answer may bring the next ones into view.
  const answered: string[] = [];
  for (const q of questions) {
    const name = q.text.fr;
    const field =
      q.type === 'text' ? page.getByRole('textbox', { name, exact: true }) : page.getByRole('radiogroup', { name, exact: true });
    if (!(await field.isVisible())) continue;
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/answers/${q.id}`));
    if (q.type === 'text') {
      await field.fill(TYPED_ANSWER);
      await field.blur();
    } else {
      await field.getByRole('radio', { name: CHOICES[q.id] ?? 'Oui', exact: true }).check();
    }
    expect((await saved).status()).toBe(200);
    answered.push(q.id);
  }
  // "Oui" to remote access brings up every other question; "Autre moyen" its free text.
  expect(answered).toEqual(questions.map((q) => q.id));
  await expect(page.getByText('Brouillon enregistré')).toHaveCount(answered.length);

  // A comment and a file on the logging question.
  const logging = questions.find((q) => q.id === EVIDENCE_Q)!;
  const card = page
    .locator('section[aria-labelledby^="q-"]')
    .filter({ has: page.getByRole('radiogroup', { name: logging.text.fr, exact: true }) });
  const withComment = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/answers/${EVIDENCE_Q}`));
  await card.getByRole('textbox', { name: 'Commentaire (facultatif)' }).fill(TYPED_COMMENT);
  await card.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  expect((await withComment).status()).toBe(200);
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: `Ajouter un fichier — ${logging.text.fr}` }).click();
  await (await chooser).setFiles({ name: 'journal-interventions.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(card.getByText('« journal-interventions.pdf » est joint.')).toBeVisible();

  await page.getByRole('button', { name: 'Remettre mes réponses' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Oui, remettre' }).click();
  await expect(page.getByText('Lecture seule')).toBeVisible();
  await expect(dialog).toBeHidden();
  await context.close();

  // What the establishment received: the answers as typed, the file as sent.
  const audit = await api<{
    status: string;
    answers: Array<{ questionId: string; value: unknown; comment: string }>;
    evidence: Array<{ questionId: string; fileName: string; mediaType: string }>;
  }>(admin, 'GET', `${base}/audits/${ids.audit}`);
  expect(audit.status).toBe('submitted');
  expect(audit.answers.map((a) => a.questionId).toSorted()).toEqual(answered.toSorted());
  expect(audit.answers.find((a) => a.questionId === TEXT_Q)?.value).toBe(TYPED_ANSWER);
  expect(audit.answers.find((a) => a.questionId === 'remote-mfa')?.value).toBe('no');
  expect(audit.answers.find((a) => a.questionId === EVIDENCE_Q)?.comment).toBe(TYPED_COMMENT);
  expect(audit.evidence).toEqual([
    expect.objectContaining({ questionId: EVIDENCE_Q, fileName: 'journal-interventions.pdf', mediaType: 'application/pdf' }),
  ]);
});

test('the auditor rates the answers and opens a finding on the missing second factor', async ({ browser }) => {
  const mfa = questions.find((q) => q.id === 'remote-mfa')!;
  if (hasReviewPage) {
    const page = await adminPage(await adminContext(browser), ORG);
    await rateAndOpenFinding(page, ids.audit, mfa.text.fr, {
      note: 'Comptes partagés, sans second facteur',
      title: FINDING,
      rootCause: 'Outil de prise en main sans authentification forte',
    });
    await page.close();
  } else {
    await api(admin, 'POST', `${base}/audits/${ids.audit}/review`);
    await api(admin, 'PUT', `${base}/audits/${ids.audit}/answers/remote-mfa/rating`, {
      rating: 'non_compliant',
      note: 'Comptes partagés, sans second facteur',
    });
    await api(admin, 'POST', `${base}/audits/${ids.audit}/findings`, {
      questionId: 'remote-mfa',
      title: FINDING,
      severity: 'high',
      rootCause: 'Outil de prise en main sans authentification forte',
    });
  }
  // The other answers rated through the API: what matters here is the report that follows.
  await api(admin, 'PUT', `${base}/audits/${ids.audit}/answers/${TEXT_Q}/rating`, { rating: 'partial', note: 'VPN à documenter' });
  const review = await api<{ audit: { status: string; reviewedAt: string } }>(admin, 'GET', `${base}/audits/${ids.audit}/review`);
  expect(review.audit.status).toBe('in_review');
  const findings = await api<{ items: Array<{ questionId: string; title: string; severity: string; status: string; dueOn: string }> }>(
    admin,
    'GET',
    `${base}/audits/${ids.audit}/findings`,
  );
  expect(findings.items).toEqual([expect.objectContaining({ questionId: 'remote-mfa', title: FINDING, severity: 'high', status: 'open' })]);
  // The clause gives 30 days to fix, from the start of the review.
  const reviewDay = new Date(`${review.audit.reviewedAt.slice(0, 10)}T00:00:00Z`);
  const due = new Date(findings.items[0]!.dueOn).getTime() - reviewDay.getTime();
  expect(Math.round(due / 86_400_000)).toBeGreaterThanOrEqual(29);
  expect(Math.round(due / 86_400_000)).toBeLessThanOrEqual(31);
});

test('the PDF report holds the provider’s answers', async () => {
  const res = await admin.get(`${base}/audits/${ids.audit}/report.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await res.body());
  for (const expected of [
    PROVIDER,
    `TM-${MARK}`,
    `Réponse : ${TYPED_ANSWER}`,
    `Commentaire du prestataire : ${TYPED_COMMENT}`,
    'Réponse : non',
    'Réponse : Autre moyen',
    'Appréciation : non conforme',
    'Note de l’auditeur : Comptes partagés, sans second facteur',
    FINDING,
  ]) {
    expect(text, `report text holds "${expected}"`).toContain(expected);
  }
});
