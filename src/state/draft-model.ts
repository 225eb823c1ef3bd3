import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { DraftGate } from '../core/config';
import { checkDraft, type DraftVerdict, type Flag, type PhraseRules } from '../core/phrases';
import type { Level } from '../core/tension';
import { htmlToText, nthIndexOf, occurrenceAt, replaceInHtml } from '../core/text';
import type { Host, SaveDecision } from '../host/host';
import { EVENTS, PATHS } from '../host/paths';

export interface Draft {
  value: string;
  rich: boolean;
  /** Internal notes never reach the customer: they are checked but never held back. */
  internal: boolean;
}

/** A phrase the draft uses `count` times: shown once; a fix acts on `flag`, its first occurrence. */
export interface FlagGroup {
  flag: Flag;
  count: number;
}

export type ApplyResult = { ok: true } | { ok: false; reason: 'moved' | 'formatting' | 'host' };

export interface DraftModel {
  draft: ReadonlySignal<Draft>;
  verdict: ReadonlySignal<DraftVerdict>;
  /** Flags the agent has not dismissed for this ticket. */
  flags: ReadonlySignal<Flag[]>;
  /** The same flags, one per rule and words (the first occurrence, and how many there are), in draft order. */
  groups: ReadonlySignal<FlagGroup[]>;
  dismiss(flag: Flag): void;
  apply(flag: Flag, replacement: string): Promise<ApplyResult>;
  load(): Promise<void>;
  follow(): () => void;
  /** The `ticket.save` gate: reads the latest draft, then allows, warns once, or blocks. */
  gate(): Promise<SaveDecision & { severe: Flag[] }>;
}

export interface DraftInputs {
  phraseRules: ReadonlySignal<PhraseRules>;
  level: ReadonlySignal<Level | null>;
  draftGate: ReadonlySignal<DraftGate>;
  /** Builds the message the agent sees when a send is held back. */
  gateMessage(kind: 'warn' | 'block', phrases: string[]): string;
}

// Typing fires an event per keystroke: read the draft once typing pauses, and at least every 300 ms.
const QUIET_MS = 80;
const MAX_WAIT_MS = 300;

const keyOf = (flag: Flag): string => `${flag.ruleId}\u0000${flag.text.toLowerCase()}`;

export function createDraftModel(host: Host, inputs: DraftInputs): DraftModel {
  const draft = signal<Draft>({ value: '', rich: true, internal: false });
  const dismissed = signal<ReadonlySet<string>>(new Set());
  let warnedFor: string | null = null;

  const text = computed(() => (draft.value.rich ? htmlToText(draft.value.value) : draft.value.value));
  const tension = computed(() => {
    const level = inputs.level.value;
    return level === 'tense' || level === 'heated' ? level : 'calm';
  });
  const verdict = computed(() => checkDraft(text.value, inputs.phraseRules.value, { tension: tension.value }));
  const flags = computed(() => verdict.value.flags.filter((f) => !dismissed.value.has(keyOf(f))));
  // A phrase repeated through a long draft is one card, not one per use (and a 2,000-card list per keystroke).
  const groups = computed(() => {
    const byKey = new Map<string, FlagGroup>();
    for (const flag of flags.value) {
      const key = keyOf(flag);
      const group = byKey.get(key);
      if (group) group.count++;
      else byKey.set(key, { flag, count: 1 });
    }
    return [...byKey.values()];
  });

  async function load(): Promise<void> {
    const r = await host.get([PATHS.draft, PATHS.richText, PATHS.draftType]);
    const value = r[PATHS.draft];
    const rich = r[PATHS.richText];
    const type = r[PATHS.draftType];
    if (!value?.ok || typeof value.value !== 'string') return; // keep the last draft we could read
    draft.value = {
      value: value.value,
      rich: rich?.ok && typeof rich.value === 'boolean' ? rich.value : /<[a-z][^>]*>/i.test(value.value),
      internal: type?.ok === true && type.value === 'internalNote',
    };
  }

  function follow(): () => void {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let first = 0;
    const off = host.on(EVENTS.draftChanged, () => {
      const now = performance.now();
      if (!quiet) first = now;
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        quiet = undefined;
        void load();
      }, now - first >= MAX_WAIT_MS ? 0 : QUIET_MS);
    });
    return () => {
      clearTimeout(quiet);
      off();
    };
  }

  async function apply(flag: Flag, replacement: string): Promise<ApplyResult> {
    await load(); // the agent may have typed since the flag was shown: act on the draft as it is now
    const { value, rich } = draft.peek();
    const same = verdict.peek().flags.filter((f) => f.ruleId === flag.ruleId && f.text === flag.text);
    const fresh = same.sort((a, b) => Math.abs(a.start - flag.start) - Math.abs(b.start - flag.start))[0];
    if (!fresh) return { ok: false, reason: 'moved' };
    // Removing a word takes one following space with it; a replacement at the start of a sentence keeps its capital.
    const needle = replacement === '' && text.peek()[fresh.end] === ' ' ? `${fresh.text} ` : fresh.text;
    const words = /^\p{Lu}/u.test(fresh.text) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
    const nth = occurrenceAt(text.peek(), needle, fresh.start);
    let next: string | null = null;
    if (rich) next = replaceInHtml(value, needle, nth, words);
    else if (nthIndexOf(value, needle, nth) === fresh.start) next = value.slice(0, fresh.start) + words + value.slice(fresh.start + needle.length);
    if (next === null) return { ok: false, reason: 'formatting' };
    const result = await host.set(PATHS.draft, next);
    if (!result.ok) return { ok: false, reason: 'host' };
    draft.value = { ...draft.peek(), value: next };
    return { ok: true };
  }

  async function gate(): Promise<SaveDecision & { severe: Flag[] }> {
    await load();
    const severe = flags.peek().filter((f) => f.severity === 'severe');
    const mode = inputs.draftGate.peek();
    if (mode === 'off' || severe.length === 0 || tension.peek() === 'calm' || draft.peek().internal) {
      warnedFor = null;
      return { allow: true, severe };
    }
    const phrases = [...new Set(severe.map((f) => f.text))];
    if (mode === 'warn') {
      // Zendesk hooks can only allow or stop a send: "warn" stops the first one and lets the same reply through next time.
      if (warnedFor === text.peek()) {
        warnedFor = null;
        return { allow: true, severe };
      }
      warnedFor = text.peek();
      return { allow: false, message: inputs.gateMessage('warn', phrases), severe };
    }
    return { allow: false, message: inputs.gateMessage('block', phrases), severe };
  }

  return {
    draft,
    verdict,
    flags,
    groups,
    dismiss: (flag) => (dismissed.value = new Set([...dismissed.value, keyOf(flag)])),
    apply,
    load,
    follow,
    gate,
  };
}
