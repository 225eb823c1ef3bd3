import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { classifyThread, type ThreadVerdict } from '../core/tension';
import type { ConfigModel } from './config-model';
import type { TicketModel } from './ticket-model';

/** The customer's tension, recomputed only when the conversation or the rules change. */
export interface TensionModel {
  verdict: ReadonlySignal<ThreadVerdict | null>;
  /** The agent says the verdict is wrong; QA finds such tickets by their tag. */
  falseFlag: ReadonlySignal<boolean>;
  toggleFalseFlag(): void;
}

export function createTensionModel(ticket: TicketModel, config: Pick<ConfigModel, 'tensionRules'>): TensionModel {
  const falseFlag = signal(false);
  const messages = computed(() => {
    const s = ticket.state.value;
    return s.status === 'ready' ? s.ticket.messages : null;
  });
  const verdict = computed(() => {
    const list = messages.value;
    if (!list) return null;
    return classifyThread(
      list.map((m) => ({ author: m.author, text: m.body, html: m.html, internal: m.internal })),
      config.tensionRules.value,
    );
  });
  return { verdict, falseFlag, toggleFalseFlag: () => (falseFlag.value = !falseFlag.value) };
}
