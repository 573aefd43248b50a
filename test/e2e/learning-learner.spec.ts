import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { loadModules } from '../../src/server/modules/learning/content-loader.js';
import { DEMO_PASSWORD, expectAccessible, totpCode } from './helpers.js';

// A nurse's first module on her phone, from the sign-in link to the certificate and the review
// list. The CHU's security officer (demo) creates her and assigns the module through the API.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 } });

const ADMIN = 'claire.morvan@chu-rivemont.demo'; // CHU security officer (org admin) in the demo
const NURSE = 'e2e.infirmiere.apprentissage@chu-rivemont.demo';
const MODULE = 'phishing-health-staff';

// The right answers come from the catalogue itself, so the test follows the content as it changes.
const content = loadModules(join(import.meta.dirname, '../../content/learning')).find((m) => m.id === MODULE && m.language === 'fr');
if (!content) throw new Error(`catalogue module ${MODULE} (fr) not found`);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const byPrompt = new Map(content.questions.map((q) => [squash(q.prompt), q]));

let admin: APIRequestContext;
let orgId = '';
let missedPrompt = '';

async function call<T>(ctx: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'rempart_csrf')?.value ?? '';
  const res = await ctx.fetch(url, { method, headers: { 'x-csrf-token': csrf }, ...(data !== undefined ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

test.beforeAll(async () => {
  admin = await request.newContext({ baseURL: E2E.app });
  await call(admin, 'GET', '/api/me'); // sets the CSRF cookie
  await call(admin, 'POST', '/api/auth/password/sign-in', { email: ADMIN, password: DEMO_PASSWORD });
  const { secret } = await call<{ secret: string }>(admin, 'POST', '/api/auth/totp/enrolment');
  await call(admin, 'POST', '/api/auth/totp/enrolment/confirm', { code: await totpCode(secret) });
  const me = await call<{ account: { personOrganizationId: string } }>(admin, 'GET', '/api/me');
  orgId = me.account.personOrganizationId;
  const nurse = await call<{ id: string }>(admin, 'POST', `/api/orgs/${orgId}/people`, {
    email: NURSE,
    firstName: 'Inès',
    lastName: 'Apprentie',
    jobTitle: 'Infirmière',
    roleFamily: 'nurses_care_assistants',
    service: 'Urgences',
  });
  const assigned = await call<{ created: number }>(admin, 'POST', `/api/orgs/${orgId}/learning/assignments`, {
    moduleIds: [MODULE],
    personIds: [nurse.id],
    dueDays: 14,
  });
  expect(assigned.created).toBe(1);
});

test.afterAll(async () => {
  await admin?.dispose();
});

/** The sign-in links mailed to `to` so far (the nurse also receives flash alert emails). */
async function magicLinksTo(to: string): Promise<string[]> {
  const res = await fetch(`${E2E.sinkHttp}/messages?to=${encodeURIComponent(to)}`);
  const list = (await res.json()) as Array<{ text: string }>;
  return list.flatMap((m) => m.text.match(/https?:\/\/\S+\/auth\/magic\?token=[\w-]+/)?.[0] ?? []);
}

async function signInByLink(page: Page, email: string): Promise<void> {
  const before = (await magicLinksTo(email)).length;
  await page.goto('/sign-in');
  const magic = page.getByRole('region', { name: 'Recevoir un lien de connexion' });
  await magic.getByRole('textbox', { name: 'Adresse électronique' }).fill(email);
  await magic.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(/Vérifiez votre messagerie/)).toBeVisible();
  await expect.poll(async () => (await magicLinksTo(email)).length, { timeout: 15_000 }).toBeGreaterThan(before);
  const link = (await magicLinksTo(email)).at(-1)!;
  await page.goto(link);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(`${E2E.app}/`);
}

/** The question on screen, found in the catalogue by its prompt. */
async function shownQuestion(page: Page) {
  const labelId = await page.getByRole('radiogroup').getAttribute('aria-labelledby');
  const prompt = squash((await page.locator(`[id="${labelId}"]`).textContent()) ?? '');
  const question = byPrompt.get(prompt);
  expect(question, `question not in the catalogue: ${prompt}`).toBeTruthy();
  return { prompt, question: question! };
}

/** Answers the question on screen with the mouse: right, or wrong on purpose. Returns its prompt. */
async function answer(page: Page, right: boolean): Promise<string> {
  const { prompt, question } = await shownQuestion(page);
  const choice = question.choices.find((c) => c.correct === right)!;
  await page.getByRole('radio', { name: squash(choice.text), exact: true }).check();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert').filter({ hasText: right ? 'Bonne réponse' : 'Pas tout à fait' })).toBeVisible();
  return prompt;
}

/** Answers wrong with the keyboard only: the heading has the focus, Tab into the choices, arrows, Enter. */
async function answerWrongByKeyboard(page: Page): Promise<string> {
  const { prompt, question } = await shownQuestion(page);
  await expect(page.getByRole('heading', { name: /^Question \d+ sur \d+$/ })).toBeFocused();
  const radios = page.getByRole('radio');
  const labels = (await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))).map(squash);
  const wrong = labels.findIndex((l) => question.choices.some((c) => !c.correct && squash(c.text) === l));
  expect(wrong).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  for (let k = 0; k < wrong; k++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(wrong)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Valider' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Pas tout à fait' })).toBeFocused();
  return prompt;
}

