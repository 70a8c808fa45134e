import fs from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

// This file runs first (files run in name order), on a fresh portal: the guest
// has not answered this quarter. Other tests press "Later" if the prompt shows.

test('a guest answers the survey, and is not asked again this quarter', async ({
  page,
}) => {
  await signInAsGuest(page, { survey: 'show' });
  const prompt = page.getByRole('region', { name: 'Portal survey' });
  await expect(prompt).toBeVisible();
  await expect(
    prompt.getByText(
      'How likely are you to recommend the portal to a colleague?',
    ),
  ).toBeVisible();
  await prompt.getByRole('button', { name: '9', exact: true }).click();
  await prompt
    .getByLabel(/Anything you would like to tell the platform team/)
    .fill('Finding the runbook of a service is one search now.');
  await prompt.getByRole('button', { name: 'Send' }).click();
  await expect(
    page.getByText(/^Thank you! Your answer counts for/),
  ).toBeVisible();

  // A new visit: the portal asks whether to prompt, and does not.
  const status = page.waitForResponse(r =>
    r.url().includes('/api/space-metrics/survey/status'),
  );
  await page.reload();
  const body = await (await status).json();
  expect(body).toMatchObject({ prompt: false, answer: { score: 9 } });
  // The prompt would show 3 s after the answer above; give it twice that.
  await page.waitForTimeout(6000);
  await expect(prompt).toHaveCount(0);
});

test('the adoption dashboard shows NPS, time to first deploy, adoption and usage of the demo organisation', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The portal's own analytics go to its backend as the guest moves around.
  const sent = page.waitForResponse(
    r => r.url().endsWith('/api/space-metrics/events') && r.status() === 202,
  );
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Adoption dashboard' })
    .click();
  await expect(page).toHaveURL(/\/space-metrics/);
  expect((await sent).request().postDataJSON().events).toContainEqual(
    expect.objectContaining({ action: 'navigate', subject: '/' }),
  );

  // The demo seed runs once the catalog has loaded the organisation, shortly
  // after the backend starts; wait for it rather than race it.
  const banner = page.getByText(/^Demo data: this history was generated/);
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 90_000 });

  await expect(page.getByTestId('nps-headline')).toHaveText(
    /^[+-]?\d+(\.\d)?$/,
  );
  await expect(page.getByTestId('adoption-headline')).toHaveText(/^\d+%$/);
  await expect(page.getByTestId('usage-headline')).toHaveText(/^\d+ weekly$/);
  await expect(
    page.getByRole('list', { name: 'Searches that found nothing' }),
  ).toBeVisible();

  // Time to first deploy of the demo organisation's 2025 and early 2026
  // starters (their start dates are fixed in the catalog, so a fixed period).
  await page.goto('/space-metrics?from=2025-01-01&to=2026-03-31');
  await expect(page.getByTestId('ttfd-headline')).toHaveText(
    /^\d+(\.\d)? days$/,
  );
  await expect(page.getByRole('list', { name: 'Cohorts' })).toContainText(
    /2026-Q1: 6 started, 6 deployed, median \d+(\.\d)? days/,
  );
  await page.goto('/space-metrics');

  // A team below the threshold shows no number.
  const sre = page
    .getByRole('table', { name: /^NPS by team/ })
    .getByRole('row', { name: /Site Reliability Engineering/ });
  await expect(sre).toContainText('not enough responses');

  // Its own view says the same.
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await page
    .getByRole('option', { name: 'Site Reliability Engineering (team)' })
    .click();
  await expect(page).toHaveURL(/group=group%3Adefault%2Fteam-sre/);
  await expect(page.getByTestId('nps-headline')).toHaveText('—');
  await expect(
    page.getByText(
      /Site Reliability Engineering, \d{4}-Q\d: not enough responses/,
    ),
  ).toBeVisible();

  // Each measure's definition is one click away.
  await page
    .getByRole('button', { name: 'How Developer NPS is measured' })
    .click();
  await expect(page.getByRole('note')).toContainText('Promoters answer 9–10');
  await page.keyboard.press('Escape');

  // The view exports as CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await fs.readFile((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('measure,period,group,item,value,note');
  expect(csv).toContain('withheld: not enough responses');
});
