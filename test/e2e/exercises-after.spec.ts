import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { pdfText } from '../support/pdf-text.js';
import { expectAccessible } from './helpers.js';
import { apiCall as api, operatorAdmin, signInByMagicLink as signIn } from './operator-admin.js';

// Issue 7, after the exercise: an observer's grid, a player's anonymous questionnaire, the
// animator's debrief page up to the closing (lessons become actions) and the report; then, for an
// establishment, a real incident's declaration clocks and the crisis kit, each with its PDF.
test.describe.configure({ mode: 'serial' });

const MARK = randomBytes(4).toString('hex');
const LEAD = `CH de Rivemont après-${MARK}`;
const MEMBER = `CH de Valbrune après-${MARK}`;
const ANIMATOR = `animation.apres-${MARK}@ch-rivemont.test`;
const OBSERVER = `observation.apres-${MARK}@ch-rivemont.test`;
const PLAYER = `dsi.apres-${MARK}@ch-valbrune.test`;
const LESSON = `Tenir à jour la liste des accès distants des éditeurs (${MARK})`;
const PLAYER_LESSON = `Imprimer les procédures dégradées du laboratoire (${MARK})`;
const ROSTER_NAME = `Claire Verdier ${MARK}`;

let operator: APIRequestContext;
let animator: APIRequestContext;
let observer: APIRequestContext;
let player: APIRequestContext;
let leadId = '';
let ghtId = '';
let exerciseId = '';
let memberCell = '';

const signInByMagicLink = (email: string) => signIn(E2E.app, email);

const accountId = async (ctx: APIRequestContext) => (await api<{ account: { id: string } }>(ctx, 'GET', '/api/me')).account.id;

/** A browser page signed in as `ctx`, the establishment `orgId` chosen in the header. */
async function pageFor(browser: Browser, ctx: APIRequestContext, orgId?: string): Promise<Page> {
  const context = await browser.newContext({ storageState: await ctx.storageState(), locale: 'fr-FR', acceptDownloads: true });
  if (orgId) await context.addInitScript((id) => window.localStorage.setItem('rempart_scope_org', id), orgId);
  return context.newPage();
}

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return pdfText(await readFile(path)).replace(/\s+/g, ' ');
}

test.beforeAll(async () => {
  operator = await operatorAdmin(E2E.app, E2E.dataDir, `e2e.apres-${MARK}@rempart.test`, 'Admin e2e après');
  const lead = await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: LEAD, kind: 'ch', city: 'Rivemont' });
  const member = await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: MEMBER, kind: 'ch', city: 'Valbrune' });
  const ght = await api<{ id: string }>(operator, 'POST', '/api/territories', { name: `GHT après-${MARK}`, kind: 'ght' });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${lead.id}`, { isLead: true });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${member.id}`, { isLead: false });
  await api(operator, 'POST', `/api/orgs/${lead.id}/grants`, { email: ANIMATOR, role: 'learner' });
  await api(operator, 'POST', `/api/territories/${ght.id}/grants`, { email: ANIMATOR, role: 'exercise_animator' });
  await api(operator, 'POST', `/api/orgs/${lead.id}/grants`, { email: OBSERVER, role: 'learner' });
  await api(operator, 'POST', `/api/orgs/${member.id}/grants`, { email: PLAYER, role: 'learner' });
  animator = await signInByMagicLink(ANIMATOR);
  observer = await signInByMagicLink(OBSERVER);
  player = await signInByMagicLink(PLAYER);
  leadId = lead.id;
  ghtId = ght.id;

  const base = `/api/territories/${ght.id}/exercises`;
  const exercise = await api<{
    id: string;
    cells: Array<{ id: string; organizationId: string }>;
    chronogram: Array<{ stimulusId: string; spare?: boolean; target: { cellId: string } }>;
  }>(animator, 'POST', base, {
    scenarioId: 'lab-software-provider',
    title: `Exercice après e2e-${MARK}`,
    cells: [{ organizationId: lead.id }, { organizationId: member.id }],
  });
  exerciseId = exercise.id;
  memberCell = exercise.cells.find((c) => c.organizationId === member.id)!.id;
  const one = `${base}/${exercise.id}`;
  await api(animator, 'POST', `${one}/participants`, { accountId: await accountId(animator), function: 'animator' });
  await api(animator, 'POST', `${one}/participants`, { accountId: await accountId(observer), function: 'observer' });
  await api(animator, 'POST', `${one}/participants`, { accountId: await accountId(player), cellId: memberCell, function: 'it_director' });
  // Played through the API: the console and the players' space have their own spec.
  await api(animator, 'POST', `${one}/play/start`);
  const stimulus = exercise.chronogram.find((s) => !s.spare && s.target.cellId === 'member')!;
  await api(animator, 'POST', `${one}/play/stimuli/${stimulus.stimulusId}/send`, { cellIds: [memberCell] });
  await api(player, 'POST', `/api/me/exercises/${exercise.id}/cells/${memberCell}/logbook`, {
    text: `Incident détecté sur le serveur du laboratoire (${MARK})`,
    category: 'detection',
  });
  await api(animator, 'POST', `${one}/play/end`);
});

