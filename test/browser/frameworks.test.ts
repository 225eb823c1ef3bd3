import { afterEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { appFrame, openWorkspace, saveSettings, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function openFramework(app: Frame, id: string): Promise<void> {
  await app.locator(`[data-framework="${id}"] .df-fw-item`).click();
  await app.waitForSelector('[data-testid="framework-form"]');
}

async function fillOptions(app: Frame): Promise<void> {
  await app.getByLabel('Impact on the customer').fill('you have been without your refund for three weeks');
  await app.getByLabel('Options (two or three), option 1').fill('I refund you today by bank transfer');
  await app.getByLabel('Options (two or three), option 2').fill('we send a store credit of $300 right now');
}

const tags = (page: Page) => page.locator('[data-testid="tags"] li').allTextContents();

describe('frameworks', () => {
  test('the suggested framework fits the ticket and says why', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="frameworks"]');
    const first = app.locator('[data-framework]').first();
    expect(await first.getAttribute('data-framework')).toBe('acknowledge-align-assure');
    expect(await first.locator('.df-badge--suggested').textContent()).toBe('Suggested');
    expect(await first.locator('.df-fw-item__why').textContent()).toMatch(/heated/i);
  });

  test('required slots must be filled; the preview shows exactly what goes in, with the customer’s name', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="frameworks"]');
    await openFramework(app, 'options');
    // Announced as unavailable to assistive tech, yet a click still explains what is missing.
    expect(await app.getAttribute('[data-testid="framework-insert"]', 'aria-disabled')).toBe('true');
    await app.click('[data-testid="framework-insert"]', { force: true });
    expect(await app.textContent('[data-testid="framework-status"]')).toBe('Fill in the required fields first.');
    expect(await session.page.locator('[data-testid="composer-rich"]').textContent()).toBe('');
    await fillOptions(app);
    await expect.poll(() => app.locator('[data-testid="framework-missing"]').count()).toBe(0);
    const preview = (await app.textContent('[data-testid="framework-preview"]'))!;
    expect(preview).toMatch(/^Hi Dana,/);
    expect(preview).toContain('• I refund you today by bank transfer');
    expect(preview).not.toMatch(/\{\{/);
  });

  test('insert lands at the cursor in rich text without losing the draft', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="frameworks"]');
    const composer = page.locator('[data-testid="composer-rich"]');
    await composer.click();
    await page.keyboard.type('P.S. Your order number is NW-48213.');
    await page.keyboard.press('Control+Home');
    await openFramework(app, 'options');
    await fillOptions(app);
    const preview = (await app.textContent('[data-testid="framework-preview"]'))!;
    await app.click('[data-testid="framework-insert"]');
    expect(await app.textContent('[data-testid="framework-status"]')).toBe('Inserted at your cursor.');
    const text = (await composer.innerText()).replace(/\u00a0/g, ' ');
    expect(text.endsWith('P.S. Your order number is NW-48213.')).toBe(true);
    expect(text).toContain('Hi Dana,');
    expect(await composer.locator('li').allTextContents()).toEqual(['I refund you today by bank transfer', 'we send a store credit of $300 right now']);
    expect(preview.split('\n')[0]).toBe('Hi Dana,');
  });

  test('insert in the plain-text composer keeps the draft too', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="frameworks"]');
    await page.uncheck('[data-testid="rich-toggle"]');
    const plain = page.locator('[data-testid="composer-plain"]');
    await plain.fill('Draft I must keep.');
    await openFramework(app, 'options');
    await fillOptions(app);
    await app.click('[data-testid="framework-insert"]');
    await expect.poll(() => plain.inputValue()).toMatch(/^Draft I must keep\.Hi Dana,/);
    expect(await plain.inputValue()).toContain('I refund you today by bank transfer');
  });

  test('customer words are inserted as text, never as markup', async () => {
    session = await openWorkspace('?ticket=1003');
    const page = session.page;
    let app = await appFrame(page);
    await page.click('.ws-simulate summary');
    await page.fill('[data-testid="customer-reply"]', 'This is the third time I ask: <img src=x onerror=alert(1)> <b>fix it</b> or I cancel!');
    await page.click('[data-testid="add-customer-reply"]');
    app = await appFrame(page);
    await app.waitForFunction(() => document.querySelector('[data-testid="tension-level"]')?.textContent !== 'Calm');
    await openFramework(app, 'reflect-and-verify');
    const preview = (await app.textContent('[data-testid="framework-preview"]'))!;
    expect(preview).toContain('You wrote “This is the third time I ask');
    await app.getByLabel('Next step').fill('I will update your address today');
    await app.getByLabel('Facts checked').fill('your new address is saved');
    await app.locator('.df-picks button').first().click();
    await app.click('[data-testid="framework-insert"]');
    const composer = page.locator('[data-testid="composer-rich"]');
    await expect.poll(() => composer.textContent()).toContain('You wrote “This is the third time I ask');
    expect(await composer.locator('img, b, script').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  test('a brand whose policy excludes a framework never shows it', async () => {
    session = await openWorkspace('?ticket=1002');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { frameworks_policy: '{"brands": {"Parcelly": {"allowed": ["follow-up", "reflect-and-verify"]}}}' });
    let app = await appFrame(page);
    await app.waitForSelector('[data-testid="frameworks"]');
    expect((await app.locator('[data-framework]').evaluateAll((els) => els.map((e) => e.getAttribute('data-framework')))).sort()).toEqual(['follow-up', 'reflect-and-verify']);
    // The same install on another brand still offers every framework.
    await page.selectOption('[data-testid="brand"]', { label: 'Northwind Outfitters' });
    app = await appFrame(page);
    await expect.poll(() => app.locator('[data-framework]').count()).toBe(6);
  });

  test('a misspelt framework in the policy is reported with a suggestion, and the rest applies', async () => {
    session = await openWorkspace('?ticket=1002');
    const page = session.page;
    await appFrame(page);
    await saveSettings(page, { frameworks_policy: '{"brands": {"Parcelly": {"allowed": ["optons", "follow-up"]}}}' });
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="settings-problems"]');
    expect(await app.locator('[data-testid="settings-problems"] li').allTextContents()).toEqual([
      'frameworks_policy.brands.Parcelly.allowed[0]: unknown framework "optons" — did you mean "options"?',
    ]);
    await app.waitForSelector('[data-testid="frameworks"]');
    expect(await app.locator('[data-framework]').evaluateAll((els) => els.map((e) => e.getAttribute('data-framework')))).toEqual(['follow-up']);
  });
});

