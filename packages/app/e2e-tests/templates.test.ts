import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('the Python worker golden path is offered and opens its form', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(page.getByText('Python worker', { exact: true })).toBeVisible();
  await page
    .getByRole('article')
    .filter({ hasText: 'Python worker' })
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(page.getByText('About the worker').first()).toBeVisible();
  await expect(page.getByLabel('Name')).toBeVisible();
});
