#!/usr/bin/env node
// Takes screenshots of portal pages in the machine's Chromium, signing in as guest.
// Usage: node scripts/dev/screenshot.mjs <baseUrl> <outDir> <path> [<path>...]
import { chromium } from '@playwright/test';

const [baseUrl, outDir, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(baseUrl);
await page.getByRole('button', { name: 'Enter' }).click({ timeout: 30000 });
await page
  .waitForURL(u => !u.toString().includes('sign'), { timeout: 30000 })
  .catch(() => {});
await page.waitForTimeout(2000);
for (const [i, p] of paths.entries()) {
  await page.goto(new URL(p, baseUrl).toString());
  await page.waitForTimeout(Number(process.env.SHOT_WAIT_MS ?? 4000));
  const file = `${outDir}/${i}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
