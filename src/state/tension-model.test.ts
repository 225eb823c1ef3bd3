import { computed, signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import { classifyThread } from '../core/tension';
import { seedRules } from '../core/tension/test-seeds';
import type { ConversationMessage, TicketSnapshot } from '../host/ticket';
import { createTensionModel } from './tension-model';
import type { TicketModel, TicketState } from './ticket-model';

const rules = seedRules();
const msg = (author: 'customer' | 'agent', body: string): ConversationMessage => ({ author, authorName: author, internal: false, body, html: false, timestamp: null });
const calm = msg('customer', 'Hi, could you check my order? Thanks');
const heated = msg('customer', 'This is the third time I ask. I want to speak to a manager NOW!!!');
const snapshot = (messages: ConversationMessage[]): TicketSnapshot => ({ id: 1, subject: 's', requester: null, brand: null, tags: [], messages, currentUser: null });

function setup() {
  const state = signal<TicketState>({ status: 'loading' });
  const ticket: TicketModel = { state, customerMessageCount: computed(() => 0), load: async () => {}, follow: () => () => {} };
  const queued: Array<() => void> = [];
  const model = createTensionModel(ticket, { tensionRules: signal(rules) }, { later: (run) => queued.push(run) });
  const show = (messages: ConversationMessage[]) => (state.value = { status: 'ready', ticket: snapshot(messages), refreshing: false });
  return { model, show, queued };
}

describe('tension model', () => {
  const long = [...Array(30).fill(calm), msg('agent', 'Looking into it.'), heated];
  const whole = classifyThread(long.map((m) => ({ author: m.author, text: m.body })), rules);

  test('a long thread shows the whole thread\'s level at once, and its full series after `later`', () => {
    const { model, show, queued } = setup();
    expect(model.verdict.value).toBeNull();
    show(long);
    const first = model.verdict.value!;
    expect([first.level, first.score, first.reasons, first.afterLastReply]).toEqual([whole.level, whole.score, whole.reasons, whole.afterLastReply]);
    expect(first.messages.length).toBeLessThan(whole.messages.length);
    expect(first.unscored).toBe(whole.messages.length - first.messages.length);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(model.verdict.value).toEqual(whole);
  });

  test('a short thread is whole at once and schedules nothing', () => {
    const { model, show, queued } = setup();
    show([calm]);
    expect(model.verdict.value?.unscored).toBeUndefined();
    expect(model.verdict.value?.messages).toHaveLength(1);
    expect(queued).toHaveLength(0);
  });

  test('a late run for a thread that has changed since is dropped', () => {
    const { model, show, queued } = setup();
    show(long);
    show([calm, heated, calm]);
    queued.shift()!();
    expect(model.verdict.value?.messages).toHaveLength(3);
    expect(model.verdict.value?.level).toBe(classifyThread([calm, heated, calm].map((m) => ({ author: m.author, text: m.body })), rules).level);
  });
});
