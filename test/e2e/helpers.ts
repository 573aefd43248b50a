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
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** The newest email the SMTP sink received for `to`, waiting for it to arrive. */
export async function latestMailTo(to: string, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${E2E.sinkHttp}/messages?to=${encodeURIComponent(to)}`);
    const list = (await res.json()) as Array<{ subject: string; text: string }>;
    const last = list.at(-1);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`no email for ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A TOTP code for the current 30-second step, or the next one (to avoid replaying a used code). */
export async function totpCode(secret: string, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel(/Chiffre 1 sur 6|Digit 1 of 6/).click();
  await page.keyboard.type(code);
}

export async function signInWithPassword(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Adresse électronique').first().fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
