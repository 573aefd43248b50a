import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { E2E } from '../../playwright.config.js';

export const DEMO_PASSWORD = 'Rempart-demo-2026!';

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** The newest email the SMTP sink received for `to`, waiting for it to arrive. */
export async function latestMailTo(to: string, match: RegExp = /./, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${E2E.sinkHttp}/messages?to=${encodeURIComponent(to)}`);
    const list = (await res.json()) as Array<{ subject: string; text: string }>;
    // The app's jobs also mail this person (learning reminders): keep only the awaited kind.
    const last = list.filter((m) => match.test(m.text)).at(-1);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`no email for ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let lastStep = -1;

/**
 * A TOTP code for the current 30-second step. The server refuses a code replayed within its step,
 * so a second use waits for the next step, as a person would.
 */
export async function totpCode(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  while (step <= lastStep) {
    await new Promise((r) => setTimeout(r, 500));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep = step;
  return generate({ secret, epoch: step * 30 + 1 });
}

/** Types the code; the page submits by itself when the sixth digit lands, else press the button. */
export async function submitCode(page: Page, code: string, button: string, leaving: RegExp): Promise<void> {
  await typeCode(page, code);
  try {
    await page.waitForURL((u) => !leaving.test(u.pathname), { timeout: 3000 });
  } catch {
    await page.getByRole('button', { name: button }).click();
  }
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel(/Chiffre 1 sur 6|Digit 1 of 6/).click();
  await page.keyboard.type(code);
}

export async function signInWithPassword(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('region', { name: 'Avec votre mot de passe' });
  await form.getByRole('textbox', { name: 'Adresse électronique' }).fill(email);
  await form.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Se connecter' }).click();
}
