import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { pdfText } from '../support/pdf-text.js';
import { expectAccessible } from './helpers.js';
import { apiCall as api, operatorAdmin, signInByMagicLink as signIn } from './operator-admin.js';
import { builtWith } from './suppliers-api.js';

// Issue 7's check: a territory exercise played by two browsers. The animator belongs to the lead
// establishment, the player to ANOTHER member: the player receives a spare stimulus live, without
// reloading, writes in the shared logbook, and the PDF report holds both.
test.describe.configure({ mode: 'serial' });

// The animation console is built in parallel with this spec: the animator uses it once the built
// front end has it, else the API.
const hasConsole = builtWith('Stimuli de réserve');

const MARK = randomBytes(4).toString('hex');
const LEAD = `CH de Rivemont e2e-${MARK}`;
const MEMBER = `CH de Valbrune e2e-${MARK}`;
const GHT = `GHT Rive et Val e2e-${MARK}`;
const ANIMATOR = `animation.e2e-${MARK}@ch-rivemont.test`;
const PLAYER = `dsi.e2e-${MARK}@ch-valbrune.test`;
const LOGBOOK_LINE = `10h12 : serveur du laboratoire isolé du réseau, éditeur prévenu (${MARK})`;

type Bi = { fr: string; en: string };
interface Exercise {
  id: string;
  status: string;
  cells: Array<{ id: string; organizationId: string; scenarioCellId: string }>;
  chronogram: Array<{
    stimulusId: string;
    id: string;
    status: string;
    spare?: boolean;
    target: { cellId: string };
    subject: Bi;
    media?: { source: Bi; headline: Bi };
  }>;
}

let operator: APIRequestContext;
let animator: APIRequestContext;
let player: APIRequestContext;
let phone: BrowserContext;
let page: Page;
let desk: BrowserContext;
let consolePage: Page;
let territoryId = '';
let exercise: Exercise;
let memberCell = '';
let base = '';

const signInByMagicLink = (email: string) => signIn(E2E.app, email);

const accountId = async (ctx: APIRequestContext) => (await api<{ account: { id: string } }>(ctx, 'GET', '/api/me')).account.id;

test.beforeAll(async ({ browser }) => {
  operator = await operatorAdmin(E2E.app, E2E.dataDir, `e2e.exercices-${MARK}@rempart.test`, 'Admin e2e exercices');
  const lead = await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: LEAD, kind: 'ch', city: 'Rivemont' });
  const member = await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: MEMBER, kind: 'ch', city: 'Valbrune' });
  const ght = await api<{ id: string }>(operator, 'POST', '/api/territories', { name: GHT, kind: 'ght' });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${lead.id}`, { isLead: true });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${member.id}`, { isLead: false });
  // The animator works at the lead establishment and animates the GHT's exercises; the player is staff of the member.
  await api(operator, 'POST', `/api/orgs/${lead.id}/grants`, { email: ANIMATOR, role: 'learner' });
  await api(operator, 'POST', `/api/territories/${ght.id}/grants`, { email: ANIMATOR, role: 'exercise_animator' });
  await api(operator, 'POST', `/api/orgs/${member.id}/grants`, { email: PLAYER, role: 'learner' });
  animator = await signInByMagicLink(ANIMATOR);
  player = await signInByMagicLink(PLAYER);

  territoryId = ght.id;
  base = `/api/territories/${ght.id}/exercises`;
  exercise = await api<Exercise>(animator, 'POST', base, {
    scenarioId: 'lab-software-provider',
    title: `Exercice territorial e2e-${MARK}`,
    cells: [{ organizationId: lead.id }, { organizationId: member.id }],
  });
  memberCell = exercise.cells.find((c) => c.organizationId === member.id)!.id;
  await api(animator, 'POST', `${base}/${exercise.id}/participants`, { accountId: await accountId(animator), function: 'animator' });
  await api(animator, 'POST', `${base}/${exercise.id}/participants`, {
    accountId: await accountId(player),
    cellId: memberCell,
    function: 'it_director',
  });
  // The player's personal phone.
  phone = await browser.newContext({
    storageState: await player.storageState(),
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  page = await phone.newPage();
  desk = await browser.newContext({ storageState: await animator.storageState(), locale: 'fr-FR' });
  consolePage = await desk.newPage();
});

test.afterAll(async () => {
  await phone?.close();
  await desk?.close();
  for (const ctx of [operator, animator, player]) await ctx?.dispose();
});

