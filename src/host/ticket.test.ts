import { describe, expect, test } from 'vitest';
import samples from './paths.samples.json';
import { FakeHost } from './fake-host';
import { PATHS } from './paths';
import { readTicket, toMessages } from './ticket';

describe('recorded sample responses parse', () => {
  test('every path Defuse reads has a recorded sample', () => {
    for (const path of Object.values(PATHS)) expect(samples).toHaveProperty([path]);
  });

  test('the sample ticket reads into a snapshot', async () => {
    const r = await readTicket(new FakeHost(samples));
    expect(r).toEqual({
      ok: true,
      value: {
        id: 1042,
        subject: 'Refund still missing after three weeks',
        requester: { name: 'Dana Whitfield', email: 'dana.whitfield@example.com', locale: 'en-US', role: 'end-user' },
        brand: { id: '360001', name: 'Northwind Outfitters' },
        tags: ['refund', 'vip'],
        messages: [
          expect.objectContaining({ author: 'customer', internal: false, html: true, authorName: 'Dana Whitfield' }),
          expect.objectContaining({ author: 'agent', internal: true }),
        ],
        currentUser: { name: 'Sam Ortiz', email: 'sam@northwind.example', locale: 'en-US', role: 'admin' },
      },
    });
  });
});

describe('readTicket', () => {
  test('optional parts that fail leave gaps, not errors', async () => {
    const host = new FakeHost({ [PATHS.conversation]: samples['ticket.conversation'] });
    const r = await readTicket(host);
    expect(r.ok && r.value).toMatchObject({ id: null, subject: '', requester: null, brand: null, tags: [] });
  });

  test('a conversation that fails to load is an error naming the path', async () => {
    const host = new FakeHost(samples);
    host.failures.set(PATHS.conversation, { ok: false, error: { kind: 'host', path: PATHS.conversation, message: 'boom' } });
    expect(await readTicket(host)).toEqual({ ok: false, error: { kind: 'host', path: PATHS.conversation, message: 'boom' } });
  });

  test('a conversation of the wrong shape is rejected with where it went wrong', () => {
    const r = toMessages([{ author: {}, message: { content: 5 } }]);
    expect(r.ok === false && r.error.message).toBe('0.message.content: expected text');
  });
});

describe('payload readers refuse what is not there', () => {
  test.each([
    ['a list of numbers', [1, 2], '0: expected a message object'],
    ['no author', [{ message: { content: 'x' } }], '0.author: expected an object'],
    ['no message', [{ author: {} }], '0.message: expected an object'],
    ['not a list', { a: 1 }, '(root): expected a list of messages'],
  ])('%s', (_name, value, message) => {
    const r = toMessages(value);
    expect(r.ok === false && r.error.message).toBe(message);
  });

  test('a null content (attachment-only message) reads as empty text', () => {
    const r = toMessages([{ author: { role: 'end-user' }, message: { content: null } }]);
    expect(r.ok && r.value[0]?.body).toBe('');
  });
});
