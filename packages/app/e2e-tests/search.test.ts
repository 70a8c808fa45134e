import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('searching a word that appears only inside a doc page finds that page', async ({
  page,
}) => {
  await signInAsGuest(page);
  // "outbox" appears in payment-processor's architecture page and in no entity.
  // Docs are built ahead of time and indexed shortly after start: poll for them.
  await expect(async () => {
    await page.goto('/search?query=outbox');
    await expect(
      page.getByRole('link', { name: /Architecture/ }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });

  await page
    .getByRole('link', { name: /Architecture/ })
    .first()
    .click();
  await expect(page).toHaveURL(
    /\/docs\/default\/component\/payment-processor\/architecture/,
  );
  await expect(
    page.getByRole('heading', { name: /The transactional outbox/ }),
  ).toBeVisible();
});
