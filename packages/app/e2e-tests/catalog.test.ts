import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the catalog lists the demo organisation', async ({ page }) => {
  // The catalog is the front page: the demo's 18 components, the portal itself, and
  // the browser tests' two fixtures (unsafe docs, a file that a test breaks).
  await expect(page.getByText('All Components (21)')).toBeVisible();
  for (const name of ['Payment Processor', 'Ledger Service', 'Checkout Web']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The broken demo file is not in the catalog.
  await expect(page.getByRole('link', { name: /refund/i })).toHaveCount(0);
});

test('payment-processor shows its owner, system, dependencies and API', async ({
  page,
}) => {
  await page
    .getByRole('link', { name: 'Payment Processor', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Payment Processor', level: 2 }),
  ).toBeVisible();

  // Each card on the entity page is an article titled by its heading.
  const card = (title: string) =>
    page.getByRole('article').filter({
      has: page.getByRole('heading', { name: title, exact: true }),
    });
  const about = card('About');
  await expect(about.getByRole('link', { name: 'Payments' })).toBeVisible();
  await expect(
    about.getByRole('link', { name: 'Billing Platform' }),
  ).toBeVisible();
  await expect(
    card('Depends on components').getByRole('link', { name: 'Ledger Service' }),
  ).toBeVisible();
  await expect(
    card('Depends on components').getByRole('link', { name: 'Fraud Detector' }),
  ).toBeVisible();
  await expect(
    card('Depends on resources').getByRole('link', {
      name: /postgres-payments/,
    }),
  ).toBeVisible();
  await expect(
    card('Provided APIs').getByRole('link', { name: 'Payments API' }),
  ).toBeVisible();

  // The owner link leads to the team's page.
  await about.getByRole('link', { name: 'Payments' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/group\/team-payments/);
});

test('the broken demo file is listed on the catalog-health page with its reason', async ({
  page,
}) => {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog health' })
    .click();
  await expect(
    page.getByText(/ of \d+ entities failed processing/),
  ).toBeVisible();
  const row = page.getByRole('row').filter({
    hasText: 'component:default/refund-service',
  });
  await expect(row).toContainText('catalog/refund-service/catalog-info.yaml');
  await expect(row).toContainText("must have required property 'lifecycle'");
});
