import { afterEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { appFrame, openWorkspace, saveSettings, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function typeReply(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="composer-rich"]').click();
  await page.keyboard.type(text);
}

async function flagTexts(app: Frame): Promise<string[]> {
  return app.locator('.df-flag__words q').allTextContents();
}

describe('tension panel', () => {
  test('a heated ticket shows the level as a word, the reasons in the customer’s words, and that our reply made it hotter', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Heated');
    expect(await app.textContent('[data-testid="after-reply"]')).toBe('After your last reply: hotter');
    const legal = app.locator('[data-reason="legal-threat"]');
    expect(await legal.locator('q').allTextContents()).toEqual(expect.arrayContaining(['filing a chargeback with my bank', 'lawyer']));
    // The internal note also says "lawyer" and "chargeback"; only the customer's words count.
    expect(await app.locator('.df-spark[role="img"]').getAttribute('aria-label')).toMatch(/^Tension per customer message, oldest first: \d+, \d+, \d+$/);
  });

  test('a 50-message ticket: the verdict from the latest messages, then the series of every customer message', async () => {
    session = await openWorkspace('?ticket=1007');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Heated');
    const label = await app.locator('.df-spark[role="img"]').getAttribute('aria-label');
    const customerMessages = await session.page.locator('.ws-msg--customer').count();
    expect(customerMessages).toBeGreaterThan(20);
    expect(label?.split(': ')[1]?.split(', ')).toHaveLength(customerMessages);
    expect(await app.locator('[data-testid="sparkline-pending"]').count()).toBe(0);
  });

  test('a calm ticket reads calm, and a reply after ours reads calmer', async () => {
    session = await openWorkspace('?ticket=1002');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    expect(await app.textContent('[data-testid="after-reply"]')).toBe('After your last reply: calmer');
  });

  test('a Spanish thread is not assessed, never called calm', async () => {
    session = await openWorkspace('?ticket=1005');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Not assessed');
    expect(await app.textContent('[data-testid="not-assessed"]')).toContain('language not supported (es)');
  });

  test('updates live when the customer writes again', async () => {
    session = await openWorkspace('?ticket=1003');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Calm');
    await session.page.click('.ws-simulate summary');
    await session.page.fill('[data-testid="customer-reply"]', 'This is the THIRD time I am asking!!! I want to speak to your supervisor or I will cancel my account.');
    await session.page.click('[data-testid="add-customer-reply"]');
    await app.waitForFunction(() => document.querySelector('[data-testid="tension-level"]')?.textContent === 'Heated');
    expect(await app.locator('[data-reason="supervisor-demand"]').count()).toBe(1);
  });
});

describe('draft checker', () => {
  test('flags escalating words while the agent types and checks the reply’s structure', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(session.page, "I understand your frustration, but that's our policy. Please calm down.");
    await expect.poll(() => flagTexts(app)).toEqual(['I understand your frustration, but', "that's our policy", 'calm down']);
    expect(await app.getAttribute('[data-rule="dismissive.calm-down"]', 'class')).toContain('df-flag--severe');
    await session.page.keyboard.type(' I will refund you by Friday and update you then.');
    await app.waitForSelector('[data-element="time-window"][data-present="true"]');
    expect(await app.getAttribute('[data-element="owner"]', 'data-present')).toBe('true');
    expect(await app.getAttribute('[data-element="choice"]', 'data-present')).toBe('false');
  });

  test('a phrase repeated through a long pasted draft is one card with its count', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await session.page.locator('[data-testid="composer-rich"]').click();
    await session.page.evaluate((text) => {
      const editor = document.querySelector('[data-testid="composer-rich"]')!;
      editor.textContent = text;
      editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, 'Hi, that is our policy. '.repeat(300));
    await expect.poll(() => flagTexts(app)).toEqual(['that is our policy']);
    expect(await app.textContent('[data-testid="flag-count"]')).toBe(' used 300 times');
  });

  test('one click replaces only the flagged words, keeping the rest of the draft and its formatting', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    const page = session.page;
    await page.locator('[data-testid="composer-rich"]').click();
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Dana,');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' you need to restart the router. I am on it.');
    await app.waitForSelector('[data-rule="commanding.you-need-to"]');
    const composer = page.locator('[data-testid="composer-rich"]');
    // The editor types non-breaking spaces next to formatting; read it as the agent does.
    const text = async () => (await composer.textContent())!.replace(/\u00a0/g, ' ');
    await app.getByRole('button', { name: 'Replace “you need to” with “could you please”' }).click();
    await expect.poll(text).toBe('Dana, could you please restart the router. I am on it.');
    expect(await composer.locator('b, strong').first().textContent()).toBe('Dana,');
    await app.waitForFunction(() => !document.querySelector('[data-rule="commanding.you-need-to"]'));
  });

  test('a removal takes the word and one space out; a sentence start keeps its capital', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await session.page.uncheck('[data-testid="rich-toggle"]');
    const plain = session.page.locator('[data-testid="composer-plain"]');
    await plain.fill('Obviously the refund is late. You need to wait, just click Refresh.');
    await app.waitForSelector('[data-rule="condescending.just"]');
    await app.getByRole('button', { name: 'Replace “just” with “”' }).click();
    await expect.poll(() => plain.inputValue()).toBe('Obviously the refund is late. You need to wait, click Refresh.');
    await app.getByRole('button', { name: 'Replace “You need to” with “could you please”' }).click();
    await expect.poll(() => plain.inputValue()).toBe('Obviously the refund is late. Could you please wait, click Refresh.');
  });

  test('a dismissed flag stays dismissed for this ticket', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(session.page, 'To be honest, please calm down.');
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    await app.getByRole('button', { name: 'Dismiss the flag on “calm down” for this ticket' }).click();
    await session.page.keyboard.type(' Thanks.');
    await session.page.waitForTimeout(400);
    expect(await app.locator('[data-rule="dismissive.calm-down"]').count()).toBe(0);
  });

  test('plain-text composer is checked too', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await session.page.uncheck('[data-testid="rich-toggle"]');
    await session.page.fill('[data-testid="composer-plain"]', "There's nothing I can do about that.");
    await app.waitForSelector('[data-testid="flags"]');
    expect(await flagTexts(app)).toEqual(["There's nothing I can do"]);
  });
});

