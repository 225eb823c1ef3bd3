// `npm run screenshot`: the README's picture of the workspace, taken from the real build in Chromium.
import { chromium } from 'playwright-core';
import { buildApp, buildWorkspace } from './build';
import { serveWorkspace } from './workspace/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

await buildApp();
await buildWorkspace();
const workspace = await serveWorkspace();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${workspace.url}?ticket=1001`);
  const frame = await (await page.waitForSelector('[data-testid="app-frame"]')).contentFrame();
  await frame?.waitForSelector('[data-testid="tension-level"]');
  await page.locator('[data-testid="composer-rich"]').click();
  await page.keyboard.type("Hi Dana, I understand your frustration, but that's our policy. I will check with billing.");
  await frame?.waitForSelector('[data-testid="flags"]');
  await page.locator('.ws-thread .ws-msg').last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/workspace.png' });
  process.stdout.write('Wrote docs/workspace.png\n');
} finally {
  await browser.close();
  await workspace.close();
}
