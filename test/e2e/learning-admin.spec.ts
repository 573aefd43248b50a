import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { expectAccessible, signInWithPassword, submitCode, totpCode, typeCode } from './helpers.js';

// An administrator's learning morning at the CHU: adapt a catalogue module, assign a curriculum to
// nurses by rule, publish a flash alert; then a nurse sees the alert, acknowledges it, and the
// administrator sees the acknowledgement. The demo's platform administrator is used (no other spec
// enrols its TOTP); it works on the CHU chosen in the header, as a person would.
test.describe.configure({ mode: 'serial' });

const ADMIN = 'admin@rempart.demo';
const ORG = 'CHU de Rivemont';
const LEARNER = 'lucas.hamel@chu-rivemont.demo'; // a CHU nurse (Urgences): sign-in link only
const ALERT_TITLE = `Faux courriel de la paie (${Date.now()})`;
let totpSecret = '';
// One signed-in administrator for the whole story (each TOTP sign-in waits for a fresh 30 s step).
let page: Page;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E.app, locale: 'fr-FR' });
  page = await context.newPage();
  await signInAdmin(page);
});

test.afterAll(async () => {
  await page?.context().close();
});

async function signInAdmin(page: Page): Promise<void> {
  await signInWithPassword(page, ADMIN);
  await page.waitForURL(/\/auth\/totp/);
  if (/\/auth\/totp\/enrol/.test(page.url())) {
    totpSecret = ((await page.locator('[aria-labelledby="enrol-secret-label"]').textContent()) ?? '').replace(/\s/g, '');
    await typeCode(page, await totpCode(totpSecret));
    await page.getByRole('button', { name: 'Activer' }).click();
    await page.getByLabel(/J’ai enregistré mes codes de secours/).check();
    await page
      .getByRole('button', { name: /Continuer|Terminé/ })
      .first()
      .click();
  } else {
    expect(totpSecret, 'TOTP of the platform admin enrolled by another spec').not.toBe('');
    await submitCode(page, await totpCode(totpSecret), 'Vérifier', /^\/auth\/totp/);
  }
  await expect(page).toHaveURL(`${E2E.app}/`);
  // Work on the CHU: the organization switcher in the header.
  const switcher = page.getByRole('combobox', { name: 'Établissement' });
  if ((await switcher.inputValue()) !== ORG) {
    await switcher.click();
    await switcher.fill('CHU de Riv');
    await page.getByRole('option', { name: ORG }).click();
    await expect(switcher).toHaveValue(ORG);
  }
}

/** The sign-in links mailed to `to` so far (a nurse also receives flash alert emails). */
async function magicLinksTo(to: string): Promise<string[]> {
  const res = await fetch(`${E2E.sinkHttp}/messages?to=${encodeURIComponent(to)}`);
  const list = (await res.json()) as Array<{ text: string }>;
  return list.flatMap((m) => m.text.match(/https?:\/\/\S+\/auth\/magic\?token=[\w-]+/)?.[0] ?? []);
}

async function learnerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E.app, locale: 'fr-FR' });
  const page = await context.newPage();
  const before = (await magicLinksTo(LEARNER)).length;
  await page.goto('/sign-in');
  const magic = page.getByRole('region', { name: 'Recevoir un lien de connexion' });
  await magic.getByRole('textbox', { name: 'Adresse électronique' }).fill(LEARNER);
  await magic.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(/Vérifiez votre messagerie/)).toBeVisible();
  await expect.poll(async () => (await magicLinksTo(LEARNER)).length, { timeout: 20_000 }).toBeGreaterThan(before);
  await page.goto((await magicLinksTo(LEARNER)).at(-1)!);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(`${E2E.app}/`);
  return page;
}

test('forks a catalogue module, edits it and saves a new version', async () => {
  await page.getByRole('link', { name: 'Catalogue des modules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue des modules' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Rechercher un module' })
    .or(page.getByRole('searchbox', { name: 'Rechercher un module' }))
    .first()
    .fill('hameçonnage');
  await page.getByLabel('Origine').selectOption('catalogue');
  const fork = page.getByRole('button', { name: /^Copier pour adapter/ }).first();
  await expect(fork).toBeVisible();
  await expectAccessible(page, 'learning catalogue');
  await fork.click();

  await expect(page).toHaveURL(/\/learning\/admin\/modules\/[^/]+\/edit$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Modifier/ })).toBeVisible();
  const title = page.getByRole('textbox', { name: 'Titre', exact: true });
  await title.fill('Hameçonnage : la version du CHU');
  await page.getByRole('textbox', { name: 'Titre de l’écran' }).first().fill('Ce qui arrive aux urgences');
  // The live preview follows the text.
  await expect(page.getByRole('region', { name: 'Aperçu de l’écran 1' })).toContainText('Ce qui arrive aux urgences');
  await expectAccessible(page, 'module editor');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // French quotes hold no-break spaces: \s matches them.
  await expect(page.getByText(/la version du CHU\s» enregistré \(version 2\)/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /la version du CHU/ })).toBeVisible();

  await page.goto('/learning/admin/modules?origin=fork');
  await expect(page.getByRole('link', { name: 'Hameçonnage : la version du CHU' }).first()).toBeVisible();
});

