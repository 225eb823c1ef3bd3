import { signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import { loadPhraseRules } from '../core/phrases/validate';
import { seeds } from '../core/phrases/seeds.testing';
import type { DraftGate } from '../core/config';
import type { Level } from '../core/tension';
import { FakeHost } from '../host/fake-host';
import { EVENTS, PATHS } from '../host/paths';
import { createDraftModel } from './draft-model';

const rules = signal(loadPhraseRules(seeds()));

function setup(draft: string, opts: { level?: Level; gate?: DraftGate; rich?: boolean; type?: string } = {}) {
  const host = new FakeHost({ [PATHS.draft]: draft, [PATHS.richText]: opts.rich ?? true, [PATHS.draftType]: opts.type ?? 'publicReply' });
  const model = createDraftModel(host, {
    phraseRules: rules,
    level: signal(opts.level ?? 'heated'),
    draftGate: signal(opts.gate ?? 'warn'),
    gateMessage: (kind, phrases) => `${kind}: ${phrases.join(', ')}`,
  });
  return { host, model };
}

describe('gate', () => {
  test.each([
    ['warn holds the first send on a heated ticket', 'warn', 'heated', 'publicReply', false, 'warn: calm down'],
    ['block holds it', 'block', 'heated', 'publicReply', false, 'block: calm down'],
    ['off never holds', 'off', 'heated', 'publicReply', true, undefined],
    ['a calm customer is never held', 'block', 'calm', 'publicReply', true, undefined],
    ['an internal note is never held', 'block', 'heated', 'internalNote', true, undefined],
  ] as const)('%s', async (_name, gate, level, type, allow, message) => {
    const { model } = setup('<p>Please calm down.</p>', { gate, level, type });
    const decision = await model.gate();
    expect(decision.allow).toBe(allow);
    if (!decision.allow) expect(decision.message).toBe(message);
  });

  test('warn lets the same reply through on the second send, but not an edited one', async () => {
    const { host, model } = setup('<p>Please calm down.</p>');
    expect((await model.gate()).allow).toBe(false);
    expect((await model.gate()).allow).toBe(true);
    expect((await model.gate()).allow).toBe(false);
    host.values[PATHS.draft] = '<p>Please calm down now.</p>';
    expect((await model.gate()).allow).toBe(false);
  });

  test('a dismissed flag does not hold the send', async () => {
    const { model } = setup('<p>Please calm down.</p>', { gate: 'block' });
    await model.load();
    model.dismiss(model.flags.value.find((f) => f.ruleId === 'dismissive.calm-down')!);
    expect((await model.gate()).allow).toBe(true);
  });
});

describe('apply', () => {
  test('rich: replaces the words in the HTML and writes the draft back', async () => {
    const { host, model } = setup('<p><b>Hi</b> you need to restart it.</p>', { level: 'calm' });
    await model.load();
    const flag = model.flags.value.find((f) => f.ruleId === 'commanding.you-need-to')!;
    expect(await model.apply(flag, 'could you please')).toEqual({ ok: true });
    expect(host.values[PATHS.draft]).toBe('<p><b>Hi</b> could you please restart it.</p>');
  });

  test('plain: a removal takes one space with it', async () => {
    const { host, model } = setup('Then just click Reset.', { rich: false, level: 'calm' });
    await model.load();
    const flag = model.flags.value.find((f) => f.ruleId === 'condescending.just')!;
    expect(await model.apply(flag, '')).toEqual({ ok: true });
    expect(host.values[PATHS.draft]).toBe('Then click Reset.');
  });

  test('a phrase the agent has since deleted is not replaced', async () => {
    const { host, model } = setup('<p>you need to wait</p>', { level: 'calm' });
    await model.load();
    const flag = model.flags.value[0]!;
    host.values[PATHS.draft] = '<p>please wait</p>';
    expect(await model.apply(flag, 'could you please')).toEqual({ ok: false, reason: 'moved' });
    expect(host.values[PATHS.draft]).toBe('<p>please wait</p>');
  });

  test('words that cross formatting are left for the agent', async () => {
    const { model } = setup('<p>you <b>need</b> to wait</p>', { level: 'calm' });
    await model.load();
    expect(await model.apply(model.flags.value[0]!, 'could you please')).toEqual({ ok: false, reason: 'formatting' });
  });
});

describe('groups', () => {
  test('a phrase used several times is one group with its count; fixing it takes the first use', async () => {
    const { host, model } = setup('Calm down. Please calm down, and CALM DOWN. You need to wait.', { rich: false });
    await model.load();
    expect(model.groups.value.map((g) => [g.flag.ruleId, g.flag.text, g.count])).toEqual([
      ['dismissive.calm-down', 'Calm down', 3],
      ['commanding.you-need-to', 'You need to', 1],
    ]);
    expect(await model.apply(model.groups.value[0]!.flag, 'I hear you')).toEqual({ ok: true });
    expect(host.values[PATHS.draft]).toBe('I hear you. Please calm down, and CALM DOWN. You need to wait.');
    await model.load();
    expect(model.groups.value[0]!.count).toBe(2);
  });

  test('dismissing a group dismisses every use of it', async () => {
    const { model } = setup('<p>calm down, calm down</p>');
    await model.load();
    model.dismiss(model.groups.value[0]!.flag);
    expect(model.groups.value).toEqual([]);
  });
});

describe('follow', () => {
  test('a burst of keystrokes reads the draft once', async () => {
    const { host, model } = setup('<p>Hello</p>', { level: 'calm' });
    const stop = model.follow();
    for (let i = 0; i < 5; i++) host.emit(EVENTS.draftChanged);
    await new Promise((r) => setTimeout(r, 150));
    expect(host.calls.filter((c) => c.op === 'get').length).toBe(1);
    expect(model.draft.value.value).toBe('<p>Hello</p>');
    stop();
    expect(host.listenerCount(EVENTS.draftChanged)).toBe(0);
  });
});