describe('languages', () => {
  test('an agent whose Zendesk is in Spanish gets the sidebar in Spanish; the reply follows the requester’s language', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    await appFrame(page);
    await page.selectOption('[data-testid="agent"]', { label: 'Lucía Fernández (agent, es)' });
    const app = await appFrame(page);
    await app.waitForFunction(() => document.querySelector('#df-tension-title')?.textContent === 'Tensión del cliente');
    expect(await app.textContent('[data-testid="tension-level"]')).toBe('Alterado');
    expect(await app.evaluate(() => document.documentElement.lang)).toBe('es');
    // Dana writes in English, so a framework inserted for her is in English even for a Spanish-speaking agent.
    await openFramework(app, 'options');
    expect(await app.textContent('[data-testid="framework-preview"]')).toMatch(/^Hi Dana,/);
  });

  test('a Spanish-speaking requester gets the reply in Spanish while the English agent keeps English names and labels', async () => {
    session = await openWorkspace('?ticket=1005');
    const app = await appFrame(session.page);
    await openFramework(app, 'options');
    // The Spanish texts are a chunk of their own, fetched for this requester.
    await app.waitForFunction(() => document.querySelector('[data-testid="framework-preview"]')?.textContent?.startsWith('Hola, Javier:'));
    expect(await app.textContent('[data-testid="framework-preview"]')).toContain('¿Cuál le viene mejor?');
    expect(await app.locator('[data-framework="options"] .df-fw-item__name').textContent()).toBe('Offer options');
    await app.getByLabel('Impact on the customer').fill('lleva tres semanas sin su pedido');
    await expect.poll(() => app.textContent('[data-testid="framework-preview"]')).toContain('lleva tres semanas sin su pedido');
  });
});

describe('QA tags at reply time', () => {
  test('a reply on a heated ticket sets the level and cue tags; a later calm verdict replaces the level tag', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="tension-level"]');
    await page.locator('[data-testid="composer-rich"]').click();
    await page.keyboard.type('I have refunded $289.00 to your card today; you will see it within 3 days.');
    await page.click('[data-testid="submit"]');
    await expect.poll(() => tags(page)).toContain('defuse_heated');
    expect(await tags(page)).toEqual(expect.arrayContaining(['defuse_cue_legal_threat', 'defuse_cue_repeat_contact']));
    await page.click('.ws-simulate summary');
    await page.fill('[data-testid="customer-reply"]', 'Thank you so much, I can see the refund now. Have a lovely day!');
    await page.click('[data-testid="add-customer-reply"]');
    await app.waitForFunction(() => document.querySelector('[data-testid="tension-level"]')?.textContent !== 'Heated');
    const level = (await app.textContent('[data-testid="tension-level"]'))!.toLowerCase();
    await page.locator('[data-testid="composer-rich"]').click();
    await page.keyboard.type('Glad it arrived. Have a good week.');
    await page.click('[data-testid="submit"]');
    await expect.poll(() => tags(page)).toContain(`defuse_${level}`);
    expect((await tags(page)).filter((t) => /^defuse_(calm|tense|heated)$/.test(t))).toEqual([`defuse_${level}`]);
  });

  test('a reply sent anyway with severe flags, after a framework, is tagged so QA can find it', async () => {
    session = await openWorkspace('?ticket=1001');
    const page = session.page;
    const app = await appFrame(page);
    await app.waitForSelector('[data-testid="frameworks"]');
    await openFramework(app, 'options');
    await fillOptions(app);
    await app.click('[data-testid="framework-insert"]');
    await page.locator('[data-testid="composer-rich"]').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Please calm down.');
    await app.waitForSelector('[data-rule="dismissive.calm-down"]');
    await page.click('[data-testid="submit"]');
    await page.waitForSelector('[data-testid="save-blocked"]');
    await page.click('[data-testid="submit"]');
    await expect.poll(() => tags(page)).toEqual(expect.arrayContaining(['defuse_flagged_reply', 'defuse_fw_options', 'defuse_heated']));
  });

  test('an agent can mark the verdict wrong, and QA finds it by its tag', async () => {
    session = await openWorkspace('?ticket=1008');
    const page = session.page;
    const app = await appFrame(page);
    await app.click('[data-testid="false-flag"]');
    expect(await app.getAttribute('[data-testid="false-flag"]', 'aria-pressed')).toBe('true');
    await page.locator('[data-testid="composer-rich"]').click();
    await page.keyboard.type('Thanks Ravi, the invoice is attached.');
    await page.click('[data-testid="submit"]');
    await expect.poll(() => tags(page)).toContain('defuse_false_flag');
  });
});