test.afterAll(async () => {
  for (const ctx of [operator, animator, observer, player]) await ctx?.dispose();
});

test('an observer rates an objective and a player answers the questionnaire anonymously', async ({ browser }) => {
  // Observers walk between the cells' rooms: a phone.
  const page = await pageFor(browser, observer);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/exercises/observe/${exerciseId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Observation – Exercice après e2e-${MARK}` })).toBeVisible();
  const objective = page.locator('section').first();
  await objective.getByText('3', { exact: true }).click();
  await objective.getByLabel('Note').fill(`La cellule a prévenu l’ARS sans attendre (${MARK})`);
  await objective.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(objective.getByText(`La cellule a prévenu l’ARS sans attendre (${MARK})`)).toBeVisible();
  await expect(objective.getByText('Votre dernière évaluation : 3 – largement atteint')).toBeVisible();
  await expectAccessible(page, 'the observers’ grid');
  await page.context().close();

  const phone = await pageFor(browser, player);
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`/exercises/lessons/${exerciseId}`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Retour d’expérience' })).toBeVisible();
  await phone.getByLabel('La leçon que vous retenez').fill(PLAYER_LESSON);
  await expect(phone.getByLabel('Répondre anonymement')).toBeChecked();
  await phone.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(phone.getByRole('status')).toHaveText('Merci, votre réponse est enregistrée.');
  await expectAccessible(phone, 'the lessons questionnaire');
  await phone.context().close();
});

test('the animator reads times and evaluations, adds a lesson, closes, and gets the report', async ({ browser }) => {
  const page = await pageFor(browser, animator);
  await page.goto(`/exercises/t/${ghtId}/${exerciseId}/after`);
  await expect(page.getByRole('heading', { level: 1, name: `Après l’exercice : Exercice après e2e-${MARK}` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: MEMBER }).filter({ hasText: 'Détection' })).toContainText('min');
  await expect(page.getByText(/Observateurs\s:\s3\s·\sAnimateurs\s:\s—\s\(sur 4\)\s·\s1 note$/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: PLAYER_LESSON })).toContainText('(anonyme)');
  await expectAccessible(page, 'the after page');

  await page.getByLabel('Nouvelle leçon').fill(LESSON);
  await page.getByRole('combobox', { name: 'Établissement (cellule)' }).click();
  await page.getByRole('option', { name: new RegExp(LEAD) }).click();
  await page.getByRole('button', { name: 'Ajouter la leçon' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: LESSON })).toBeVisible();

  await page.getByRole('button', { name: 'Clore l’exercice' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clore l’exercice ?' });
  await dialog.getByRole('button', { name: 'Clore l’exercice' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Exercice clos')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: LESSON })).toContainText('dans le plan d’action');
  await expectAccessible(page, 'the after page once closed');

  const actions = await api<{ items: Array<{ title: string; sourceKind: string }> }>(operator, 'GET', `/api/orgs/${leadId}/actions`);
  expect(actions.items.filter((a) => a.sourceKind === 'exercise').map((a) => a.title)).toContainEqual(expect.stringContaining(MARK));

  const text = await downloadedText(page, () => page.getByRole('link', { name: 'Télécharger le rapport (PDF)' }).click());
  expect(text).toContain(LESSON);
  await page.context().close();
});

test('an establishment opens an incident, sees the three clocks, and prints the declaration and the crisis kit', async ({ browser }) => {
  const page = await pageFor(browser, operator, leadId);
  await page.goto('/exercises/incidents/new');
  await page.getByLabel('Intitulé de l’incident').fill(`Rançongiciel sur la messagerie (${MARK})`);
  await page.getByRole('button', { name: 'Ouvrir l’incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Déclaration : Rançongiciel sur la messagerie (${MARK})` })).toBeVisible();
  for (const step of ['Alerte précoce (24 h)', 'Notification (72 h)', 'Rapport final (un mois)']) {
    await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText(/^Reste /)).toHaveCount(3);
  await expectAccessible(page, 'the declaration page');
  const declaration = await downloadedText(page, () => page.getByRole('link', { name: 'Contenu de la déclaration (PDF)' }).click());
  expect(declaration).toContain('CERT Santé');

  await page.goto('/exercises/crisis-kit');
  await expect(page.getByRole('heading', { level: 1, name: 'Kit de crise' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  await page.getByLabel('Nom').last().fill(ROSTER_NAME);
  await page.getByLabel('Fonction').last().fill('Directrice de garde');
  await page.getByLabel('Téléphone').last().fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Enregistré.');
  await expectAccessible(page, 'the crisis kit page');
  const kit = await downloadedText(page, () => page.getByRole('button', { name: 'Générer le kit (PDF)' }).click());
  expect(kit).toContain(ROSTER_NAME);
  await expect(page.getByText(/^Dernière génération\s:/)).toBeVisible();
  await page.context().close();
});
