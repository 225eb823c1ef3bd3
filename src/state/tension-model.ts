import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { classifyThread, type TensionRules, type ThreadMessage, type ThreadVerdict } from '../core/tension';
import type { ConfigModel } from './config-model';
import type { TicketModel } from './ticket-model';

/** The customer's tension, recomputed only when the conversation or the rules change. */
export interface TensionModel {
  /**
   * The verdict of the whole thread. It comes first from the latest customer messages alone (the same
   * level, score and reasons), then with the full series once `later` has run.
   */
  verdict: ReadonlySignal<ThreadVerdict | null>;
  /** The agent says the verdict is wrong; QA finds such tickets by their tag. */
  falseFlag: ReadonlySignal<boolean>;
  toggleFalseFlag(): void;
}

export interface TensionModelOptions {
  /** Runs the rest of a thread's scoring; the sidebar passes "after the verdict has painted". */
  later?: (run: () => void) => void;
}

interface Head {
  thread: ThreadMessage[];
  rules: TensionRules;
  verdict: ThreadVerdict;
}

export function createTensionModel(ticket: TicketModel, config: Pick<ConfigModel, 'tensionRules'>, options: TensionModelOptions = {}): TensionModel {
  const later = options.later ?? ((run) => void setTimeout(run, 0));
  const falseFlag = signal(false);
  const messages = computed(() => {
    const s = ticket.state.value;
    return s.status === 'ready' ? s.ticket.messages : null;
  });
  // What decides the verdict first: on a long ticket, the latest few messages of many.
  const head = computed((): Head | null => {
    const list = messages.value;
    if (!list) return null;
    const thread = list.map((m): ThreadMessage => ({ author: m.author, text: m.body, html: m.html, internal: m.internal }));
    const rules = config.tensionRules.value;
    return { thread, rules, verdict: classifyThread(thread, rules, { latestOnly: true }) };
  });
  const whole = signal<{ of: Head; verdict: ThreadVerdict } | null>(null);
  effect(() => {
    const h = head.value;
    if (!h?.verdict.unscored) return;
    later(() => {
      if (head.peek() === h) whole.value = { of: h, verdict: classifyThread(h.thread, h.rules) };
    });
  });
  const verdict = computed(() => {
    const h = head.value;
    if (!h) return null;
    const w = whole.value;
    return w?.of === h ? w.verdict : h.verdict;
  });
  return { verdict, falseFlag, toggleFalseFlag: () => (falseFlag.value = !falseFlag.value) };
}