/** Nothing wider than the phone: no sideways scrolling. */
async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `side scroll on ${what}`).toBeLessThanOrEqual(client);
}

test('a nurse reads her module on her phone, misses a question, sees it again, passes and gets her certificate', async ({ page }) => {
  await signInByLink(page, NURSE);

  // The home card tells what is due; the navigation (behind the burger on a phone) leads to it.
  await expect(page.getByRole('link', { name: /Hameçonnage/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Ma formation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ma formation' })).toBeVisible();
  await expect(page.getByText(/À faire avant le/).first()).toBeVisible();
  await expectAccessible(page, 'my learning');
  await expectNoSideScroll(page, 'my learning');
  await page.getByRole('link', { name: /^Commencer\b.*Hameçonnage/ }).click();

  // The lesson, screen by screen.
  await expect(page.getByText(/Écran 1 sur \d+/)).toBeVisible();
  await expectAccessible(page, 'player (lesson)');
  await expectNoSideScroll(page, 'player (lesson)');
  const screens = Number(((await page.getByText(/Écran 1 sur \d+/).textContent()) ?? '').match(/sur (\d+)/)![1]);
  expect(screens).toBe(content.screens.length);
  for (let i = 1; i < screens; i++) {
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByText(`Écran ${i + 1} sur ${screens}`)).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: content.screens.at(-1)!.title })).toBeVisible();
  await page.getByRole('button', { name: 'Passer au quiz' }).click();

  // The quiz: the first question wrong on purpose, all the others right.
  await expect(page.getByRole('heading', { name: /^Question 1 sur \d+$/ })).toBeVisible();
  await expectAccessible(page, 'player (question)');
  const total = Number(((await page.getByRole('heading', { name: /^Question 1 sur/ }).textContent()) ?? '').match(/sur (\d+)/)![1]);
  for (let i = 1; i <= total; i++) {
    await expect(page.getByRole('heading', { name: `Question ${i} sur ${total}` })).toBeVisible();
    const prompt = i === 1 ? await answerWrongByKeyboard(page) : await answer(page, true);
    if (i === 1) {
      missedPrompt = prompt;
      await expect(page.getByText('Votre réponse', { exact: true }).first()).toBeVisible();
      await expectAccessible(page, 'player (explanations)');
      await expectNoSideScroll(page, 'player (explanations)');
    }
    await page.getByRole('button', { name: 'Question suivante' }).click();
  }

  // The missed question comes back once before the result.
  await expect(page.getByRole('heading', { name: 'Revoyons celle-ci' })).toBeVisible();
  expect(await answer(page, true)).toBe(missedPrompt);
  await page.getByRole('button', { name: 'Voir mon résultat' }).click();

  await expect(page.getByRole('heading', { name: 'Votre résultat' })).toBeVisible();
  await expect(page.getByText('Module validé')).toBeVisible();
  const comingBack = page.getByRole('listitem').filter({ hasText: missedPrompt });
  await expect(comingBack).toContainText(/Reviendra le \d{1,2} \S+ \d{4}/);
  await expectAccessible(page, 'player (result)');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger l’attestation' }).click(),
  ]);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The review list shows the missed question with the day it comes back.
  await page.goto('/learning/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Questions à revoir' })).toBeVisible();
  await expect(page.getByTestId('reviews-upcoming').getByRole('listitem').filter({ hasText: missedPrompt })).toContainText(
    /le \d{1,2} \S+ \d{4}/,
  );
  await expectAccessible(page, 'reviews');

  // And "My learning" lists the module as completed, with its score.
  await page.goto('/learning');
  await expect(page.getByRole('heading', { name: 'Terminés' })).toBeVisible();
  await expect(page.getByText(/Terminé le .*score/)).toBeVisible();
});

