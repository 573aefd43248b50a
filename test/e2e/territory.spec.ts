import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { expectAccessible } from './helpers.js';
import { apiCall as api, operatorAdmin, signInByMagicLink as signIn } from './operator-admin.js';

// Issue 6, journey 4: the coordinator of a GHT reads the members' maturity on the heatmap, sees the
// EHPAD has no diagnostic and pairs it with a mentor of the lead CHU, who starts the plan; the
// coordinator fills the shared library with the starter set; a member that stops sharing its
// maturity disappears from the heatmap's figures.
test.describe.configure({ mode: 'serial' });

const MARK = randomBytes(4).toString('hex');
const GHT = `GHT Rives et Coteaux e2e-${MARK}`;
const CHU = `CHU de Rivemont e2e-${MARK}`;
const CH = `Centre hospitalier de Coteaux e2e-${MARK}`;
const EHPAD = `EHPAD Les Glycines e2e-${MARK}`;
const COORDINATOR = `coordination.e2e-${MARK}@ght-rives.test`;
const MENTOR = `rssi.e2e-${MARK}@chu-rivemont.test`;
const CH_ADMIN = `dsi.e2e-${MARK}@ch-coteaux.test`;

interface Question {
  id: string;
  type: 'single' | 'multiple';
  options: Array<{ id: string; score: number }>;
  parentId?: string;
  showWhen?: string[];
}
interface Diagnostic {
  id: string;
  scores: { overall: number | null; themes: Array<{ themeId: string; score: number | null }> };
}

let operator: APIRequestContext;
let coordinator: APIRequestContext;
let mentor: APIRequestContext;
let chAdmin: APIRequestContext;
let coordinatorUi: BrowserContext;
let page: Page;
const ids = { territory: '', chu: '', ch: '', ehpad: '', pairing: '' };
let overall = 0;

const signInByMagicLink = (email: string) => signIn(E2E.app, email);

/** The short diagnostic answered through the API: a hospital doing some of the work, no follow-up question opened. */
async function completedDiagnostic(ctx: APIRequestContext, orgId: string): Promise<Diagnostic> {
  const { questions } = await api<{ questions: Question[] }>(ctx, 'GET', '/api/maturity/referential?variant=short');
  const draft = await api<{ id: string }>(ctx, 'POST', `/api/orgs/${orgId}/maturity/diagnostics`, { variant: 'short' });
  const answers: Record<string, string | string[]> = {};
  for (const q of questions.filter((x) => !x.parentId)) {
    const opens = new Set(questions.filter((c) => c.parentId === q.id).flatMap((c) => c.showWhen ?? []));
    const choices = q.options.filter((o) => !opens.has(o.id));
    const middling = choices.find((o) => o.score > 0 && o.score < 1) ?? choices[0] ?? q.options[0]!;
    answers[q.id] = q.type === 'multiple' ? [middling.id] : middling.id;
  }
  // Any follow-up still opened (every option opens one) gets its first option.
  for (const c of questions.filter((x) => x.parentId)) {
    const parent = answers[c.parentId!];
    const chosen = Array.isArray(parent) ? parent : [parent];
    if (chosen.some((o) => o && c.showWhen?.includes(o))) answers[c.id] = c.type === 'multiple' ? [c.options[0]!.id] : c.options[0]!.id;
  }
  await api(ctx, 'PATCH', `/api/orgs/${orgId}/maturity/diagnostics/${draft.id}`, { answers });
  return api<Diagnostic>(ctx, 'POST', `/api/orgs/${orgId}/maturity/diagnostics/${draft.id}/complete`);
}

const rowOf = (p: Page, name: string) => p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: new RegExp(name) }) });

