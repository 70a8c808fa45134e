import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('the golden paths are offered, and the Python worker opens its form', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(page.getByText('Python worker', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Go HTTP service', { exact: true }),
  ).toBeVisible();
  // The template's card: the closest ancestor of its title with a Choose button.
  await page
    .getByRole('heading', { name: 'Python worker' })
    .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]')
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(page.getByText('About the worker').first()).toBeVisible();
  await expect(page.getByLabel('Name')).toBeVisible();
});
