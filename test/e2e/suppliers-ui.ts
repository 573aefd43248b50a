import { type BrowserContext, expect, type Page } from '@playwright/test';

/** A page of the admin's browser, working on `org`, chosen in the header as a person would. */
export async function adminPage(context: BrowserContext, org: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  const switcher = page.getByRole('combobox', { name: 'Établissement' });
  if ((await switcher.inputValue()) !== org) {
    await switcher.click();
    await switcher.fill(org.split(' ').at(-1) ?? org);
    await page.getByRole('option', { name: org }).click();
    await expect(switcher).toHaveValue(org);
  }
  return page;
}

/**
 * On the review page of a submitted audit: starts the review, rates one answer non-compliant with a
 * note, then opens a high-severity finding from that question.
 */
export async function rateAndOpenFinding(
  page: Page,
  auditId: string,
  question: string,
  finding: { note: string; title: string; rootCause: string },
): Promise<void> {
  await page.goto(`/suppliers/audits/${auditId}/review`);
  await page.getByRole('button', { name: 'Commencer la revue' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByText(question, { exact: true }) });
  await card
    .getByRole('radiogroup', { name: `Notation de : ${question}` })
    .getByRole('radio', { name: 'Non conforme' })
    .check();
  await card.getByRole('textbox', { name: "Note de l'auditeur" }).fill(finding.note);
  await card.getByRole('button', { name: 'Enregistrer la notation' }).click();
  await card.getByRole('button', { name: 'Ouvrir un constat' }).click();
  const modal = page.getByRole('dialog', { name: 'Nouveau constat' });
  await modal.getByRole('textbox', { name: 'Constat' }).fill(finding.title);
  await modal.getByRole('combobox', { name: 'Gravité' }).selectOption('high');
  await modal.getByRole('textbox', { name: 'Cause première' }).fill(finding.rootCause);
  await modal.getByRole('button', { name: 'Ouvrir le constat' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByText(finding.title).first()).toBeVisible();
}
