import { afterEach, describe, expect, test, vi } from 'vitest';
import { ZafHost, connectZaf, type ZafClient } from './zaf';

function client(overrides: Partial<ZafClient> = {}): ZafClient {
  return {
    get: async () => ({ errors: {} }),
    set: async () => ({ errors: {} }),
    invoke: async () => ({ errors: {} }),
    on: () => {},
    off: () => {},
    metadata: async () => ({ settings: {} }),
    context: async () => ({ location: 'ticket_sidebar', ticketId: 7 }),
    ...overrides,
  };
}

afterEach(() => vi.useRealTimers());

describe('get: every path gets its own result', () => {
  test.each([
    ['value present', { errors: {}, 'ticket.subject': 'Hi' }, { ok: true, value: 'Hi' }],
    ['per-path error from the host', { errors: { 'ticket.subject': { message: 'nope', name: 'E' } } }, { ok: false, error: { kind: 'host', path: 'ticket.subject', message: 'nope' } }],
    ['path missing from the answer', { errors: {} }, { ok: false, error: { kind: 'host', path: 'ticket.subject', message: 'Zendesk returned no value.' } }],
    // The npm SDK resolves its 5 s timeout with an error-shaped object instead of rejecting.
    ['SDK timeout resolved as an object', { name: 'TimeoutError', message: 'Timeout when invoking "get"' }, { ok: false, error: { kind: 'timeout', path: 'ticket.subject', message: 'Zendesk did not answer in time.' } }],
    // Nameless top-level host errors also resolve rather than reject.
    ['nameless host error resolved as an object', { message: 'Something broke' }, { ok: false, error: { kind: 'host', path: 'ticket.subject', message: 'Something broke' } }],
  ])('%s', async (_name, answer, expected) => {
    const host = new ZafHost(client({ get: async () => answer }), 1000);
    expect((await host.get(['ticket.subject']))['ticket.subject']).toEqual(expected);
  });

  test('a rejected call fails each path with its message', async () => {
    const host = new ZafHost(client({ get: async () => Promise.reject(new Error('gone')) }), 1000);
    const r = await host.get(['a', 'b']);
    expect(r.a).toEqual({ ok: false, error: { kind: 'host', path: 'a', message: 'gone' } });
    expect(r.b).toEqual({ ok: false, error: { kind: 'host', path: 'b', message: 'gone' } });
  });

  test('a host that never answers becomes a timeout result', async () => {
    vi.useFakeTimers();
    const host = new ZafHost(client({ get: () => new Promise(() => {}) }), 3000);
    const pending = host.get(['ticket.id']);
    await vi.advanceTimersByTimeAsync(3000);
    expect((await pending)['ticket.id']).toEqual({ ok: false, error: { kind: 'timeout', path: 'ticket.id', message: 'Zendesk did not answer within 3 s.' } });
  });
});

describe('events and hooks', () => {
  test('on returns an unsubscriber that removes the same handler', () => {
    const on = vi.fn();
    const off = vi.fn();
    const host = new ZafHost(client({ on, off }), 1000);
    const unsubscribe = host.on('ticket.updated', () => {});
    unsubscribe();
    expect(off).toHaveBeenCalledWith('ticket.updated', on.mock.calls[0]?.[1]);
  });

  async function runSaveHook(decision: () => unknown): Promise<unknown> {
    let handler: ((...a: unknown[]) => unknown) | undefined;
    const host = new ZafHost(client({ on: (_e, h) => (handler = h) }), 1000);
    host.onSave(decision as never);
    return Promise.resolve(handler?.()).then((v) => ({ allowed: v }), (reason: unknown) => ({ blocked: reason }));
  }

  test.each([
    ['allow', () => ({ allow: true }), { allowed: true }],
    ['block with the message the agent sees', () => ({ allow: false, message: 'Remove "calm down" first.' }), { blocked: 'Remove "calm down" first.' }],
    ['a hook that throws never blocks a send', () => { throw new Error('bug'); }, { allowed: true }],
  ])('save hook: %s', async (_name, decision, expected) => {
    expect(await runSaveHook(decision)).toEqual(expected);
  });
});

describe('metadata and context', () => {
  test('settings come through as the installation stores them', async () => {
    const host = new ZafHost(client({ metadata: async () => ({ appId: 1, settings: { draft_gate: 'block' } }) }), 1000);
    expect(await host.metadata()).toEqual({ ok: true, value: { settings: { draft_gate: 'block' } } });
  });

  test('a context without a location is rejected with the path', async () => {
    const host = new ZafHost(client({ context: async () => ({ ticketId: 3 }) }), 1000);
    const r = await host.context();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('location: expected text');
  });

  test('resize asks for full width and a whole pixel height', () => {
    const invoke = vi.fn(async () => ({}));
    new ZafHost(client({ invoke }), 1000).resize(200.2);
    expect(invoke).toHaveBeenCalledWith('resize', { width: '100%', height: '201px' });
  });
});

describe('connectZaf', () => {
  test('says why when the SDK is missing or the page is not inside Zendesk', () => {
    expect(connectZaf({} as Window)).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    const outside = connectZaf({ ZAFClient: { init: () => false } } as unknown as Window);
    expect(outside.ok === false && outside.error.message).toContain('inside a Zendesk ticket');
  });
});
