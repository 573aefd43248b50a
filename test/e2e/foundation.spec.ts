import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { expectAccessible, latestMailTo, signInWithPassword, submitCode, totpCode, typeCode } from './helpers.js';

// One security officer's morning, in order: the steps share the TOTP secret enrolled in the first.
test.describe.configure({ mode: 'serial' });

const ADMIN = 'julien.carpentier@ch-breval.demo'; // CH administrator (DSI) in the demo
const LEARNER = 'lucas.hamel@chu-rivemont.demo'; // a CHU nurse: magic link only
let totpSecret = '';

test('password sign-in, forced TOTP enrolment with a QR code, then password + TOTP', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page, 'sign-in');

  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/auth\/totp\/enrol/);
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectAccessible(page, 'TOTP enrolment');
  totpSecret = ((await page.locator('[aria-labelledby="enrol-secret-label"]').textContent()) ?? '').replace(/\s/g, '');
  expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
  await typeCode(page, await totpCode(totpSecret));
  await page.getByRole('button', { name: 'Activer' }).click();

  await expect(page.getByRole('heading', { name: /codes de secours/i }).first()).toBeVisible();
  await page.getByLabel(/J’ai enregistré mes codes de secours/).check();
  await page
    .getByRole('button', { name: /Continuer|Terminé/ })
    .first()
    .click();
  await expect(page).toHaveURL(`${E2E.app}/`);
  await expect(page.getByRole('heading', { name: /Mise en route/ }).first()).toBeVisible();
  await expectAccessible(page, 'home (org admin)');

  // Sign out, then back in: the password alone leads to the TOTP step.
  await page.getByRole('button', { name: /Compte de/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithPassword(page, ADMIN);
  await expect(page).toHaveURL(/\/auth\/totp/);
  await expectAccessible(page, 'TOTP');
  await submitCode(page, await totpCode(totpSecret), 'Vérifier', /^\/auth\/totp/);
  await expect(page).toHaveURL(`${E2E.app}/`);
});

test('imports a semicolon Windows-1252 HR export with accents, then finds the people and the audit entry', async ({ page }) => {
  await signInWithPassword(page, ADMIN);
  await submitCode(page, await totpCode(totpSecret), 'Vérifier', /^\/auth\/totp/);
  await expect(page).toHaveURL(`${E2E.app}/`);

  await page.goto('/admin/import');
  await expectAccessible(page, 'import');
  const file = readFileSync('test/fixtures/e2e/rh-export-cp1252.csv');
  // Mantine's FileInput is a button labelled "Fichier CSV" over a hidden file input.
  await page.locator('input[type="file"]').setInputFiles({ name: 'rh-export.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page.getByText(/windows-1252/i).first()).toBeVisible();
  await expectAccessible(page, 'import mapping');
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByTestId('import-summary-toCreate')).toContainText('4');
  await expect(page.getByText(/ligne 6|^6$/).first()).toBeVisible(); // the row without an email
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Confirmer l’import' })
    .or(page.getByRole('dialog').getByRole('button', { name: "Confirmer l'import" }))
    .first()
    .click();
  await expect(page.getByText('Import terminé')).toBeVisible();
  await expect(page.getByTestId('import-summary-toCreate')).toContainText('4');
  await expectAccessible(page, 'import result');

  await page.goto('/admin/people');
  await page
    .getByRole('searchbox')
    .or(page.getByLabel(/Rechercher/))
    .first()
    .fill('helene lefevre');
  await expect(page.getByRole('cell', { name: /Lefèvre/ }).first()).toBeVisible();

  await page.goto('/admin/audit-log');
  await expect(page.getByText('import.applied').first()).toBeVisible();
  await expectAccessible(page, 'audit log');
});

test('switches the interface to English and back', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: /Langue/ }).click();
  await page
    .getByRole('menuitem', { name: /English/ })
    .or(page.getByRole('option', { name: /English/ }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Sign in to Rempart' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'sign-in (en)');
  await page.getByRole('button', { name: /Language/ }).click();
  await page
    .getByRole('menuitem', { name: /Français/ })
    .or(page.getByRole('option', { name: /Français/ }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Se connecter à Rempart' })).toBeVisible();
});

test('a learner signs in with a magic link read from the SMTP sink', async ({ page }) => {
  await page.goto('/sign-in');
  const magic = page.getByRole('region', { name: 'Recevoir un lien de connexion' });
  await magic.getByRole('textbox', { name: 'Adresse électronique' }).fill(LEARNER);
  await magic.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(/Vérifiez votre messagerie/)).toBeVisible();
  const mail = await latestMailTo(LEARNER, /\/auth\/magic\?token=/);
  const link = mail.text.match(/https?:\/\/\S+\/auth\/magic\?token=[\w-]+/)?.[0];
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
  await expectAccessible(page, 'magic link');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(`${E2E.app}/`);
  // The demo keeps modules due for this nurse: the home card lists them, linking to the player.
  await expect(page.locator('a[href^="/learning/"]').first()).toBeVisible();
  await expectAccessible(page, 'home (learner)');
  // Single use: the same link no longer works.
  await page.context().clearCookies();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText(/Ce lien ne fonctionne plus/)).toBeVisible();
});

test('signs in through the OpenID Connect provider', async ({ page }) => {
  await page.goto('/sign-in');
  await page
    .getByRole('link', { name: /SSO GHT/ })
    .or(page.getByRole('button', { name: /SSO GHT/ }))
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.oidc}`));
  await page.locator('input[name="login"]').fill(E2E.oidcUser);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]');
  if (page.url().startsWith(E2E.oidc) && (await consent.isVisible().catch(() => false))) await consent.click();
  await expect(page).toHaveURL(`${E2E.app}/`);
  await expect(page.getByText(/Bonjour/)).toBeVisible();
});
