// What happens when the agent submits: the draft gate decides first; a reply that goes out then
// leaves QA tags on the ticket (level, cues, flagged reply, framework used, false flag). Tags only:
// no customer text is stored anywhere.
import type { ReadonlySignal } from '@preact/signals';
import { qaTags } from '../core/tags';
import type { ThreadVerdict } from '../core/tension';
import type { Host, SaveDecision } from '../host/host';
import { ACTIONS } from '../host/paths';
import type { DraftModel } from './draft-model';

export interface SaveInputs {
  draft: Pick<DraftModel, 'gate'>;
  verdict: ReadonlySignal<ThreadVerdict | null>;
  tagPrefix: ReadonlySignal<string>;
  /** The framework inserted into this reply, if any. */
  frameworkId: ReadonlySignal<string | null>;
  falseFlag: ReadonlySignal<boolean>;
}

export function createSaveHook(host: Host, inputs: SaveInputs): () => Promise<SaveDecision> {
  return async () => {
    const decision = await inputs.draft.gate();
    if (!decision.allow) return decision;
    const verdict = inputs.verdict.peek();
    if (verdict) {
      const change = qaTags({
        prefix: inputs.tagPrefix.peek(),
        level: verdict.level,
        reasons: [...verdict.reasons].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0)).map((r) => r.id),
        flaggedReply: decision.severe.length > 0,
        frameworkId: inputs.frameworkId.peek(),
        falseFlag: inputs.falseFlag.peek(),
      });
      // Tagging must never stop a send: a failed tag call is dropped, the reply still goes.
      if (change.remove.length > 0) await host.invoke(ACTIONS.removeTags, change.remove);
      if (change.add.length > 0) await host.invoke(ACTIONS.addTags, change.add);
    }
    return { allow: true };
  };
}
