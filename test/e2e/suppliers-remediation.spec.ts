import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { latestMailTo } from './helpers.js';
import { apiCall, operatorAdmin } from './operator-admin.js';
import { orgIdByName } from './phishing-api.js';
import { addMonths, builtWith, freshSiret, parisToday, tinyPdf } from './suppliers-api.js';
import { adminPage } from './suppliers-ui.js';

// The provider's side of a remediation plan (issue 5): the audit is brought up to the auditor's
// finding through the API; in chromium the provider's contact, signed in by the notice's magic
// link, proposes a two-step plan; the establishment agrees through the API; the contact marks the
// first step done with a PDF; the API then shows the step done with its proof.
test.describe.configure({ mode: 'serial' });

const ORG = 'CHU de Rivemont';
const MARK = randomBytes(4).toString('hex');
const PROVIDER = `Imagerie Kerlann e2e-${MARK}`;
const CONTACT = `rssi.e2e-${MARK}@kerlann-imagerie.test`;
const FINDING = `Comptes de maintenance partagés e2e-${MARK}`;
const STEPS = [
  { description: `Créer un compte nominatif par intervenant e2e-${MARK}`, dueOn: addMonths(parisToday(), 1) },
  { description: `Activer le second facteur sur la passerelle e2e-${MARK}`, dueOn: addMonths(parisToday(), 2) },
];
const QUESTION = { fr: 'Chaque intervenant a-t-il un compte nominatif ?', en: 'Does each technician have a named account?' };

interface Finding {
  id: string;
  status: string;
  steps: Array<{ id: string; description: string; dueOn: string; status: string; doneAt: string | null }>;
  evidence: Array<{ id: string; fileName: string; mediaType: string }>;
}

let admin: APIRequestContext;
let contact: BrowserContext;
let page: Page;
let base = '';
const ids = { audit: '', finding: '' };

/** A call in the contact's own session (the browser's cookies, CSRF header included). */
async function asContact<T>(method: 'GET' | 'PUT' | 'POST', url: string, data?: unknown): Promise<T> {
  const csrf = (await contact.cookies()).find((c) => c.name === 'rempart_csrf')?.value ?? '';
  const res = await contact.request.fetch(url, { method, headers: { 'x-csrf-token': csrf }, ...(data !== undefined ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

const findingNow = () => apiCall<Finding>(admin, 'GET', `${base}/findings/${ids.finding}`);
const card = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: FINDING }) });

test.beforeAll(async ({ browser }) => {
  // Its own operator: the demo administrators' second factor belongs to other specs.
  admin = await operatorAdmin(E2E.app, E2E.dataDir, 'e2e.remediation@rempart.test', 'Admin e2e remédiation');
  base = `/api/orgs/${await orgIdByName(admin, ORG)}/suppliers`;
  contact = await browser.newContext({ locale: 'fr-FR' });
});

test.afterAll(async () => {
  await contact?.close();
  await admin?.dispose();
});