test('the player of another establishment receives a spare stimulus live and writes in the logbook', async () => {
  const one = `${base}/${exercise.id}`;
  if (hasConsole) {
    await consolePage.goto(`/exercises/t/${territoryId}/${exercise.id}/console`);
    await consolePage.getByRole('button', { name: 'Démarrer', exact: true }).click();
    const confirm = consolePage.getByRole('dialog', { name: 'Démarrer l’exercice ?' });
    await confirm.getByRole('button', { name: 'Démarrer', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(consolePage.getByRole('button', { name: 'Mettre en pause' })).toBeVisible();
  } else {
    await api(animator, 'POST', `${one}/play/start`);
  }
  expect((await api<{ status: string }>(animator, 'GET', one)).status).toBe('running');

  await page.goto('/exercises/mine');
  await page.getByRole('link', { name: 'Ouvrir l’espace joueur' }).click();
  await page.waitForURL(`**/exercises/play/${exercise.id}/${memberCell}`);
  await expect(page.getByRole('heading', { level: 1, name: `Exercice territorial e2e-${MARK}` })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('En direct');
  await expect(page.getByText('Aucun stimulus reçu pour l’instant', { exact: false })).toBeVisible();
  await expectAccessible(page, 'the players’ space');
  // A marker on the window: it would vanish with a reload.
  await page.evaluate(() => {
    (window as unknown as { e2eNoReload: boolean }).e2eNoReload = true;
  });

  const spare = exercise.chronogram.find((s) => s.spare && s.target.cellId === 'member');
  expect(spare, 'a spare stimulus for the member cells').toBeTruthy();
  let sentAt = Date.now();
  if (hasConsole) {
    const row = consolePage
      .locator('div')
      .filter({ has: consolePage.getByText(spare!.subject.fr, { exact: true }) })
      .filter({ has: consolePage.getByRole('button', { name: 'Jouer maintenant' }) })
      .last();
    await row.getByRole('button', { name: 'Jouer maintenant' }).click();
    const dialog = consolePage.getByRole('dialog', { name: `Jouer ${spare!.id} maintenant` });
    // By default the stimulus goes to the cells playing its target: the member's cell only.
    await expect(dialog.getByRole('checkbox', { name: new RegExp(MEMBER) })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: new RegExp(LEAD) })).not.toBeChecked();
    sentAt = Date.now();
    await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
  } else {
    await api(animator, 'POST', `${one}/play/stimuli/${spare!.stimulusId}/send`, { cellIds: [memberCell] });
  }
  const card = page.getByTestId('stimulus').filter({ hasText: spare!.subject.fr });
  await expect(card).toBeVisible();
  console.log(`spare stimulus on the player's screen ${Date.now() - sentAt} ms after the animator's ${hasConsole ? 'click' : 'request'}`);
  await expect(card.getByText('Nouveau', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Nouveau stimulus` })).toHaveText(new RegExp(spare!.subject.fr.slice(0, 20)));
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  await expectAccessible(page, 'the players’ space with a stimulus');

  await card.getByRole('button', { name: /Répondre à/ }).click();
  await card.getByLabel('Votre réponse').fill(`Nous coupons l’accès distant de l’éditeur (${MARK}).`);
  await card.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(card.getByText(`Nous coupons l’accès distant de l’éditeur (${MARK}).`)).toBeVisible();

  await page.getByRole('tab', { name: 'Main courante' }).click();
  await page.getByLabel('Nouvelle ligne de main courante').fill(LOGBOOK_LINE);
  await page.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  await expect(page.getByRole('list', { name: 'Main courante' }).getByText(LOGBOOK_LINE)).toBeVisible();

  await page.getByRole('tab', { name: 'Tâches' }).click();
  await page.getByLabel('Nouvelle tâche').fill(`Prévenir la biologie de passer en mode dégradé (${MARK})`);
  await page.getByLabel('Confiée à (facultatif)').fill('Cadre du laboratoire');
  await page.getByRole('button', { name: 'Ajouter la tâche' }).click();
  const task = page.getByRole('checkbox', { name: new RegExp(`Prévenir la biologie.*${MARK}`) });
  await expect(task).not.toBeChecked();
  await task.check();
  await expect(task).toBeChecked();

  await page.getByRole('tab', { name: 'Animateurs' }).click();
  await page.getByLabel('Message aux animateurs').fill(`Faut-il prévenir l’ARS dès maintenant ? (${MARK})`);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Animateurs' }).getByText(`(${MARK})`)).toBeVisible();
  // The animators answer in the chat: the player sees it arrive without reloading.
  await api(animator, 'POST', `${one}/play/cells/${memberCell}/messages`, { text: `Oui, appelez l’astreinte de l’ARS. (${MARK}-r)` });
  await expect(page.getByText(`Oui, appelez l’astreinte de l’ARS. (${MARK}-r)`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // The animators read the cell's logbook through their own route.
  const journal = await api<{ items: Array<{ kind: string; text: string; authorName: string }> }>(
    animator,
    'GET',
    `${one}/play/cells/${memberCell}/journal?kind=logbook`,
  );
  expect(journal.items.map((e) => e.text)).toContain(LOGBOOK_LINE);
  const tasks = await api<{ items: Array<{ text: string; assignee: string; status: string }> }>(
    animator,
    'GET',
    `${one}/play/cells/${memberCell}/journal?kind=task`,
  );
  expect(tasks.items).toEqual([expect.objectContaining({ assignee: 'Cadre du laboratoire', status: 'done' })]);
});

test('the media page shows the social post delivered, and the players’ space turns read-only at the end', async () => {
  const post = exercise.chronogram.find((s) => !s.spare && s.target.cellId === 'member' && s.media && s.status === 'pending');
  expect(post, 'a press or social stimulus for the member cells').toBeTruthy();
  await api(animator, 'POST', `${base}/${exercise.id}/play/stimuli/${post!.stimulusId}/send`, { cellIds: [memberCell] });
  await page.getByRole('link', { name: /Ouvrir la page médias/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Médias simulés' })).toBeVisible();
  await expect(page.getByTestId('media-item').filter({ hasText: post!.media!.headline.fr })).toBeVisible();
  await expectAccessible(page, 'the media page');
  await page.getByRole('link', { name: 'Retour à l’espace joueurs' }).click();
  await expect(page.getByTestId('connection')).toHaveText('En direct');

  await api(animator, 'POST', `${base}/${exercise.id}/play/end`);
  await expect(page.getByText('L’exercice est terminé. Cet espace est en lecture seule.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Répondre à/ })).toHaveCount(0);
});

test('the PDF report holds the stimulus and the logbook line', async () => {
  const res = await animator.get(`${base}/${exercise.id}/report.pdf`);
  expect(res.status()).toBe(200);
  const text = pdfText(await res.body()).replace(/\s+/g, ' ');
  const spare = exercise.chronogram.find((s) => s.spare && s.target.cellId === 'member')!;
  expect(text).toContain(spare.subject.fr.replace(/\s+/g, ' '));
  expect(text).toContain(LOGBOOK_LINE);
});
