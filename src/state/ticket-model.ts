import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Host, HostError } from '../host/host';
import { EVENTS } from '../host/paths';
import { readTicket, type TicketSnapshot } from '../host/ticket';

export type TicketState =
  | { status: 'loading' }
  | { status: 'ready'; ticket: TicketSnapshot; refreshing: boolean }
  | { status: 'error'; error: HostError };

export interface TicketModel {
  state: ReadonlySignal<TicketState>;
  /** Customer messages that are not internal notes: what tension is read from. */
  customerMessageCount: ReadonlySignal<number>;
  load(): Promise<void>;
  /** Follows live changes to the ticket; returns the unsubscriber. */
  follow(): () => void;
}

const LIVE_EVENTS = [EVENTS.conversationChanged, EVENTS.commentsChanged, EVENTS.updated, EVENTS.brandChanged, EVENTS.tagsChanged, EVENTS.requesterChanged];

export function createTicketModel(host: Host): TicketModel {
  const state = signal<TicketState>({ status: 'loading' });
  let latest = 0;

  async function load(): Promise<void> {
    const mine = ++latest;
    const current = state.peek();
    // Keep showing the ticket while a live update loads; only a first load (or a retry) shows "loading".
    state.value = current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' };
    const result = await readTicket(host);
    if (mine !== latest) return; // a newer load started: its answer wins
    state.value = result.ok ? { status: 'ready', ticket: result.value, refreshing: false } : { status: 'error', error: result.error };
  }

  function follow(): () => void {
    let scheduled = false;
    // One ZAF change often fires several events (comments + conversation + updated): reload once.
    const reload = (): void => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        void load();
      });
    };
    const offs = LIVE_EVENTS.map((event) => host.on(event, reload));
    return () => offs.forEach((off) => off());
  }

  const customerMessageCount = computed(() => {
    const s = state.value;
    return s.status === 'ready' ? s.ticket.messages.filter((m) => m.author === 'customer' && !m.internal).length : 0;
  });

  return { state, customerMessageCount, load, follow };
}