test('a flash alert shows as a banner until the nurse says she has read it', async ({ page }) => {
  await call(admin, 'POST', `/api/orgs/${orgId}/learning/flash-alerts`, {
    title: 'Faux SMS de la CPAM en circulation',
    summary: 'Des SMS imitant l’Assurance maladie demandent de mettre à jour la carte Vitale : ne cliquez pas.',
    body: 'Des SMS **frauduleux** circulent.\n\n- Ne cliquez pas sur le lien.\n- Signalez le message au 33700.',
    roleFamilies: ['nurses_care_assistants'],
  });
  await signInByLink(page, NURSE);
  const banner = page.getByTestId('flash-alert-banner');
  await expect(banner.getByRole('alert').filter({ hasText: 'Faux SMS de la CPAM' })).toBeVisible();
  await expectAccessible(page, 'home with a flash alert');
  await banner
    .getByRole('link', { name: /^Lire\b/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Faux SMS de la CPAM en circulation' })).toBeVisible();
  await expect(page.locator('strong', { hasText: 'frauduleux' })).toBeVisible();
  await banner
    .getByRole('button', { name: /^J’ai lu/ })
    .first()
    .click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Faux SMS de la CPAM en circulation' })).toBeVisible();
  await expect(page.getByTestId('flash-alert-banner')).toHaveCount(0);
});

test('the patient page works without an account, on a phone', async ({ browser }) => {
  const settings = await call<{ slug: string }>(admin, 'PUT', `/api/orgs/${orgId}/learning/public-page`, { enabled: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const events: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/events')) events.push(`${r.postData()} cookie:${r.headers().cookie ?? ''}`);
  });
  await page.goto(`/sensibilisation/${settings.slug}`);
  await expect(page.getByText('CHU de Rivemont').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Conseils pour les patients' })).toBeVisible();
  await expectAccessible(page, 'patient page');
  await page
    .getByRole('link', { name: /^Lire\b/ })
    .first()
    .click();
  await expect(page.getByText(/Écran 1 sur \d+/)).toBeVisible();
  await expectAccessible(page, 'patient module');
  await expectNoSideScroll(page, 'patient module');
  while (await page.getByRole('button', { name: 'Suivant' }).isVisible()) await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Tester mes connaissances' }).click();
  for (;;) {
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('list', { name: 'Les réponses et leurs explications' })).toBeVisible();
    const next = page.getByRole('button', { name: 'Question suivante' });
    if (await next.isVisible()) await next.click();
    else break;
  }
  await page.getByRole('button', { name: 'Voir mon résultat' }).click();
  await expect(page.getByRole('heading', { name: 'Merci de votre lecture' })).toBeVisible();
  await expect.poll(() => events.length).toBe(2);
  expect(events[0]).toContain('"view"');
  expect(events[1]).toContain('"completed"');
  for (const e of events) expect(e).toMatch(/cookie:$/);
  await context.close();
});
