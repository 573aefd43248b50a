import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config.js';
import { expectAccessible } from './helpers.js';
import { apiCall as api, operatorAdmin, signInByMagicLink } from './operator-admin.js';

// A member establishment's own animator (local animator) follows its cell live in a territory
// exercise run by the lead: what the cell writes and what it receives show up without a reload.
test.describe.configure({ mode: 'serial' });

const MARK = randomBytes(4).toString('hex');
const LOGBOOK_LINE = `Astreinte biologie prévenue (${MARK})`;

interface Exercise {
  id: string;
  cells: Array<{ id: string; organizationId: string }>;
  chronogram: Array<{ stimulusId: string; id: string; spare?: boolean; target: { cellId: string }; subject: { fr: string } }>;
}

let operator: APIRequestContext;
let animator: APIRequestContext;
let localAnimator: APIRequestContext;
let player: APIRequestContext;

test.afterAll(async () => {
  for (const ctx of [operator, animator, localAnimator, player]) await ctx?.dispose();
});

test('the member’s local animator sees its cell’s writes and a stimulus played by the lead, live', async ({ browser }) => {
  operator = await operatorAdmin(E2E.app, E2E.dataDir, `e2e.local-${MARK}@rempart.test`, 'Admin e2e animation locale');
  const lead = await api<{ id: string }>(operator, 'POST', '/api/organizations', {
    name: `CHU Nord e2e-${MARK}`,
    kind: 'chu',
    city: 'Rivemont',
  });
  const member = await api<{ id: string }>(operator, 'POST', '/api/organizations', {
    name: `EHPAD Les Tilleuls e2e-${MARK}`,
    kind: 'ehpad',
    city: 'Valbrune',
  });
  const ght = await api<{ id: string }>(operator, 'POST', '/api/territories', { name: `GHT Nord e2e-${MARK}`, kind: 'ght' });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${lead.id}`, { isLead: true });
  await api(operator, 'PUT', `/api/territories/${ght.id}/members/${member.id}`, { isLead: false });
  const emails = {
    animator: `animation.e2e-${MARK}@chu-nord.test`,
    local: `cadre.e2e-${MARK}@ehpad-tilleuls.test`,
    player: `direction.e2e-${MARK}@ehpad-tilleuls.test`,
  };
  await api(operator, 'POST', `/api/orgs/${lead.id}/grants`, { email: emails.animator, role: 'learner' });
  await api(operator, 'POST', `/api/territories/${ght.id}/grants`, { email: emails.animator, role: 'exercise_animator' });
  for (const email of [emails.local, emails.player])
    await api(operator, 'POST', `/api/orgs/${member.id}/grants`, { email, role: 'learner' });
  animator = await signInByMagicLink(E2E.app, emails.animator);
  localAnimator = await signInByMagicLink(E2E.app, emails.local);
  player = await signInByMagicLink(E2E.app, emails.player);
  const idOf = async (ctx: APIRequestContext) => (await api<{ account: { id: string } }>(ctx, 'GET', '/api/me')).account.id;

  const base = `/api/territories/${ght.id}/exercises`;
  const exercise = await api<Exercise>(animator, 'POST', base, {
    scenarioId: 'lab-software-provider',
    title: `Exercice animé localement e2e-${MARK}`,
    cells: [{ organizationId: lead.id }, { organizationId: member.id }],
  });
  const one = `${base}/${exercise.id}`;
  const memberCell = exercise.cells.find((c) => c.organizationId === member.id)!.id;
  await api(animator, 'POST', `${one}/participants`, {
    accountId: await idOf(localAnimator),
    cellId: memberCell,
    function: 'local_animator',
  });
  await api(animator, 'POST', `${one}/participants`, { accountId: await idOf(player), cellId: memberCell, function: 'it_director' });
  await api(animator, 'POST', `${one}/play/start`);

  const context = await browser.newContext({ storageState: await localAnimator.storageState(), locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`/exercises/animate/${exercise.id}`);
  await expect(page.getByText('À jour', { exact: true })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { e2eNoReload: boolean }).e2eNoReload = true;
  });
  // Their only cell comes unfolded.
  await expect(page.getByRole('button', { name: new RegExp(`EHPAD Les Tilleuls e2e-${MARK}`) })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('La cellule n’a encore rien écrit.')).toBeVisible();

  // The player writes in the logbook from the member's phone: the local animator reads it.
  await api(player, 'POST', `/api/me/exercises/${exercise.id}/cells/${memberCell}/logbook`, { text: LOGBOOK_LINE });
  await expect(page.getByText(LOGBOOK_LINE)).toBeVisible();

  // The lead's animator plays a spare stimulus to the member cell: delivered, on the local console.
  const spare = exercise.chronogram.find((s) => s.spare && s.target.cellId === 'member')!;
  const row = page.getByText(spare.subject.fr, { exact: true }).first().locator('..');
  await expect(row).toContainText('À venir');
  await api(animator, 'POST', `${one}/play/stimuli/${spare.stimulusId}/send`, { cellIds: [memberCell] });
  await expect(row).toContainText('Envoyé');
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  await expectAccessible(page, 'the local animator’s console');
  await context.close();
});
