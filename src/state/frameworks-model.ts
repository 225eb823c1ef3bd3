import { computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  allowedFrameworks, fillFramework, orderForTicket, suggestFrameworks, ticketVariables, timeWindowPicks,
  type Filled, type Framework, type FrameworksPolicy, type SlotValues, type Suggestion, type TicketFacts,
} from '../core/frameworks';
import { checkDraft, type PhraseRules } from '../core/phrases';
import type { ThreadVerdict } from '../core/tension';
import { htmlToText } from '../core/text';
import type { Host } from '../host/host';
import { ACTIONS } from '../host/paths';
import type { Draft } from './draft-model';
import type { TicketModel } from './ticket-model';

export type InsertResult = { ok: true; how: 'cursor' | 'appended' } | { ok: false; reason: 'missing' | 'host' };

export interface FrameworksModel {
  /** Frameworks this brand may use, suggestions first. */
  ordered: ReadonlySignal<Framework[]>;
  suggestions: ReadonlySignal<Suggestion[]>;
  selected: ReadonlySignal<Framework | null>;
  select(id: string | null): void;
  slots: ReadonlySignal<SlotValues>;
  setSlot(id: string, value: string | string[]): void;
  /** The reply as it would be inserted, in the customer's language. */
  filled: ReadonlySignal<Filled | null>;
  /** The language the reply is written in (the requester's, else the agent's). */
  bodyLocale: ReadonlySignal<string>;
  timePicks: ReadonlySignal<{ id: string; label: string }[]>;
  insert(): Promise<InsertResult>;
  /** The framework last inserted into this reply: QA tags it on send. */
  inserted: ReadonlySignal<string | null>;
}

export interface FrameworkInputs {
  ticket: TicketModel;
  verdict: ReadonlySignal<ThreadVerdict | null>;
  draft: ReadonlySignal<Draft>;
  phraseRules: ReadonlySignal<PhraseRules>;
  frameworks: ReadonlySignal<Framework[]>;
  policy: ReadonlySignal<FrameworksPolicy | null>;
  uiLocale: ReadonlySignal<string>;
  now: () => Date;
}

/** A promise we already made (an owner or step with a time window in our last public reply) calls for a follow-up. */
function promiseMade(ticket: TicketModel, rules: PhraseRules): boolean {
  const s = ticket.state.value;
  if (s.status !== 'ready') return false;
  const last = [...s.ticket.messages].reverse().find((m) => m.author === 'agent' && !m.internal);
  if (!last) return false;
  const { elements } = checkDraft(last.html ? htmlToText(last.body) : last.body, rules);
  return elements['time-window'].present && (elements.owner.present || elements['next-step'].present);
}

export function createFrameworksModel(host: Host, inputs: FrameworkInputs): FrameworksModel {
  const selectedId = signal<string | null>(null);
  const slotsById = signal<Record<string, SlotValues>>({});
  const inserted = signal<string | null>(null);

  const ready = computed(() => {
    const s = inputs.ticket.state.value;
    return s.status === 'ready' ? s.ticket : null;
  });
  const available = computed(() => {
    const policy = inputs.policy.value;
    const all = inputs.frameworks.value;
    return policy ? allowedFrameworks(all, policy, ready.value?.brand ?? null) : { frameworks: all, defaultId: null };
  });
  const bodyLocale = computed(() => ready.value?.requester?.locale ?? ready.value?.currentUser?.locale ?? 'en');
  const facts = computed((): TicketFacts | null => {
    const t = ready.value;
    if (!t) return null;
    const latest = [...t.messages].reverse().find((m) => m.author === 'customer' && !m.internal);
    const v = inputs.verdict.value;
    return {
      requesterName: t.requester?.name ?? null,
      requesterEmail: t.requester?.email ?? null,
      requesterLocale: t.requester?.locale ?? null,
      agentName: t.currentUser?.name ?? null,
      brandName: t.brand?.name ?? null,
      ticketId: t.id,
      subject: t.subject,
      latestCustomerText: latest ? (latest.html ? htmlToText(latest.body) : latest.body) : null,
      verdict: v ? { level: v.level, reasons: v.reasons } : null,
    };
  });
  const suggestions = computed(() =>
    suggestFrameworks(available.value.frameworks, facts.value?.verdict ?? null, {
      promiseMade: promiseMade(inputs.ticket, inputs.phraseRules.value),
      locale: inputs.uiLocale.value,
    }),
  );
  const ordered = computed(() => {
    const list = orderForTicket(available.value.frameworks, suggestions.value);
    // A brand's default comes first when nothing is suggested for this ticket.
    const fallback = available.value.defaultId;
    return suggestions.value.length === 0 && fallback ? [...list.filter((f) => f.id === fallback), ...list.filter((f) => f.id !== fallback)] : list;
  });
  const selected = computed(() => available.value.frameworks.find((f) => f.id === selectedId.value) ?? null);
  const slots = computed(() => (selectedId.value ? (slotsById.value[selectedId.value] ?? {}) : {}));
  const filled = computed(() => {
    const fw = selected.value;
    const f = facts.value;
    if (!fw || !f) return null;
    return fillFramework(fw, bodyLocale.value, ticketVariables(f, bodyLocale.value), slots.value);
  });
  const timePicks = computed(() => timeWindowPicks(inputs.now(), bodyLocale.value));

  async function insert(): Promise<InsertResult> {
    const f = filled.peek();
    const fw = selected.peek();
    if (!f || !fw || f.missing.length > 0) return { ok: false, reason: 'missing' };
    // At the agent's cursor when the editor allows it; otherwise appended, never replacing the draft.
    const atCursor = await host.invoke(ACTIONS.insertAtCursor, f.html);
    let how: 'cursor' | 'appended' = 'cursor';
    if (!atCursor.ok) {
      const appended = inputs.draft.peek().rich ? await host.invoke(ACTIONS.appendHtml, f.html) : await host.invoke(ACTIONS.appendText, f.text);
      if (!appended.ok) return { ok: false, reason: 'host' };
      how = 'appended';
    }
    inserted.value = fw.id;
    return { ok: true, how };
  }

  return {
    ordered,
    suggestions,
    selected,
    select: (id) => (selectedId.value = selectedId.value === id ? null : id),
    slots,
    setSlot: (id, value) => {
      const fw = selectedId.peek();
      if (fw) slotsById.value = { ...slotsById.value, [fw]: { ...slotsById.value[fw], [id]: value } };
    },
    filled,
    bodyLocale,
    timePicks,
    insert,
    inserted,
  };
}
