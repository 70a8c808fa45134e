import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

/** Picks an entity by its display name in a catalog autocomplete (OwnerPicker, EntityPicker). */
async function pick(page: Page, label: string, option: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.click();
  await field.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * A person on the embedded default creates a service from a golden path: a bad
 * name gets a message in words, the fixed name goes through, the new component
 * opens from the task page, and its docs build from the local git host.
 */
test('create a Python worker: the name error in words, then its page and docs', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page.goto('/create');
  await page
    .getByRole('heading', { name: 'Python worker' })
    .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]')
    .getByRole('button', { name: 'Choose' })
    .click();

  await page.getByLabel('Name').fill('Invoice_Exporter');
  await page.getByLabel('Description').fill('Exports invoices every night.');
  await pick(page, 'Owner', 'Payments');
  await pick(page, 'System', 'Billing Platform');
  await page.getByLabel('PagerDuty service').fill('P1A2B3C');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page
      .getByText(
        'The name "Invoice_Exporter" has capital letters; use lowercase.',
        { exact: false },
      )
      .first(),
  ).toBeVisible();

  await page.getByLabel('Name').fill('invoice-exporter');
  await page.getByRole('button', { name: 'Next' }).click();
  // Where the repository goes: the portal's own git host is the default.
  await expect(page.getByText('Repository host')).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const open = page
    .getByRole('button', { name: 'Open in the catalog' })
    .or(page.getByRole('link', { name: 'Open in the catalog' }));
  await expect(open.first()).toBeVisible({ timeout: 90_000 });
  await open.first().click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/invoice-exporter/,
  );
  await expect(
    page.getByRole('heading', { name: 'invoice-exporter' }).first(),
  ).toBeVisible({ timeout: 60_000 });
  // The component's own page, not "Entity not found": the run ends once the
  // catalog serves the new component.
  await expect(
    page.getByText('Exports invoices every night.').first(),
  ).toBeVisible();
  await expect(page.getByText('Entity not found')).toHaveCount(0);

  await page.goto('/catalog/default/component/invoice-exporter/docs');
  // The docs build with MkDocs from the repository on the local git host.
  await expect(
    page.getByRole('heading', { name: 'invoice-exporter', level: 1 }).last(),
  ).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText('Exports invoices every night.').first(),
  ).toBeVisible();
});
