// Drives Debian's Chromium (playwright-core, no downloaded browser) against the local workspace
// serving the built app. `npm test` builds first; these tests test the artifact, not the sources.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { APP_DIR } from '../../scripts/build';
import { serveWorkspace, type RunningWorkspace } from '../../scripts/workspace/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface Session {
  browser: Browser;
  workspace: RunningWorkspace;
  page: Page;
  /** Every request the page and its frames made, with the frame's URL. */
  requests: { url: string; frameUrl: string }[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openWorkspace(query = ''): Promise<Session> {
  if (!existsSync(join(APP_DIR, 'assets/app.js'))) throw new Error('No build in dist/app: run `npm run build` (npm test does).');
  const workspace = await serveWorkspace();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: Session['requests'] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), frameUrl: r.frame().url() }));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${workspace.url}${query}`);
  return {
    browser,
    workspace,
    page,
    requests,
    pageErrors,
    close: async () => {
      await browser.close();
      await workspace.close();
    },
  };
}

/** The app's iframe, once its document has loaded. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="app-frame"]');
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame && frame.url().includes('iframe.html')) {
      await frame.waitForSelector('.df-app');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('The app iframe never loaded.');
}

/** Fills the workspace's admin settings editor and saves (Zendesk then reloads the app). */
export async function saveSettings(page: Page, values: Record<string, string>): Promise<void> {
  await page.click('[data-testid="settings"] summary');
  for (const [name, value] of Object.entries(values)) await page.fill(`[data-testid="settings"] [name="${name}"]`, value);
  await page.click('[data-testid="settings"] button[type="submit"]');
}
