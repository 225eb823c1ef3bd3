import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { workDone } from './check';
import { words } from '../text';
import { checkDraft } from './index';
import { tokenize } from './tokens';
import { shippedRules } from './seeds.testing';

const rules = shippedRules();
// Words the rules care about, plus the characters that change segmentation and quoting.
const pieces = fc.constantFrom(
  'I', "I'm", 'so', 'sorry', 'understand', 'but', 'just', 'to', 'that’s', 'our', 'policy', 'calm', 'down', 'you', 'need',
  'either', 'or', 'within', '24', 'hours', 'by', '5pm', 'will', 'colleague', 'Ana', '"', '“', '”', '>', '\n', '.', ',', '!', ' ', '…', '😡', 'é',
);
const drafty = fc.array(pieces, { maxLength: 200 }).map((xs) => xs.join(' '));
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), drafty);
const tension = fc.constantFrom('calm', 'tense', 'heated', undefined);

describe('checkDraft on any text', () => {
  test('never throws; every span lies inside the input and matches its text', () => {
    fc.assert(
      fc.property(text, tension, (t, tn) => {
        const v = checkDraft(t, rules, tn ? { tension: tn } : {});
        for (const f of v.flags) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.start).toBeLessThan(f.end);
          expect(t.slice(f.start, f.end)).toBe(f.text);
        }
        for (const e of Object.values(v.elements)) {
          if (!e.present) continue;
          expect(e.start! >= 0 && e.end! <= t.length && e.start! < e.end!).toBe(true);
          expect(t.slice(e.start, e.end)).toBe(e.text);
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  test('the hand-rolled word scan finds the same words as src/core/text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), drafty), (raw) => {
        const t = raw.replace(/>/g, ' ');
        const tk = tokenize(t);
        const firsts = [...tk.first.keys()].filter((i) => tk.first[i]);
        expect(firsts.map((i) => [tk.start[i], tk.end[i]])).toEqual(words(t).map((w) => [w.start, w.end]));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('work grows linearly on 100k-character drafts (counted trie steps, not time)', () => {
    const worst = [
      "I understand I'm so sorry I apologize that is just ",
      'either option or within the next 24 hours by 5 pm ',
      'my colleague Ana from our billing team will ',
      'just just just ',
      '"you need to" > calm down\n',
    ];
    for (const unit of worst) {
      const cost = (chars: number) => {
        const draft = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
        const before = workDone();
        checkDraft(draft, rules);
        return workDone() - before;
      };
      const small = cost(10_000);
      const large = cost(100_000);
      expect(large / small, unit).toBeLessThan(11);
    }
  });
});