test('the audit reaches a finding: opened, answered by the contact, reviewed', async () => {
  const grid = await apiCall<{ id: string }>(admin, 'POST', `${base}/grids`, {
    title: { fr: `Accès distants e2e-${MARK}`, en: `Remote access e2e-${MARK}` },
    definition: {
      sections: [
        {
          id: 'access',
          title: { fr: 'Accès', en: 'Access' },
          questions: [{ id: 'named-accounts', text: QUESTION, type: 'yes_no', weight: 3, evidence: 'none' }],
        },
      ],
    },
  });
  const { siren, siret } = freshSiret();
  const supplier = await apiCall<{ id: string }>(admin, 'POST', base, {
    name: PROVIDER,
    siren,
    siret,
    services: 'Maintenance à distance des modalités d’imagerie',
    handlesHealthData: true,
    dataVolume: '1k_100k',
    storageLocations: ['FR'],
    processingLocations: ['FR'],
    remoteMaintenance: true,
    remoteMaintenanceDetails: 'Prise en main par la passerelle du CHU',
    dependency: 'high',
    systemAccess: 'remote',
  });
  await apiCall(admin, 'POST', `${base}/${supplier.id}/contacts`, { name: 'Yann Kerlann', email: CONTACT, role: 'security' });
  const audit = await apiCall<{ id: string }>(admin, 'POST', `${base}/audits`, {
    supplierId: supplier.id,
    gridId: grid.id,
    dueOn: addMonths(parisToday(), 1),
  });
  ids.audit = audit.id;
  await apiCall(admin, 'POST', `${base}/audits/${ids.audit}/open`);

  // The contact signs in from the notice, as in suppliers.spec.ts, and answers in their session.
  const mail = await latestMailTo(CONTACT, /auth\/magic\?token=/);
  const link = mail.text.match(/https?:\/\/\S+\/auth\/magic\?token=[\w-]+/)?.[0];
  expect(link, 'the magic link in the notice').toBeTruthy();
  page = await contact.newPage();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(new RegExp(`/portal/audits/${ids.audit}$`));
  // Before the review there is nothing to remediate: no section.
  await expect(page.getByRole('radiogroup', { name: QUESTION.fr, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plan d’action' })).toHaveCount(0);
  await asContact('PUT', `/api/portal/audits/${ids.audit}/answers/named-accounts`, { value: 'no' });
  await asContact('POST', `/api/portal/audits/${ids.audit}/submit`);

  await apiCall(admin, 'POST', `${base}/audits/${ids.audit}/review`);
  // Under review without findings yet: the section says there is nothing to fix.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Plan d’action' }).getByText('Aucun écart relevé')).toBeVisible();
  await apiCall(admin, 'PUT', `${base}/audits/${ids.audit}/answers/named-accounts/rating`, { rating: 'non_compliant' });
  const finding = await apiCall<Finding>(admin, 'POST', `${base}/audits/${ids.audit}/findings`, {
    questionId: 'named-accounts',
    title: FINDING,
    description: 'Un seul compte « maintenance » est partagé par toute l’équipe du prestataire.',
    severity: 'high',
    dueOn: addMonths(parisToday(), 3),
  });
  ids.finding = finding.id;
  expect(finding.status).toBe('open');
});

test('the contact proposes a two-step plan in the portal', async () => {
  await page.reload();
  const section = page.getByRole('region', { name: 'Plan d’action' });
  await expect(section).toBeVisible();
  await expect(card().getByText('Gravité élevée')).toBeVisible();
  await expect(card().getByText('Plan à proposer')).toBeVisible();

  await card().getByRole('button', { name: 'Proposer un plan' }).click();
  // Sent empty: the form names the fields before anything leaves the browser.
  await card().getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(card().getByText('Décrivez l’action à mener.')).toBeVisible();
  await expect(card().getByText('Indiquez une échéance.')).toBeVisible();
  await expect(card().getByRole('textbox', { name: 'Étape 1 : action à mener' })).toBeFocused();

  await card().getByRole('textbox', { name: 'Étape 1 : action à mener' }).fill(STEPS[0]!.description);
  await card().getByLabel('Étape 1 : échéance').fill(STEPS[0]!.dueOn);
  await card().getByRole('button', { name: 'Ajouter une étape' }).click();
  await card().getByRole('textbox', { name: 'Étape 2 : action à mener' }).fill(STEPS[1]!.description);
  await card().getByLabel('Étape 2 : échéance').fill(STEPS[1]!.dueOn);
  const sent = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/findings/${ids.finding}/plan`));
  await card().getByRole('button', { name: 'Envoyer la proposition' }).click();
  expect((await sent).status()).toBe(200);
  await expect(card().getByText('Proposition envoyée : l’établissement doit la valider.')).toBeVisible();
  await expect(card().getByText('Plan proposé', { exact: true })).toBeVisible();
  // Its own proposal: the contact may change it, never accept it.
  await expect(card().getByRole('button', { name: 'Modifier ma proposition' })).toBeVisible();
  await expect(card().getByRole('button', { name: 'Accepter le plan' })).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="remediation-heading"]').analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(serious, 'axe on the remediation section').toEqual([]);

  const proposed = await findingNow();
  expect(proposed.status).toBe('plan_proposed');
  expect(proposed.steps.map((s) => ({ description: s.description, dueOn: s.dueOn, status: s.status }))).toEqual(
    STEPS.map((s) => ({ ...s, status: 'todo' })),
  );
});

test('the establishment agrees; the contact marks the first step done with a PDF', async () => {
  const agreed = await apiCall<Finding>(admin, 'POST', `${base}/findings/${ids.finding}/plan/agree`);
  expect(agreed.status).toBe('plan_agreed');

  // The page still shows the proposal as changeable: the server's refusal is shown as it words it.
  await card().getByRole('button', { name: 'Modifier ma proposition' }).click();
  await card().getByRole('button', { name: 'Envoyer la proposition' }).click();
  await expect(card().getByRole('alert').filter({ hasText: 'Le plan de remédiation est déjà convenu' })).toBeVisible();

  await page.reload();
  await expect(card().getByText('Plan convenu')).toBeVisible();
  await expect(card().getByRole('button', { name: 'Modifier ma proposition' })).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await card()
    .getByRole('button', { name: `Joindre la preuve et marquer faite — étape 1 de « ${FINDING} »` })
    .click();
  await (await chooser).setFiles({ name: 'comptes-nominatifs.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(card().getByText('Étape 1 marquée faite avec « comptes-nominatifs.pdf ».')).toBeVisible();
  await expect(card().getByText('1 étape(s) faite(s) sur 2')).toBeVisible();
  await expect(card().getByRole('link', { name: 'comptes-nominatifs.pdf' })).toBeVisible();
  // The second step still waits for its proof.
  await expect(card().getByRole('button', { name: `Joindre la preuve et marquer faite — étape 2 de « ${FINDING} »` })).toBeVisible();

  const after = await findingNow();
  expect(after.status).toBe('plan_agreed');
  expect(after.steps.map((s) => s.status)).toEqual(['done', 'todo']);
  expect(after.steps[0]!.doneAt).toBeTruthy();
  expect(after.evidence).toEqual([expect.objectContaining({ fileName: 'comptes-nominatifs.pdf', mediaType: 'application/pdf' })]);
});

test('the establishment sees the step done on its review page', async ({ browser }) => {
  test.skip(!builtWith('Commencer la revue'), 'the review page is not in this build');
  const ui = await browser.newContext({ storageState: await admin.storageState(), locale: 'fr-FR' });
  try {
    const review = await adminPage(ui, ORG);
    await review.goto(`/suppliers/audits/${ids.audit}/review`);
    const steps = review.getByRole('list', { name: `Plan d'action : ${FINDING}` });
    await expect(steps.getByRole('listitem')).toHaveCount(2);
    await expect(steps.getByRole('listitem').first()).toContainText(STEPS[0]!.description);
    await expect(steps.getByRole('listitem').first()).toContainText('faite le');
    await expect(steps.getByRole('listitem').nth(1)).not.toContainText('faite le');
  } finally {
    await ui.close();
  }
});

test('on a phone, the contact accepts a plan the establishment proposed, after confirming', async () => {
  const title = `Journaux d'accès non conservés e2e-${MARK}`;
  const second = await apiCall<Finding>(admin, 'POST', `${base}/audits/${ids.audit}/findings`, {
    title,
    severity: 'medium',
    dueOn: addMonths(parisToday(), 3),
  });
  const step = `Conserver un an les journaux de la passerelle e2e-${MARK}`;
  await apiCall(admin, 'PUT', `${base}/findings/${second.id}/plan`, { steps: [{ description: step, dueOn: addMonths(parisToday(), 2) }] });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(item.getByText(step)).toBeVisible();
  await expect(item.getByText('L’établissement vous propose ce plan.')).toBeVisible();
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await item.getByRole('button', { name: 'Accepter le plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accepter ce plan ?' });
  await expect(dialog).toContainText(title);
  await dialog.getByRole('button', { name: 'Oui, j’accepte ce plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(item.getByText('Plan convenu')).toBeVisible();
  await expect(item.getByRole('button', { name: `Joindre la preuve et marquer faite — étape 1 de « ${title} »` })).toBeVisible();
  expect((await apiCall<Finding>(admin, 'GET', `${base}/findings/${second.id}`)).status).toBe('plan_agreed');
});