test.beforeAll(async ({ browser }) => {
  operator = await operatorAdmin(E2E.app, E2E.dataDir, `e2e.territoire-${MARK}@rempart.test`, 'Admin e2e territoire');
  const org = async (name: string, kind: string) =>
    (await api<{ id: string }>(operator, 'POST', '/api/organizations', { name, kind, city: 'Rivemont' })).id;
  ids.chu = await org(CHU, 'chu');
  ids.ch = await org(CH, 'ch');
  ids.ehpad = await org(EHPAD, 'ehpad');
  ids.territory = (await api<{ id: string }>(operator, 'POST', '/api/territories', { name: GHT, kind: 'ght' })).id;
  await api(operator, 'PUT', `/api/territories/${ids.territory}/members/${ids.chu}`, { isLead: true });
  await api(operator, 'PUT', `/api/territories/${ids.territory}/members/${ids.ch}`, { isLead: false });
  await api(operator, 'PUT', `/api/territories/${ids.territory}/members/${ids.ehpad}`, { isLead: false });
  await api(operator, 'POST', `/api/orgs/${ids.chu}/grants`, { email: MENTOR, role: 'org_admin' });
  await api(operator, 'POST', `/api/orgs/${ids.ch}/grants`, { email: CH_ADMIN, role: 'org_admin' });
  await api(operator, 'POST', `/api/territories/${ids.territory}/grants`, { email: COORDINATOR, role: 'territory_coordinator' });
  // Both members agreed to share their maturity (the EHPAD through the operator, at onboarding).
  for (const orgId of [ids.ch, ids.ehpad]) {
    await api(operator, 'PUT', `/api/orgs/${orgId}/territory-sharing/${ids.territory}`, { domains: { maturity: true } });
  }
  // Each waits for its emailed link: side by side rather than one after the other.
  [coordinator, mentor, chAdmin] = (await Promise.all([COORDINATOR, MENTOR, CH_ADMIN].map(signInByMagicLink))) as [
    APIRequestContext,
    APIRequestContext,
    APIRequestContext,
  ];
  overall = (await completedDiagnostic(chAdmin, ids.ch)).scores.overall ?? -1;
  expect(overall).toBeGreaterThanOrEqual(0);
  coordinatorUi = await browser.newContext({ storageState: await coordinator.storageState(), locale: 'fr-FR' });
  page = await coordinatorUi.newPage();
});

test.afterAll(async () => {
  await coordinatorUi?.close();
  for (const ctx of [operator, coordinator, mentor, chAdmin]) await ctx?.dispose();
});

test('the coordinator reads the heatmap: the CH’s scores, the EHPAD without a diagnostic', async () => {
  await page.goto('/territory/heatmap');
  await expect(page.getByRole('heading', { level: 1, name: 'Carte de maturité' })).toBeVisible();
  const ch = rowOf(page, CH);
  await expect(ch).toContainText(String(Math.round(overall)));
  await expect(ch).toContainText('· court');
  const ehpad = rowOf(page, EHPAD);
  await expect(ehpad).toContainText('aucun diagnostic terminé');
  await expectAccessible(page, 'the heatmap');
});

test('from the heatmap, the coordinator offers the CHU’s RSSI as a mentor and pairs the EHPAD', async () => {
  await rowOf(page, EHPAD).getByRole('link', { name: 'Proposer un parrain' }).click();
  await page.waitForURL(/\/territory\/mentoring\?mentee=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Parrainage' })).toBeVisible();
  // The pairing form, below the mentors, comes into view with the member chosen.
  await expect(page.getByLabel('Établissement à parrainer')).toBeInViewport();
  await expect(page.getByText('Aucun parrain proposé')).toBeVisible();
  // The mentor comes from the candidates of the lead CHU.
  await page.getByRole('combobox', { name: 'Compte à proposer' }).click();
  await page.getByRole('option', { name: new RegExp(MENTOR.replace(/\./g, '\\.')) }).click();
  await page.getByRole('button', { name: 'Proposer', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Parrains proposés' })).toContainText(MENTOR);
  await expect(page.getByLabel('Établissement à parrainer')).toHaveValue(ids.ehpad);
  await page.getByRole('radio', { name: new RegExp(CHU) }).check();
  await page.getByRole('button', { name: 'Former le binôme' }).click();
  const pairings = page.getByRole('table', { name: 'Binômes' });
  await expect(pairings.getByRole('link', { name: EHPAD })).toBeVisible();
  await expectAccessible(page, 'the mentoring desk');
  await pairings.getByRole('link', { name: EHPAD }).click();
  await page.waitForURL(/\/pairings\/[\w-]+$/);
  ids.pairing = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: `Plan de parrainage : ${EHPAD}` })).toBeVisible();
});

