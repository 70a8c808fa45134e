import fs from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

// scripts/e2e.sh copies fixtures/changing-service into E2E_WORK and registers it.
if (!process.env.E2E_WORK) {
  throw new Error(
    'E2E_WORK is not set: run the browser tests with ./portal test e2e',
  );
}
const file = path.join(
  process.env.E2E_WORK,
  'changing-service',
  'catalog-info.yaml',
);

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('a file broken after it was valid: its page says what is wrong, and the last valid version stays', async ({
  page,
}) => {
  const valid = await fs.readFile(file, 'utf8');
  try {
    await page.goto('/catalog/default/component/changing-service');
    await expect(
      page.getByRole('heading', { name: 'Changing Service', level: 2 }),
    ).toBeVisible();

    // Someone removes the owner, and the catalog reads the file again.
    await fs.writeFile(file, valid.replace(/^ {2}owner: .*\n/m, ''));
    await page
      .getByRole('article')
      .filter({
        has: page.getByRole('heading', { name: 'About', exact: true }),
      })
      .getByRole('button', { name: 'Refresh', exact: true })
      .click();
    await expect(page.getByText('Refresh scheduled')).toBeVisible();

    // The page still shows the service, and says what is wrong with its file.
    await expect(async () => {
      await page.reload();
      await expect(
        page.getByText(/must have required property 'owner'/).first(),
      ).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(
      page.getByRole('heading', { name: 'Changing Service', level: 2 }),
    ).toBeVisible();

    // The health page lists it as still in the catalog, in an older version.
    await page.goto('/catalog-health');
    const row = page.getByRole('row').filter({
      hasText: 'component:default/changing-service',
    });
    await expect(row).toContainText('an older version is still in the catalog');
    await expect(row).toContainText("must have required property 'owner'");
  } finally {
    await fs.writeFile(file, valid);
  }
});
