import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { pdfText } from '../support/pdf-text.js';
import { expectAccessible } from './helpers.js';
import { apiCall as api, operatorAdmin, signInByMagicLink as signIn } from './operator-admin.js';
import { builtWith } from './suppliers-api.js';

// Issue 6, journey 5: a GP practice without IT staff answers the short diagnostic on a phone,
// completes it, downloads the PDF with its six priorities; its CPTS coordinator sees nothing of it
// on the territory heatmap until the practice agrees to share "maturity", then sees its scores; a
// priority becomes an action of the practice's plan with one click.
test.describe.configure({ mode: 'serial' });

// The sharing page is built in parallel with this spec: the consent goes through it once the built
// front end has it, else through the API.
const hasSharingPage = builtWith('Partage avec mes territoires');

const MARK = randomBytes(4).toString('hex');
const PRACTICE = `Cabinet médical des Tilleuls e2e-${MARK}`;
const CPTS = `CPTS du Val de Rive e2e-${MARK}`;
const LEAD = `Maison de santé du Val de Rive e2e-${MARK}`;
const GP = `dr.lemoine.e2e-${MARK}@cabinet-tilleuls.test`;
const MANAGER = `cadre.e2e-${MARK}@cabinet-tilleuls.test`;
const COORDINATOR = `coordination.e2e-${MARK}@cpts-valderive.test`;

type Text = { fr: string; en: string };
interface Question {
  id: string;
  themeId: string;
  text: Text;
  type: 'single' | 'multiple';
  options: Array<{ id: string; label: Text; score: number }>;
  parentId?: string;
  showWhen?: string[];
}
interface Referential {
  themes: Array<{ id: string; title: Text }>;
  questions: Question[];
}
interface Diagnostic {
  id: string;
  status: string;
  scores: { overall: number | null; themes: Array<{ themeId: string; score: number | null }> };
  recommendations: Array<{ id: string; priority: boolean; title: Text }>;
}
interface Heatmap {
  members: Array<{
    organizationId: string;
    shares: boolean;
    latest: { overall: number | null; themes: Record<string, number | null> } | null;
  }>;
}

let operator: APIRequestContext;
let gp: APIRequestContext;
let coordinator: APIRequestContext;
let manager: APIRequestContext;
let gpUi: BrowserContext;
let page: Page;
const ids = { org: '', territory: '', diagnostic: '' };
let diagnostic: Diagnostic;

const signInByMagicLink = (email: string) => signIn(E2E.app, email);

const heatmapRow = async () => {
  const map = await api<Heatmap>(coordinator, 'GET', `/api/territories/${ids.territory}/maturity/heatmap`);
  const row = map.members.find((m) => m.organizationId === ids.org);
  expect(row, 'the practice is a member of the CPTS').toBeTruthy();
  return row!;
};

/** The answer a practice just starting out would give: the best one where it opens a follow-up, a middling one elsewhere. */
function answerFor(q: Question, questions: Question[]): string[] {
  const child = questions.find((c) => c.parentId === q.id);
  if (q.type === 'multiple') return q.options.some((o) => o.id === 'none') ? ['none'] : [q.options[0]!.id];
  if (child?.showWhen?.[0]) return [child.showWhen[0]];
  const middling = q.options.find((o) => o.score > 0 && o.score < 1) ?? q.options.find((o) => o.score === 0)!;
  return [middling.id];
}

test.beforeAll(async ({ browser }) => {
  operator = await operatorAdmin(E2E.app, E2E.dataDir, `e2e.maturite-${MARK}@rempart.test`, 'Admin e2e maturité');
  ids.org = (
    await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: PRACTICE, kind: 'gp_practice', city: 'Rivemont' })
  ).id;
  ids.territory = (await api<{ id: string }>(operator, 'POST', '/api/territories', { name: CPTS, kind: 'cpts' })).id;
  // The CPTS is led by its coordinating health centre; the practice is a plain member.
  const lead = await api<{ id: string }>(operator, 'POST', '/api/organizations', { name: LEAD, kind: 'other', city: 'Rivemont' });
  await api(operator, 'PUT', `/api/territories/${ids.territory}/members/${lead.id}`, { isLead: true });
  await api(operator, 'PUT', `/api/territories/${ids.territory}/members/${ids.org}`, { isLead: false });
  await api(operator, 'POST', `/api/orgs/${ids.org}/grants`, { email: GP, role: 'org_admin' });
  await api(operator, 'POST', `/api/orgs/${ids.org}/grants`, { email: MANAGER, role: 'manager' });
  await api(operator, 'POST', `/api/territories/${ids.territory}/grants`, { email: COORDINATOR, role: 'territory_coordinator' });
  gp = await signInByMagicLink(GP);
  coordinator = await signInByMagicLink(COORDINATOR);
  manager = await signInByMagicLink(MANAGER);
  // The GP's phone.
  gpUi = await browser.newContext({
    storageState: await gp.storageState(),
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  page = await gpUi.newPage();
});

