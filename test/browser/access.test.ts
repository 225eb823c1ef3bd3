// Accessibility promises of the sidebar, checked in the built app inside the workspace: axe-core's
// WCAG 2.1 A/AA rules (colour contrast included) in the states an agent meets, keyboard-only use
// with a visible focus ring, and a tension level that never relies on colour alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { appFrame, openWorkspace, saveSettings, type Session } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/**
 * The panels' styles load after the first paint (main.tsx); contrast and focus are judged with them applied.
 * Polls on a timer: Chromium pauses requestAnimationFrame in a cross-origin frame scrolled out of view.
 */
const assistStyles = (app: Frame) =>
  app.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/assist.css') && s.cssRules.length > 0), undefined, { polling: 50 });

/**
 * axe-core run on the app iframe's own document (not the workspace around it). Injected through the
 * DevTools protocol, so the frame's CSP does not apply; re-injected after each app reload.
 * Returns one line per failing node: rule id, target and axe's failure summary.
 */
async function axeViolations(app: Frame): Promise<string[]> {
  await assistStyles(app);
  if (!(await app.evaluate(() => 'axe' in window))) await app.evaluate(AXE_SOURCE);
  const results = await app.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_AA,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)} ${n.html.slice(0, 120)}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
  );
}

async function typeReply(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="composer-rich"]').click();
  await page.keyboard.type(text);
}

describe('axe-core, WCAG 2.1 A and AA', () => {
  test('no violations on a heated ticket, with draft flags, an open framework, a settings problem, and a not-assessed ticket', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    let app = await appFrame(page);

    await app.waitForSelector('.df-tension--heated [data-testid="tension-level"]');
    expect(await axeViolations(app), 'heated ticket, tension panel').toEqual([]);

    await typeReply(page, "Please calm down, that's our policy.");
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    expect(await axeViolations(app), 'draft checker with flags').toEqual([]);

    await app.locator('[data-framework="options"] .df-fw-item').click();
    await app.waitForSelector('[data-testid="framework-preview"]');
    await app.getByLabel('Impact on the customer').fill('you have been without your refund for three weeks');
    expect(await axeViolations(app), 'framework form and preview').toEqual([]);

    // Saving settings reloads the app; a misspelt framework gives the admin a problem to read.
    await saveSettings(page, { frameworks_policy: '{"brands": {"Northwind Outfitters": {"allowed": ["optons"]}}}' });
    app = await appFrame(page);
    await app.waitForSelector('[data-testid="settings-problems"] li');
    expect(await axeViolations(app), 'settings problems notice').toEqual([]);

    await page.click('[data-ticket="1005"]');
    app = await appFrame(page);
    await app.waitForSelector('[data-testid="not-assessed"]');
    expect(await axeViolations(app), 'not-assessed Spanish ticket').toEqual([]);
  });
});

/**
 * What the keyboard user sees: the focused element, and whether its focus indicator is visible —
 * an outline or a box-shadow ring at least 2px wide whose colour has 3:1 contrast with the white
 * sidebar (WCAG 1.4.11); a faint ring is there for getComputedStyle but not for the agent.
 */
async function focusState(app: Frame) {
  return app.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { ok: false, what: 'lost to <body>' };
    const what = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v, i) => {
        const x = (v * (c[3] ?? 1) + 255 * (1 - (c[3] ?? 1))) / 255; // over white
        return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (c: number[]) => 1.05 / (lum(c) + 0.05);
    const rgba = (s: string) => s.split(/[(),\s]+/).slice(1, 5).filter(Boolean).map(Number);
    const s = getComputedStyle(el);
    const rings: number[] = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) rings.push(contrast(rgba(s.outlineColor)));
    for (const m of s.boxShadow.matchAll(/(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px/g))
      if (parseFloat(m[5]!) >= 2) rings.push(contrast(rgba(m[1]!)));
    const best = Math.max(0, ...rings);
    return { ok: best >= 3, what, frameFocused: document.hasFocus(), ring: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow} → ${best.toFixed(2)}:1` };
  });
}

describe('keyboard only', () => {
  test('Tab, Enter, Space and typing open a framework, fill its required slots and insert it; focus is always visible', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="frameworks"]');
    await assistStyles(app);

    // Start on the frame's first focusable element, as an agent tabbing into the sidebar would.
    await app.locator('button, input, textarea, select, summary, a[href], [tabindex]:not([tabindex="-1"])').first().focus();
    const trail: string[] = [];
    const press = async (key: string): Promise<string> => {
      await page.keyboard.press(key);
      const f = await focusState(app);
      trail.push(`${key} → ${f.what}`);
      expect(f.ok && f.frameFocused, `focus after ${trail.join(', ')}: ${JSON.stringify(f)}`).toBe(true);
      return f.what;
    };
    const tabTo = async (pattern: RegExp, key = 'Tab'): Promise<void> => {
      for (let i = 0; i < 40; i++) if (pattern.test(await press(key))) return;
      throw new Error(`Never reached ${pattern} by ${key}: ${trail.join(', ')}`);
    };
    const start = await focusState(app);
    expect(start.ok && start.frameFocused, `focus at the start: ${JSON.stringify(start)}`).toBe(true);

    // Past the framework, then back with Shift+Tab: both directions reach it.
    await tabTo(/^button "Offer options/);
    await press('Tab');
    await tabTo(/^button "Offer options/, 'Shift+Tab');
    await press('Enter');
    await app.waitForSelector('[data-framework="options"] [data-testid="framework-form"]');
    expect(await app.getAttribute('[data-framework="options"] .df-fw-item', 'aria-expanded')).toBe('true');

    await press('Tab');
    await page.keyboard.type('you have been without your refund for three weeks');
    await press('Tab');
    await page.keyboard.type('I refund you today by bank transfer');
    await press('Tab');
    await page.keyboard.type('we send a store credit of $300 right now');
    await expect.poll(() => app.locator('[data-testid="framework-missing"]').count()).toBe(0);

    await tabTo(/^button "Insert/);
    await press('Space');
    await app.waitForSelector('[data-testid="framework-status"]');
    const composer = page.locator('[data-testid="composer-rich"]');
    await expect.poll(() => composer.textContent()).toContain('Hi Dana,');
    expect(await composer.textContent()).toContain('I refund you today by bank transfer');
    // Inserting must not drop focus to <body>: the agent can keep tabbing from where they were.
    const end = await focusState(app);
    expect(end.ok, `focus after inserting: ${JSON.stringify(end)}`).toBe(true);
  });
});

describe('not colour alone', () => {
  test('each tension level is a word plus a shape; the shape is decorative next to the word', async () => {
    const level = (app: Frame) =>
      app.evaluate(() => {
        const p = document.querySelector('.df-level')!;
        const icon = p.querySelector('svg')!;
        return {
          text: p.querySelector('[data-testid="tension-level"]')!.textContent,
          iconHidden: icon.getAttribute('aria-hidden') === 'true' || !!icon.getAttribute('aria-label'),
          shape: icon.innerHTML,
        };
      });
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    let app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    const heated = await level(app);
    await page.click('[data-ticket="1005"]');
    app = await appFrame(page);
    await app.waitForSelector('[data-testid="not-assessed"]');
    const notAssessed = await level(app);

    expect(heated).toMatchObject({ text: 'Heated', iconHidden: true });
    expect(notAssessed).toMatchObject({ text: 'Not assessed', iconHidden: true });
    expect(heated.shape).not.toBe(notAssessed.shape);
  });
});
