// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { ui as en } from '../../translations/en.json';
import { classifyThread, type ThreadMessage } from '../core/tension';
import { seedRules } from '../core/tension/test-seeds';
import { createTranslate } from '../i18n/translate';
import { TensionPanel } from './TensionPanel';

const t = createTranslate([en]);
const rules = seedRules();
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(text: string | ThreadMessage[], options: { latestOnly?: boolean } = {}): Promise<void> {
  const verdict = classifyThread(typeof text === 'string' ? [{ author: 'customer', text }] : text, rules, options);
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<TensionPanel model={{ verdict: signal(verdict), falseFlag: signal(false), toggleFalseFlag: () => {} }} t={t} />, root);
  });
}

const chip = (reason: string) => root.querySelector(`[data-reason="${reason}"]`);

describe('tension panel', () => {
  test('a reason seen but worth no points says so, in words and not only by its border', async () => {
    await mount('THANK YOU SO MUCH!!! My daughter’s present arrived just in time');
    expect(root.querySelector('[data-testid="tension-level"]')?.textContent).toBe('Calm');
    expect(chip('shouting')?.querySelector('q')?.textContent).toBe('THANK YOU SO MUCH');
    expect(chip('shouting')?.textContent).toContain(en['tension.noPoints']);
    expect(chip('shouting')?.className).toContain('df-chip--zero');
  });

  test('a reason that counts shows no such note', async () => {
    await mount('THANK YOU, BUT IT IS STILL BROKEN');
    expect(chip('shouting')?.textContent).not.toContain(en['tension.noPoints']);
    expect(chip('shouting')?.className).not.toContain('df-chip--zero');
  });

  test('while earlier messages are still being scored, the series keeps its place and says nothing', async () => {
    const thread: ThreadMessage[] = [
      ...Array<ThreadMessage>(12).fill({ author: 'customer', text: 'Any news on my order?' }),
      { author: 'agent', text: 'Looking into it.' },
      { author: 'customer', text: 'Third time asking. I want a manager NOW!!!' },
    ];
    await mount(thread, { latestOnly: true });
    expect(root.querySelector('[data-testid="tension-level"]')?.textContent).toBe('Heated');
    const pending = root.querySelector('[data-testid="sparkline-pending"]');
    expect(pending?.getAttribute('aria-hidden')).toBe('true');
    expect([pending?.getAttribute('width'), pending?.getAttribute('height')]).toEqual(['120', '28']);
    expect(root.querySelector('svg[role="img"]')).toBeNull();
    render(null, root);
    root.remove();
    await mount(thread);
    expect(root.querySelector('[data-testid="sparkline-pending"]')).toBeNull();
    expect(root.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(', ');
  });
});