test.afterAll(async () => {
  await gpUi?.close();
  for (const ctx of [operator, gp, coordinator, manager]) await ctx?.dispose();
});

test('the GP answers the short diagnostic on a phone, theme by theme, and completes it', async () => {
  const started = Date.now();
  const ref = await api<Referential>(gp, 'GET', '/api/maturity/referential?variant=short');
  const questions = ref.questions;
  await page.goto('/maturity');
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics de maturité' })).toBeVisible();
  await expect(page.getByText('Aucun diagnostic pour l’instant')).toBeVisible();
  await page.getByRole('radio', { name: /Version courte/ }).check();
  await page.getByRole('button', { name: 'Commencer le diagnostic' }).click();
  await page.waitForURL(/\/maturity\/diagnostics\/[\w-]+$/);
  ids.diagnostic = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic en cours' })).toBeVisible();

  const answers: Record<string, string[]> = {};
  const shown = (q: Question) => !q.parentId || (answers[q.parentId] ?? []).some((o) => q.showWhen?.includes(o));
  const answer = async (q: Question) => {
    const group = page.getByRole('group', { name: q.text.fr, exact: true });
    for (const optionId of answerFor(q, questions)) {
      const label = q.options.find((o) => o.id === optionId)!.label.fr;
      await group.getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: label, exact: true }).check();
    }
    answers[q.id] = answerFor(q, questions);
    await expect(page.locator(`[id="q-${q.id}"]`).getByText('Enregistré')).toBeVisible();
  };
  const steps = ref.themes.filter((t) => questions.some((q) => q.themeId === t.id));
  // One question is left for later (one that opens no follow-up): the summary must send the GP back to it.
  const skipped = questions.find((q) => !q.parentId && !questions.some((c) => c.parentId === q.id))!;
  for (const [i, theme] of steps.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: theme.title.fr })).toBeVisible();
    if (i === 0) await expectAccessible(page, 'the questionnaire');
    await expect(page.getByText(`Thème ${i + 1} sur ${steps.length}`)).toBeVisible();
    for (const q of questions.filter((x) => x.themeId === theme.id)) {
      if (q.id === skipped.id || !shown(q)) {
        if (!shown(q)) await expect(page.getByRole('group', { name: q.text.fr, exact: true })).toHaveCount(0);
        continue;
      }
      await answer(q);
    }
    await page.getByRole('button', { name: i === steps.length - 1 ? 'Voir le récapitulatif' : 'Thème suivant' }).click();
  }
  await expect(page.getByText('Il reste 1 question sans réponse')).toBeVisible();
  await page.getByRole('button', { name: skipped.text.fr }).click();
  await answer(skipped);
  await page.getByRole('combobox', { name: 'Aller au thème' }).selectOption({ label: 'Récapitulatif' });
  await expect(page.getByText('Toutes les questions ont une réponse.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Terminer le diagnostic' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toBeVisible();
  diagnostic = await api<Diagnostic>(gp, 'GET', `/api/orgs/${ids.org}/maturity/diagnostics/${ids.diagnostic}`);
  expect(diagnostic.status).toBe('completed');
  expect(Object.keys(answers).length, 'every question asked got an answer').toBeGreaterThanOrEqual(
    questions.filter((q) => !q.parentId).length,
  );
  await expect(page.getByText(`${diagnostic.scores.overall} / 100`).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vos 6 priorités' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Score de chaque thème, sur 100' })).toBeVisible();
  await expectAccessible(page, 'the results');
  console.log(`short diagnostic answered and completed in ${Math.round((Date.now() - started) / 1000)} s by the robot`);
});

test('the restitution PDF holds the priorities', async () => {
  const first = diagnostic.recommendations.find((r) => r.priority)!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
  const text = pdfText(readFileSync((await download.path())!)).replace(/\s+/g, ' ');
  expect(text).toContain(first.title.fr.replace(/\s+/g, ' '));
});

