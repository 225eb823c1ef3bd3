import { signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import type { Flag } from '../core/phrases';
import type { ThreadVerdict } from '../core/tension';
import { FakeHost } from '../host/fake-host';
import { createSaveHook } from './save-hook';

const verdict = (level: ThreadVerdict['level'], reasons: string[]) =>
  ({ level, score: 80, reasons: reasons.map((id, i) => ({ id, spans: [], ruleIds: [], weight: 10 - i })), language: 'en', rulesVersion: 'x', messages: [], messageIndexes: [], trajectory: 'rising', afterLastReply: 'hotter' }) as unknown as ThreadVerdict;
const severe = { severity: 'severe' } as Flag;

function run(opts: { allow?: boolean; severe?: Flag[]; level?: ThreadVerdict['level']; falseFlag?: boolean; framework?: string | null }) {
  const host = new FakeHost();
  const hook = createSaveHook(host, {
    draft: { gate: async () => (opts.allow === false ? { allow: false, message: 'held', severe: [severe] } : { allow: true, severe: opts.severe ?? [] }) },
    verdict: signal(verdict(opts.level ?? 'heated', ['legal-threat', 'politeness', 'cancel-threat'])),
    tagPrefix: signal('defuse_'),
    frameworkId: signal(opts.framework ?? null),
    falseFlag: signal(opts.falseFlag ?? false),
  });
  return { host, hook };
}

describe('save hook', () => {
  test('a sent reply on a heated ticket sets one level tag (replacing the others) and cue tags', async () => {
    const { host, hook } = run({});
    expect(await hook()).toEqual({ allow: true });
    expect(host.calls).toEqual([
      { op: 'invoke', name: 'ticket.tags.remove', args: [['defuse_tense', 'defuse_calm']] },
      { op: 'invoke', name: 'ticket.tags.add', args: [['defuse_heated', 'defuse_cue_legal_threat', 'defuse_cue_cancel_threat']] },
    ]);
  });

  test('a reply sent anyway with severe flags, a framework and a false flag are all tagged', async () => {
    const { host, hook } = run({ severe: [severe], framework: 'options', falseFlag: true, level: 'calm' });
    await hook();
    expect(host.calls.at(-1)).toEqual({ op: 'invoke', name: 'ticket.tags.add', args: [['defuse_calm', 'defuse_flagged_reply', 'defuse_fw_options', 'defuse_false_flag']] });
  });

  test('a held reply sets no tags', async () => {
    const { host, hook } = run({ allow: false });
    expect(await hook()).toEqual({ allow: false, message: 'held', severe: [severe] });
    expect(host.calls).toEqual([]);
  });
});
