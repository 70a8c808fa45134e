import { Page, expect } from '@playwright/test';

/**
 * Signs in with the guest provider of the embedded default.
 *
 * The portal's survey prompt may come up over the page a few seconds after
 * sign-in (the guest has not answered this quarter when a file runs alone).
 * Tests about something else press "Later" whenever it appears, so that no
 * test depends on another having answered it. The survey's own test passes
 * `{ survey: 'show' }` to see and answer it.
 */
export async function signInAsGuest(
  page: Page,
  options: { survey?: 'show' | 'postpone' } = {},
) {
  if (options.survey !== 'show') {
    const prompt = page.getByRole('region', { name: 'Portal survey' });
    await page.addLocatorHandler(prompt, async () => {
      await prompt.getByRole('button', { name: 'Later' }).click();
    });
  }
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
