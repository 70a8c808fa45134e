#!/usr/bin/env node
// Loads the catalog page of a portal whose backend serves the built app, signs in as
// guest, and prints the gzip size of every JavaScript file the browser downloaded.
// Usage: node catalog-page-js.mjs <baseUrl> <app dist folder>
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const [baseUrl, dist] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const scripts = new Set();
page.on('response', res => {
  const url = new URL(res.url());
  if (url.origin === new URL(baseUrl).origin && url.pathname.endsWith('.js')) {
    scripts.add(url.pathname);
  }
});
await page.goto(baseUrl);
await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60000 });
await page
  .getByRole('columnheader', { name: /name/i })
  .first()
  .waitFor({ timeout: 60000 });
await page.waitForLoadState('networkidle');
let raw = 0;
let gz = 0;
for (const p of scripts) {
  const file = readFileSync(path.join(dist, p));
  raw += file.length;
  gz += gzipSync(file, { level: 9 }).length;
}
console.log(
  JSON.stringify({ files: scripts.size, rawBytes: raw, gzipBytes: gz }),
);
await browser.close();
