import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { call, orgIdByName, phishingAdmin } from './phishing-api.js';

// Journey 1's last step in the browser: the security officer schedules a first campaign over two
// weeks, business hours only, excluding the emergency department, then sees it scheduled. The
// launch is tomorrow, so nothing is sent while the rest of the suite runs.
test.describe.configure({ mode: 'serial' });

const ORG = 'Centre hospitalier de Bréval-sur-Seine';
const PROFILE = `Relais de l'établissement (heures ouvrées) ${Date.now()}`;
const NAME = `Première campagne e2e ${Date.now()}`;

let admin: APIRequestContext;
let orgId = '';

test.beforeAll(async () => {
  admin = await phishingAdmin(E2E.app, E2E.dataDir, 'e2e.assistant.campagne@rempart.test');
  orgId = await orgIdByName(admin, ORG);
  // The sending profile is the library's business (its own pages): here it already exists.
  await call(admin, 'POST', `/api/orgs/${orgId}/phishing/profiles`, {
    name: PROFILE,
    host: '127.0.0.1',
    port: 2590,
    tlsMode: 'none',
    fromName: 'Service informatique',
    fromAddress: 'informatique@ch-breval.test',
    ratePerMinute: 30,
    windowDays: [1, 2, 3, 4, 5],
    windowStart: '08:00',
    windowEnd: '18:00',
    timeZone: 'Europe/Paris',
    extraHeaders: [],
  });
});

test.afterAll(async () => {
  await admin?.dispose();
});

/** By keyboard, as many users do; a click could land elsewhere while the preview frame lays out. */
async function nextStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Étape suivante' }).press('Enter');
}

async function chooseOrganization(page: Page): Promise<void> {
  await page.goto('/');
  const switcher = page.getByRole('combobox', { name: 'Établissement' });
  if ((await switcher.inputValue()) !== ORG) {
    await switcher.click();
    await switcher.fill('Bréval');
    await page.getByRole('option', { name: ORG }).click();
    await expect(switcher).toHaveValue(ORG);
  }
}

test('the security officer schedules a two-week campaign without the emergency department', async ({ browser }) => {
  const context = await browser.newContext({ storageState: await admin.storageState(), locale: 'fr-FR' });
  const page = await context.newPage();
  await chooseOrganization(page);
  await page.goto('/phishing/campaigns/new');

  // 1. Template: a catalogue one, previewed in its sandboxed frame.
  // The page settles once the header's organization and its settings are read: wait for the list.
  const templates = page.getByRole('radiogroup', { name: 'Modèle de courriel' });
  await expect(templates.getByRole('radio').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Nom de la campagne' }).fill(NAME);
  await templates.getByRole('radio').first().check();
  const preview = page.frameLocator('iframe[title="Aperçu du courriel simulé"]');
  await expect(preview.locator('a').first()).toBeVisible();
  expect(await page.locator('iframe[title="Aperçu du courriel simulé"]').getAttribute('sandbox')).toBe('');
  await nextStep(page);

  // 2. What follows the click: the template's own landing page and module are fine.
  await expect(page.getByText('Page affichée après le clic', { exact: true })).toBeVisible();
  await nextStep(page);

  // 3. Everyone but the emergency department; the count follows.
  await page.getByRole('radio', { name: 'Tout le personnel' }).check();
  const count = page.getByTestId('target-count');
  await expect(count).toContainText(/\d/);
  const everyone = Number((await count.textContent())!.replace(/\D/g, ''));
  const excluded = page.getByRole('combobox', { name: 'Services exclus' });
  await excluded.fill('Urgences');
  await excluded.press('Enter');
  await expect.poll(async () => Number((await count.textContent())!.replace(/\D/g, ''))).toBeLessThan(everyone);
  await nextStep(page);

  // 4. Business hours through the profile, spread over fourteen days from tomorrow 9:00.
  await page.getByRole('combobox', { name: "Profil d'envoi" }).selectOption({ label: `${PROFILE} (informatique@ch-breval.test)` });
  await expect(page.getByTestId('profile-window')).toContainText('08:00');
  await page.getByRole('button', { name: '14 jours' }).click();
  await nextStep(page);

  // 5. Review and launch, after a confirmation that says how many people and when.
  await page.getByRole('button', { name: 'Lancer la campagne' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/personnes/);
  await dialog.getByRole('button', { name: 'Confirmer le lancement' }).click();

  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  const campaign = await call<{ id: string; name: string; status: string }>(admin, 'GET', `/api/orgs/${orgId}/phishing/campaigns/${id}`);
  expect(campaign.name).toBe(NAME);
  expect(campaign.status).toBe('scheduled');
  const full = await call<{ targets: { exclude?: { services?: string[] } }; launchAt: string; spreadUntil: string }>(
    admin,
    'GET',
    `/api/orgs/${orgId}/phishing/campaigns/${campaign.id}`,
  );
  expect(full.targets.exclude?.services).toEqual(['Urgences']);
  expect(Date.parse(full.spreadUntil) - Date.parse(full.launchAt)).toBe(14 * 24 * 3600 * 1000);

  // Cancelling is confirmed too; nothing had left.
  await page.getByRole('button', { name: 'Annuler la campagne' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Annuler la campagne|Confirmer/ })
    .click();
  await expect
    .poll(async () => (await call<{ status: string }>(admin, 'GET', `/api/orgs/${orgId}/phishing/campaigns/${campaign.id}`)).status)
    .toBe('cancelled');
  await context.close();
});
