import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyMessage, classifyThread, type MessageVerdict } from './index';
import { seedRules } from './test-seeds';

const rules = seedRules();

const pieces = fc.constantFrom(
  'cancel', 'CANCEL', 'I will cancel', 'lawyer', 'not', ' ', '\n', '> ', 'On Mon wrote:', '!!!', '?!', 'sooo', 'thanks for nothing',
  '😡', '👨‍👩‍👧', '\u200d', '\u200b', '\ufe0f', 'مرحبا', 'שלום', '\u202e', 'İ', 'ß', '\ud83d', '-', "'", '’', 'you people', 'WHERE IS MY',
);
const messy = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')));

function checkSpans(text: string, v: MessageVerdict): void {
  expect(v.score).toBeGreaterThanOrEqual(0);
  expect(v.score).toBeLessThanOrEqual(100);
  for (const r of v.reasons) {
    for (const s of r.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThan(s.end);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  }
}

describe('properties', () => {
  test('never throws and every span lies inside the input', () => {
    fc.assert(
      fc.property(messy, (text) => checkSpans(text, classifyMessage(text, rules))),
      { numRuns: 400, seed: 42 },
    );
  });

  test('threads never throw, one verdict per customer message', () => {
    const msg = fc.record({ author: fc.constantFrom('customer' as const, 'agent' as const), text: messy, internal: fc.boolean(), html: fc.boolean() });
    fc.assert(
      fc.property(fc.array(msg, { maxLength: 8 }), (thread) => {
        const v = classifyThread(thread, rules);
        expect(v.messages.length).toBe(thread.filter((m) => m.author === 'customer' && !m.internal).length);
        expect(v.messageIndexes.length).toBe(v.messages.length);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  test('a thread scored latest first has the whole thread\'s verdict, with the end of its series', () => {
    const texts = fc.constantFrom(
      'Thanks, that works.', 'ok', '', 'Any update?', 'Still broken.', 'This is the third time I am asking. Where is my refund?',
      'I WANT A SUPERVISOR NOW!!! I will cancel and post on Twitter.', 'You people are useless, I am calling my lawyer',
      'Great job, another week without internet.', 'Hola, quiero cancelar mi cuenta porque el servicio es muy malo',
    );
    const msg = fc.record({ author: fc.constantFrom('customer' as const, 'customer' as const, 'agent' as const), text: fc.oneof(texts, texts, messy), internal: fc.boolean() });
    fc.assert(
      fc.property(fc.array(msg, { maxLength: 30 }), (thread) => {
        const { messages, messageIndexes, ...whole } = classifyThread(thread, rules);
        const { messages: tail, messageIndexes: tailIndexes, unscored = 0, ...head } = classifyThread(thread, rules, { latestOnly: true });
        expect(head).toEqual(whole);
        expect(unscored + tail.length).toBe(messages.length);
        expect(tail).toEqual(messages.slice(unscored));
        expect(tailIndexes).toEqual(messageIndexes.slice(unscored));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  // Loose ratio, not wall-time limits: 10× the input should cost about 10×, far from the 100× of a
  // quadratic path. Best of 3 runs to ride out a busy machine.
  test.each([
    ['one repeated letter', 'a'],
    ['exclamation marks', '!'],
    ['capitals', 'A '],
    ['emoji', '😡'],
    ['RTL text', 'שלום עולם '],
    ['zero-width characters', 'x\u200b\u200d'],
    ['newlines and quotes', '> \n'],
    ['cue words', 'not cancel you people sooo lawyer '],
    ['sign-offs and blank lines', 'Thanks\n\n\n'],
  ])('time grows linearly: %s', (_name, unit) => {
    const make = (n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const best = (text: string): number => {
      let min = Infinity;
      // Best of five, floored: a GC pause on a busy machine must not read as quadratic time (which would be 100x).
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const v = classifyMessage(text, rules);
        min = Math.min(min, performance.now() - t0);
        checkSpans(text, v);
      }
      return Math.max(min, 0.2);
    };
    const small = best(make(10_000));
    const large = best(make(100_000));
    expect(large / small).toBeLessThan(40);
  });
});