test('creates a rule for nurses and sees how many people it matches', async () => {
  await page.getByRole('link', { name: 'Parcours et règles' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle règle' });
  await form.getByRole('combobox', { name: 'Parcours' }).click();
  await page
    .getByRole('option', { name: /Parcours d’accueil|Accueil|onboarding/i })
    .first()
    .click();
  const preview = form.getByTestId('rule-preview');
  await expect(preview).toContainText(/\d+ personnes? correspond/);
  const everyone = Number((await preview.textContent())?.replace(/\D/g, ''));

  await form.getByRole('combobox', { name: 'Familles de métiers' }).click();
  await page.getByRole('option', { name: 'Infirmiers et aides-soignants' }).click();
  await page.keyboard.press('Escape');
  // Nurses of one service only: the other specs' newcomers (Urgences) stay out of this rule.
  await form.getByRole('combobox', { name: 'Services' }).fill('Cardiologie');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(async () => Number((await preview.textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBeLessThan(everyone);
  const nurses = Number((await preview.textContent())?.replace(/\D/g, ''));
  expect(nurses).toBeGreaterThan(0);
  await expectAccessible(page, 'curricula and rules');
  await form.getByRole('button', { name: 'Créer la règle' }).click();
  await expect(page.getByText(/Règle créée/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Cardiologie' }).first();
  await expect(row.getByTestId('rule-matching')).toHaveText(String(nurses));

  // Deleting keeps what was assigned; it asks first.
  await row.getByRole('button', { name: /^Supprimer/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Règle supprimée.')).toBeVisible();
});

test('publishes a flash alert; a nurse acknowledges it; the admin sees it acknowledged', async ({ browser }) => {
  await page.getByRole('link', { name: 'Alertes flash', exact: true }).click();
  const form = page.getByRole('form', { name: 'Publier une alerte' });
  await form.getByRole('textbox', { name: 'Titre' }).fill(ALERT_TITLE);
  await form
    .getByRole('textbox', { name: 'Résumé' })
    .fill('Un courriel imite le service de paie et demande vos identifiants. Ne cliquez pas.');
  await form
    .getByRole('textbox', { name: 'Texte complet (Markdown)' })
    .fill('### Que faire\n\n- Ne cliquez pas sur le lien\n- Signalez le message à la DSI');
  await form.getByRole('combobox', { name: 'Familles de métiers' }).click();
  await page.getByRole('option', { name: 'Infirmiers et aides-soignants' }).click();
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'flash alerts');
  await form.getByRole('button', { name: 'Publier l’alerte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier cette alerte ?' });
  await expect(dialog.getByTestId('flash-alert-recipients')).toContainText(/envoyée par courriel à \d[\d\s\u202f\u00a0]* personnes?/);
  await dialog.getByRole('button', { name: 'Publier et envoyer' }).click();
  const row = page.getByTestId('flash-alert-row').filter({ hasText: ALERT_TITLE });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('flash-alert-acknowledged')).toContainText(/^0 lecture/);

  const learner = await learnerPage(browser);
  const banner = learner.getByTestId('flash-alert-banner');
  await expect(banner).toContainText(ALERT_TITLE);
  await expectAccessible(learner, 'home with a flash alert');
  await banner.getByRole('button', { name: new RegExp(`J’ai lu.*${ALERT_TITLE.replace(/[()]/g, '\\$&')}`) }).click();
  // The banner goes; the alert stays in the nurse's modules to read later.
  await expect(learner.getByTestId('flash-alert-banner').filter({ hasText: ALERT_TITLE })).toHaveCount(0);
  await learner.context().close();

  await page.reload();
  await expect(page.getByTestId('flash-alert-row').filter({ hasText: ALERT_TITLE }).getByTestId('flash-alert-acknowledged')).toContainText(
    /^1 lecture/,
  );
});
