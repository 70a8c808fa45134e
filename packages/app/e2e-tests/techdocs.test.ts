import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('a service shows its docs beside its catalog entry, with navigation', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/payment-processor/docs');
  // The first view builds the docs with MkDocs: allow for the build.
  await expect(
    page.getByRole('heading', { name: 'Payment Processor', level: 1 }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('heading', { name: 'What it does' }),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigation' })
    .getByRole('link', { name: 'Architecture' })
    .click();
  await expect(page).toHaveURL(/\/docs\/architecture\/?$/);
  await expect(
    page.getByRole('heading', { name: /Request flow for/ }),
  ).toBeVisible();
  // A table and highlighted code render (Material theme, techdocs-core).
  await expect(
    page.getByRole('cell', { name: 'postgres-payments' }).first(),
  ).toBeVisible();
});

test('a service without docs says so and shows the two files to add', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/kyc-service/docs');
  await expect(page.getByText('kyc-service has no docs yet')).toBeVisible();
  await expect(page.getByText('1. mkdocs.yml')).toBeVisible();
  await expect(page.getByText('2. docs/index.md')).toBeVisible();
  await expect(page.getByText('acme-pay/kyc-service')).toBeVisible();
});

test('docs that fail to build say why', async ({ page }) => {
  await page.goto('/catalog/default/component/notification-service/docs');
  await expect(
    page.getByText(
      /plugin 'mermaid2' is not available in the portal's docs build/,
    ),
  ).toBeVisible({ timeout: 60_000 });
});

test('rendered docs are sanitised: no script, event handler or javascript: link', async ({
  page,
}) => {
  await page.goto('/docs/default/component/unsafe-docs-fixture');
  await expect(page.getByText('Text after the payloads.')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('img', { name: 'broken image' })).toHaveCount(1);

  // The built HTML does carry the payloads (so this test proves the reader removes
  // them, not that they were never there).
  const raw = await page.evaluate(async () => {
    const res = await fetch(
      `${window.location.origin}/api/techdocs/static/docs/default/component/unsafe-docs-fixture/index.html`,
      { credentials: 'include' },
    );
    return `${res.status} ${await res.text()}`;
  });
  expect(raw).toMatch(/^200 /);
  expect(raw).toContain('<script>window.__docsScriptRan = true;</script>');
  expect(raw).toContain('onerror="window.__docsOnErrorRan = true"');
  // eslint-disable-next-line no-script-url -- the payload this test looks for
  expect(raw).toContain('href="javascript:window.__docsLinkRan = true"');
  const ran = await page.evaluate(() => ({
    script: (window as any).__docsScriptRan ?? false,
    onerror: (window as any).__docsOnErrorRan ?? false,
  }));
  expect(ran).toEqual({ script: false, onerror: false });

  // Inspect the docs' own DOM (inside the reader's shadow root).
  const found = await page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll('*')).filter(
      e => e.shadowRoot,
    );
    const roots = hosts.map(h => h.shadowRoot!);
    const all = roots.flatMap(r => Array.from(r.querySelectorAll('*')));
    return {
      scripts: all.filter(
        e => e.tagName === 'SCRIPT' && e.textContent?.includes('__docs'),
      ).length,
      handlers: all.filter(e => e.hasAttribute('onerror')).length,
      jsLinks: all.filter(e =>
        (e.getAttribute('href') ?? '')
          .trim()
          .toLowerCase()
          // eslint-disable-next-line no-script-url -- detecting such links
          .startsWith('javascript:'),
      ).length,
      objects: all.filter(e => e.tagName === 'OBJECT').length,
      rootCount: roots.length,
    };
  });
  expect(found.rootCount).toBeGreaterThan(0);
  expect(found).toEqual({
    scripts: 0,
    handlers: 0,
    jsLinks: 0,
    objects: 0,
    rootCount: found.rootCount,
  });
  await page.getByText('a javascript link').click();
  expect(
    await page.evaluate(() => (window as any).__docsLinkRan ?? false),
  ).toBe(false);
});