describe('save gate', () => {
  test('warn (default): the first send with severe flags on a heated ticket is held with a reason, the second goes through', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(page, 'Please calm down, that is our policy.');
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    const before = await page.locator('.ws-msg').count();
    await page.click('[data-testid="submit"]');
    await page.waitForSelector('[data-testid="save-blocked"]');
    expect(await page.textContent('[data-testid="save-blocked"]')).toContain('submit again to send anyway');
    expect(await page.locator('.ws-msg').count()).toBe(before);
    expect(await page.locator('[data-testid="composer-rich"]').textContent()).toBe('Please calm down, that is our policy.');
    await page.click('[data-testid="submit"]');
    await expect.poll(() => page.locator('.ws-msg').count()).toBe(before + 1);
  });

  test('block: the send is stopped every time until the phrase is gone', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { draft_gate: 'block' });
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(page, 'Please calm down.');
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    const before = await page.locator('.ws-msg').count();
    for (let i = 0; i < 2; i++) {
      await page.click('[data-testid="submit"]');
      await page.waitForSelector('[data-testid="save-blocked"]');
      expect(await page.textContent('[data-testid="save-blocked"]')).toContain('Rephrase them to send');
    }
    expect(await page.locator('.ws-msg').count()).toBe(before);
  });

  test('a calm ticket is never held', async () => {
    session = await openWorkspace('?ticket=1003');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(page, 'Please calm down.');
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    const before = await page.locator('.ws-msg').count();
    await page.click('[data-testid="submit"]');
    await expect.poll(() => page.locator('.ws-msg').count()).toBe(before + 1);
  });
});

describe('settings', () => {
  test('broken settings show admins each problem with its path, and the app keeps working on defaults', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { draft_gate: 'blok', tension_thresholds: '{"tense": 80, "heated": 20}', phrase_rules: '{"add": [{"phrase": "per policy", "category": "polcy-wall"}], "disable": ["dismissive.calm-dwn"]}' });
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="settings-problems"]');
    const problems = await app.locator('[data-testid="settings-problems"] li').allTextContents();
    expect(problems).toEqual([
      'draft_gate: must be one of off, warn, block (got "blok") — did you mean "block"?; using "warn"',
      'tension_thresholds: "tense" (80) must be below "heated" (20)',
      expect.stringMatching(/^phrase_rules\.add\[0\]\.category: must be one of /),
      'phrase_rules.disable[0]: unknown rule "dismissive.calm-dwn" — did you mean "dismissive.calm-down"?',
    ]);
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Heated');
  });

  test('agents get a short notice instead of the details', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { draft_gate: 'blok' });
    await page.selectOption('[data-testid="agent"]', { label: 'Priya Natarajan (agent, en-US)' });
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="settings-notice"]');
    expect(await app.locator('[data-testid="settings-problems"]').count()).toBe(0);
  });

  test('an admin phrase rule is flagged in drafts', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { phrase_rules: '{"add": [{"phrase": "per our terms", "category": "policy-wall", "suggestion": "Here is what I can do:"}]}' });
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await typeReply(page, 'Per our terms, no.');
    await app.waitForSelector('[data-testid="flags"]');
    expect(await flagTexts(app)).toContain('Per our terms');
  });
});
