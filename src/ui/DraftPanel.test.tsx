// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { ui as en } from '../../translations/en.json';
import { loadPhraseRules } from '../core/phrases/validate';
import escalating from '../../seeds/phrases/escalating.json';
import structure from '../../seeds/phrases/structure.json';
import tone from '../../seeds/phrases/tone.json';
import { FakeHost } from '../host/fake-host';
import { PATHS } from '../host/paths';
import { createTranslate } from '../i18n/translate';
import { createDraftModel } from '../state/draft-model';
import { DraftPanel } from './DraftPanel';

const t = createTranslate([en]);
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

// Admin phrases "zork1" … "zork30": thirty different flags in one draft.
const WORDS = Array.from({ length: 30 }, (_, i) => `zork${i + 1}`);
// The seeds imported, not read from disk: this file runs in a DOM, where import.meta.url is not a file.
const rules = loadPhraseRules([escalating, structure, tone], { add: WORDS.map((phrase) => ({ phrase, category: 'blame' })) });

async function mount(draft: string): Promise<void> {
  const host = new FakeHost({ [PATHS.draft]: draft, [PATHS.richText]: false, [PATHS.draftType]: 'publicReply' });
  const model = createDraftModel(host, { phraseRules: signal(rules), level: signal('calm'), draftGate: signal('warn'), gateMessage: () => '' });
  await model.load();
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<DraftPanel model={model} t={t} />, root);
  });
}

const cards = (): string[] => [...root.querySelectorAll('.df-flag__words q')].map((q) => q.textContent ?? '');

describe('draft flags', () => {
  test('a phrase used several times is one card that says how many times', async () => {
    await mount('zork1 and zork2, then zork1 again, and Zork1.');
    expect(cards()).toEqual(['zork1', 'zork2']);
    expect(root.querySelector('[data-rule] [data-testid="flag-count"]')?.textContent).toBe(' used 3 times');
    expect(root.querySelectorAll('[data-testid="flag-count"]')).toHaveLength(1);
  });

  test('past twenty cards the rest is a count, not a list', async () => {
    await mount(WORDS.join(', '));
    expect(cards()).toEqual(WORDS.slice(0, 20));
    expect(root.querySelector('[data-testid="flags-more"]')?.textContent).toBe('and 10 more: fix these first');
  });
});