test('the mentor opens the plan from "Mon parrainage" and adds a goal and a session', async ({ browser }) => {
  const ui = await browser.newContext({
    storageState: await mentor.storageState(),
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
  });
  const p = await ui.newPage();
  await p.goto('/territory/mentoring/mine');
  await p.getByRole('link', { name: EHPAD }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Plan de parrainage : ${EHPAD}` })).toBeVisible();
  const goal = 'Faire le diagnostic court avant la fin du trimestre';
  await p.getByRole('textbox', { name: 'Nouvel objectif' }).fill(goal);
  await p.getByRole('button', { name: 'Ajouter l’objectif' }).click();
  await expect(p.getByRole('textbox', { name: 'Texte de l’objectif' })).toHaveValue(goal);
  await p.getByRole('textbox', { name: 'Notes' }).fill('Premier échange avec la directrice et l’infirmière coordinatrice.');
  await p.getByRole('textbox', { name: /^Prochaines étapes/ }).fill('Imprimer la fiche réflexe rançongiciel.');
  await p.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await expect(p.getByText('Premier échange avec la directrice', { exact: false })).toBeVisible();
  await expectAccessible(p, 'the mentoring plan');
  await ui.close();
  // The coordinator reads the same plan, without writing.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Texte de l’objectif' })).toHaveCount(0);
  await expect(page.getByText(goal)).toBeVisible();
});

test('the coordinator adds the starter set, finds the ransomware sheet without accents and downloads it', async () => {
  await page.goto('/territory/library');
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque partagée' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter le kit de démarrage' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByText('5 ressource(s) ajoutée(s), 0 déjà présente(s).')).toBeVisible();
  await page.getByRole('searchbox', { name: /Rechercher/ }).fill('rancongiciel');
  await page.getByRole('searchbox', { name: /Rechercher/ }).press('Enter');
  const sheet = page.getByRole('link', { name: 'Rançongiciel : la fiche réflexe de la première heure' });
  await expect(sheet).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bibliothèque partagée' }).getByRole('link')).toHaveCount(1);
  await expectAccessible(page, 'the library');
  await sheet.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rançongiciel : la fiche réflexe de la première heure' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rançongiciel : la première heure' })).toBeVisible();
  // The "to adapt" note is a quote, not a line starting with ">".
  await expect(page.locator('blockquote')).toHaveText(/^À adapter/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Texte (.md)' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('Rançongiciel');
  await expectAccessible(page, 'the reflex sheet');

  // The coordinator adapts the sheet to the GHT: a second version, the first one kept.
  const body = page.getByRole('textbox', { name: /^Texte \(Markdown\)/ });
  await body.fill(`${text}\nAstreinte informatique du GHT : 05 00 00 00 00.\n`);
  await page.getByRole('textbox', { name: 'Note de version' }).fill('Numéro d’astreinte du GHT');
  await page.getByRole('button', { name: 'Publier la version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2 (en vigueur)' })).toBeVisible();
  await expect(page.getByText('Astreinte informatique du GHT : 05 00 00 00 00.', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Historique des versions' }).getByRole('row')).toHaveCount(3);

  // And writes a resource of its own.
  await page.goto('/territory/library');
  await page.getByRole('link', { name: 'Nouvelle ressource' }).click();
  await page.getByRole('textbox', { name: /^Titre/ }).fill('Annuaire de crise du GHT');
  await page
    .getByRole('textbox', { name: /^Texte \(Markdown\)/ })
    .fill('# Qui appeler\n\n- [ ] Astreinte informatique\n- [ ] Direction de garde\n');
  await page.getByRole('button', { name: 'Créer la ressource' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annuaire de crise du GHT' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Direction de garde' })).toBeVisible();
});

test('the CH stops sharing its maturity and the heatmap no longer shows its figures', async ({ browser }) => {
  const ui = await browser.newContext({
    storageState: await chAdmin.storageState(),
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
  });
  const p = await ui.newPage();
  await p.goto('/territory/sharing');
  const consent = p.getByRole('region', { name: GHT }).getByRole('switch', { name: 'Diagnostic de maturité' });
  await expect(consent).toBeChecked();
  await consent.click();
  const dialog = p.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Arrêter de partager' }).click();
  await expect(consent).not.toBeChecked();
  await expectAccessible(p, 'the sharing page');
  await p.goto('/territory/library');
  await p.getByRole('link', { name: 'Rançongiciel : la fiche réflexe de la première heure' }).click();
  await expect(p.getByRole('heading', { name: 'Rançongiciel : la première heure' })).toBeVisible();
  // The member reads the GHT's version, without the means to change it.
  await expect(p.getByText('Astreinte informatique du GHT : 05 00 00 00 00.')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Publier la version' })).toHaveCount(0);
  await ui.close();

  await page.goto('/territory/heatmap');
  await page.reload();
  const ch = rowOf(page, CH);
  await expect(ch).toContainText('ne partage pas');
  await expect(ch).not.toContainText('· court');

  await page.goto('/territory/members-sharing');
  const shared = rowOf(page, CH);
  await expect(shared).toContainText('non partagé');
  await expectAccessible(page, 'what the members share');
});