test('the CPTS heatmap shows the practice only once it agrees to share its maturity', async () => {
  const before = await heatmapRow();
  expect(before.shares).toBe(false);
  expect(before.latest).toBeNull();

  if (hasSharingPage) {
    await page.goto('/territory/sharing');
    const consent = page.getByRole('region', { name: CPTS }).getByRole('switch', { name: 'Diagnostic de maturité' });
    await expect(consent).not.toBeChecked();
    // The switch turns on once the server has recorded the consent.
    await consent.click();
    await expect(consent).toBeChecked();
  } else {
    await api(gp, 'PUT', `/api/orgs/${ids.org}/territory-sharing/${ids.territory}`, { domains: { maturity: true } });
  }
  await expect.poll(async () => (await heatmapRow()).shares).toBe(true);
  const after = await heatmapRow();
  expect(after.latest?.overall).toBe(diagnostic.scores.overall);
  for (const t of diagnostic.scores.themes) expect(after.latest?.themes[t.themeId] ?? null).toBe(t.score);
});

test('a priority becomes an action of the practice’s plan with one click', async () => {
  const first = diagnostic.recommendations.find((r) => r.priority)!;
  await page.goto(`/maturity/diagnostics/${ids.diagnostic}`);
  await page.getByRole('button', { name: `Créer l’action : ${first.title.fr}` }).click();
  await expect(page.getByText('Action ajoutée au plan d’action.')).toBeVisible();
  await page.getByRole('link', { name: 'Voir l’action' }).click();
  await page.waitForURL(/\/actions\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: first.title.fr })).toBeVisible();
  await page.goto('/actions');
  await expect(page.getByRole('link', { name: first.title.fr })).toBeVisible();
});

test('a manager reads the results without changing anything', async ({ browser }) => {
  const ui = await browser.newContext({ storageState: await manager.storageState(), locale: 'fr-FR' });
  const view = await ui.newPage();
  await view.goto('/maturity');
  await expect(view.getByRole('link', { name: /\d{4}/ })).toHaveCount(1);
  await expect(view.getByRole('button', { name: 'Commencer le diagnostic' })).toHaveCount(0);
  await view.goto(`/maturity/diagnostics/${ids.diagnostic}`);
  await expect(view.getByRole('heading', { level: 1, name: 'Résultats du diagnostic' })).toBeVisible();
  await expect(view.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible();
  await expect(view.getByRole('button', { name: /^Créer l’action/ })).toHaveCount(0);
  await ui.close();
});

test('in the full version, answers Rempart can measure come filled (or say why not) and stay editable', async () => {
  const full = await api<Diagnostic & { provenance: Record<string, { origin: string }> }>(
    gp,
    'POST',
    `/api/orgs/${ids.org}/maturity/diagnostics`,
    {
      variant: 'full',
    },
  );
  const ref = await api<Referential>(gp, 'GET', '/api/maturity/referential?variant=full');
  const measured = ref.questions.find((q) => full.provenance[q.id]?.origin === 'rempart');
  expect(measured, 'a question of the full version filled from Rempart').toBeTruthy();
  const step = ref.themes.filter((t) => ref.questions.some((q) => q.themeId === t.id)).findIndex((t) => t.id === measured!.themeId);
  await page.goto(`/maturity/diagnostics/${full.id}`);
  await page.getByRole('combobox', { name: 'Aller au thème' }).selectOption(String(step));
  const card = page.locator(`[id="q-${measured!.id}"]`);
  await expect(card.getByText('Rempart', { exact: true })).toBeVisible();
  await expect(card.getByText(/Modifiable\./)).toBeVisible();
  await card.getByRole('radio').first().check();
  await expect(card.getByText('Enregistré')).toBeVisible();
  await expect(card.getByText('Rempart', { exact: true })).toHaveCount(0);
});

test('the practice’s diagnostics list filters by state, and the filter stays in the address', async () => {
  await page.goto('/maturity');
  const rows = page.getByRole('table').getByRole('row');
  // The completed short version and the full draft, plus the header row.
  await expect(rows).toHaveCount(3);
  await page.getByRole('combobox', { name: 'État' }).selectOption({ label: 'Terminé' });
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('Terminé');
  await expect(page).toHaveURL(/status=completed/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'État' })).toHaveValue('completed');
  await page.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Version complète' });
  await expect(page.getByText('Aucun diagnostic ne correspond à ces filtres')).toBeVisible();
  await page.getByRole('button', { name: 'Retirer les filtres' }).click();
  await expect(rows).toHaveCount(3);
});
