// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { ui as en } from '../../translations/en.json';
import samples from '../host/paths.samples.json';
import { FakeHost } from '../host/fake-host';
import { PATHS } from '../host/paths';
import { createTranslate } from '../i18n/translate';
import { createTicketModel } from '../state/ticket-model';
import { App } from './App';

const t = createTranslate([en]);
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(host: FakeHost) {
  root = document.createElement('div');
  document.body.append(root);
  const ticket = createTicketModel(host);
  await act(async () => {
    render(<App ticket={ticket} t={t} />, root);
  });
  return ticket;
}

describe('App states', () => {
  test('loading is announced as a status', async () => {
    const host = new FakeHost(structuredClone(samples));
    host.gate = new Promise(() => {});
    const ticket = await mount(host);
    void ticket.load();
    await act(async () => {});
    expect(root.querySelector('[role="status"]')?.textContent).toBe(en['state.loading']);
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
  });

  test('ready shows requester, brand and the customer message count', async () => {
    const ticket = await mount(new FakeHost(structuredClone(samples)));
    await act(() => ticket.load());
    expect(root.querySelector('[data-testid="requester"]')?.textContent).toBe('Dana Whitfield');
    expect(root.querySelector('[data-testid="brand"]')?.textContent).toBe('Northwind Outfitters');
    expect(root.querySelector('[data-testid="customer-messages"]')?.textContent).toBe('1');
  });

  test('a requester without a name shows their email', async () => {
    const values = structuredClone(samples) as Record<string, unknown>;
    values[PATHS.requester] = { name: null, email: 'm.okafor@example.org' };
    const ticket = await mount(new FakeHost(values));
    await act(() => ticket.load());
    expect(root.querySelector('[data-testid="requester"]')?.textContent).toBe('m.okafor@example.org');
  });

  test('no customer messages shows the empty state', async () => {
    const values = structuredClone(samples) as Record<string, unknown>;
    values[PATHS.conversation] = [];
    const ticket = await mount(new FakeHost(values));
    await act(() => ticket.load());
    expect(root.querySelector('.df-empty')?.textContent).toBe(en['state.empty']);
  });

  test('an error is an alert with the reason and a working retry', async () => {
    const host = new FakeHost(structuredClone(samples));
    host.failures.set(PATHS.conversation, { ok: false, error: { kind: 'timeout', path: PATHS.conversation, message: 'Zendesk did not answer within 10 s.' } });
    const ticket = await mount(host);
    await act(() => ticket.load());
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(en['state.timeout']);
    expect(alert?.textContent).toContain('Zendesk did not answer within 10 s.');
    host.failures.clear();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('button')?.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(root.querySelector('[data-testid="requester"]')?.textContent).toBe('Dana Whitfield');
  });
});
