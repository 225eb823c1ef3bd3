import { afterEach, describe, expect, test } from 'vitest';
import { appFrame, openWorkspace, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('the app in the local workspace, over the real ZAF SDK', () => {
  test('shows the ticket it is on: requester, brand and customer messages (internal notes not counted)', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="requester"]');
    expect(await app.textContent('[data-testid="requester"]')).toBe('Dana Whitfield');
    expect(await app.textContent('[data-testid="brand"]')).toBe('Northwind Outfitters');
    const customerMessages = await session.page.locator('.ws-msg--customer').count();
    expect(customerMessages).toBeGreaterThan(0);
    expect(await app.textContent('[data-testid="customer-messages"]')).toBe(String(customerMessages));
    expect(session.pageErrors).toEqual([]);
  });

  test('follows a new customer comment without a reload', async () => {
    session = await openWorkspace('?ticket=1003');
    const app = await appFrame(session.page);
    const before = Number(await app.locator('[data-testid="customer-messages"]').textContent());
    await session.page.click('.ws-simulate summary');
    await session.page.fill('[data-testid="customer-reply"]', 'Any news on this? I moved last week.');
    await session.page.click('[data-testid="add-customer-reply"]');
    await app.waitForFunction((n) => document.querySelector('[data-testid="customer-messages"]')?.textContent === String(n), before + 1);
    expect(await app.textContent('[data-testid="customer-messages"]')).toBe(String(before + 1));
  });

  test('follows a brand switch in the ticket', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="brand"]');
    await session.page.selectOption('[data-testid="brand"]', { label: 'Parcelly' });
    await app.waitForFunction(() => document.querySelector('[data-testid="brand"]')?.textContent === 'Parcelly');
  });

  test('an insert through the host lands at the cursor in the composer, keeping the draft', async () => {
    session = await openWorkspace('?ticket=1002');
    const app = await appFrame(session.page);
    const composer = session.page.locator('[data-testid="composer-rich"]');
    await composer.click();
    await session.page.keyboard.type('Hi Marcus, thanks for waiting.');
    // Put the cursor after "Hi Marcus," as an agent would, then act from the app.
    await session.page.keyboard.press('Home');
    for (let i = 0; i < 'Hi Marcus,'.length; i++) await session.page.keyboard.press('ArrowRight');
    await app.evaluate(async () => {
      const client = (window as unknown as { ZAFClient: { init(): { invoke(n: string, v: string): Promise<unknown> } } }).ZAFClient.init();
      await client.invoke('ticket.editor.insert', ' <strong>I have your parcel</strong>');
    });
    await session.page.waitForFunction(() => document.querySelector('[data-testid="composer-rich"]')?.textContent?.includes('parcel'));
    expect(await composer.textContent()).toBe('Hi Marcus, I have your parcel thanks for waiting.');
    expect(await composer.locator('strong').count()).toBe(1);
  });

  test('an insert in plain-text mode lands at the cursor as text', async () => {
    session = await openWorkspace('?ticket=1002');
    const app = await appFrame(session.page);
    await session.page.uncheck('[data-testid="rich-toggle"]');
    const plain = session.page.locator('[data-testid="composer-plain"]');
    await plain.fill('First line.\nLast line.');
    await plain.evaluate((el: HTMLTextAreaElement) => {
      el.setSelectionRange(11, 11);
      el.dispatchEvent(new Event('select'));
    });
    await app.evaluate(async () => {
      const client = (window as unknown as { ZAFClient: { init(): { invoke(n: string, v: string): Promise<unknown> } } }).ZAFClient.init();
      await client.invoke('ticket.editor.insert', ' <em>Middle &amp; more.</em>');
    });
    await expect.poll(() => plain.inputValue()).toBe('First line. Middle & more.\nLast line.');
  });

  test('a host that cannot read the conversation shows an error, and Try again recovers', async () => {
    session = await openWorkspace('?ticket=1001&host=failing');
    const app = await appFrame(session.page);
    const alert = app.locator('[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('could not read this ticket');
    await session.page.selectOption('[data-testid="faults"]', 'ok');
    await app.getByRole('button', { name: 'Try again' }).click();
    await app.waitForSelector('[data-testid="requester"]');
    expect(await app.textContent('[data-testid="requester"]')).toBe('Dana Whitfield');
  });

  test('a host that does not answer shows a timeout state with a retry', async () => {
    session = await openWorkspace('?ticket=1001&host=slow');
    const app = await appFrame(session.page);
    expect(await app.locator('[role="status"]').textContent()).toContain('Reading the ticket');
    const alert = app.locator('[role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('taking too long');
    expect(await app.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });

  test('a ticket with no customer messages shows the empty state', async () => {
    session = await openWorkspace('?ticket=1006');
    const app = await appFrame(session.page);
    const empty = app.locator('.df-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No customer messages yet');
  });

  test('the sidebar resizes its iframe to its content', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="requester"]');
    const content = await app.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height));
    await expect.poll(async () => (await session!.page.locator('[data-testid="app-frame"]').boundingBox())?.height).toBe(content);
  });

  test('no request leaves the app iframe except its own assets and the SDK', async () => {
    session = await openWorkspace('?ticket=1001');
    const app = await appFrame(session.page);
    await app.waitForSelector('[data-testid="requester"]');
    const appOrigin = session.workspace.appOrigin;
    const fromApp = session.requests.filter((r) => r.frameUrl.startsWith(appOrigin));
    expect(fromApp.length).toBeGreaterThan(0);
    const paths = fromApp.map((r) => new URL(r.url)).map((u) => (u.origin === appOrigin ? u.pathname : u.href));
    expect(paths.every((p) => p.startsWith('/assets/') || p === '/sdk/zaf_sdk.js')).toBe(true);
    expect(paths).toContain('/sdk/zaf_sdk.js');
  });
});
