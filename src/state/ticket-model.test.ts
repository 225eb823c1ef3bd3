import { describe, expect, test } from 'vitest';
import samples from '../host/paths.samples.json';
import { FakeHost } from '../host/fake-host';
import { EVENTS, PATHS } from '../host/paths';
import { createTicketModel } from './ticket-model';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ticket model', () => {
  test('loading, then ready with the customer messages counted (internal notes are not)', async () => {
    const model = createTicketModel(new FakeHost(structuredClone(samples)));
    expect(model.state.value.status).toBe('loading');
    await model.load();
    expect(model.state.value.status).toBe('ready');
    expect(model.customerMessageCount.value).toBe(1);
  });

  test('a live change reloads once, keeping the ticket on screen meanwhile', async () => {
    const values = structuredClone(samples) as Record<string, unknown>;
    const host = new FakeHost(values);
    const model = createTicketModel(host);
    const stop = model.follow();
    await model.load();
    const conversation = values[PATHS.conversation] as unknown[];
    values[PATHS.conversation] = [...conversation, { ...(conversation[0] as object) }];
    const gets = host.calls.filter((c) => c.op === 'get').length;
    host.emit(EVENTS.conversationChanged);
    host.emit(EVENTS.commentsChanged);
    host.emit(EVENTS.updated);
    await Promise.resolve();
    expect(model.state.value).toMatchObject({ status: 'ready', refreshing: true });
    await flush();
    expect(host.calls.filter((c) => c.op === 'get').length).toBe(gets + 1);
    expect(model.customerMessageCount.value).toBe(2);
    stop();
    expect(host.listenerCount(EVENTS.conversationChanged)).toBe(0);
  });

  test('an error, then a retry that succeeds', async () => {
    const host = new FakeHost(structuredClone(samples));
    host.failures.set(PATHS.conversation, { ok: false, error: { kind: 'timeout', path: PATHS.conversation, message: 'slow' } });
    const model = createTicketModel(host);
    await model.load();
    expect(model.state.value).toEqual({ status: 'error', error: { kind: 'timeout', path: PATHS.conversation, message: 'slow' } });
    host.failures.clear();
    await model.load();
    expect(model.state.value.status).toBe('ready');
  });

  test('when loads overlap, the newest answer wins', async () => {
    const host = new FakeHost(structuredClone(samples));
    let release!: () => void;
    host.gate = new Promise((r) => (release = r));
    const model = createTicketModel(host);
    const first = model.load();
    host.gate = null;
    host.values[PATHS.subject] = 'Newer subject';
    await model.load();
    release();
    await first;
    const s = model.state.value;
    expect(s.status === 'ready' && s.ticket.subject).toBe('Newer subject');
  });
});
