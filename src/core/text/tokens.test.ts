import { describe, expect, test } from 'vitest';
import { CAPS, ELONGATED, EMOJI, hashKey, tokenize } from './tokens';

// text -> words as keys, each with its sentence number (and the flags that matter to the matchers).
const EXAMPLES: Array<[text: string, expected: string]> = [
  ['Where is my refund?', 'where:0 is:0 my:0 refund:0'],
  ['It is STILL broken', 'it:0 is:0 still:0/caps broken:0'],
  ['sooo annoyed', 'so:0/long annoyed:0'],
  // One letter repeated is a name ("BBB", "www"), not a stretched word.
  ['reporting you to the BBB', 'reporting:0 you:0 to:0 the:0 bbb:0/caps'],
  ['Don’t cancel', "don't:0 cancel:0"],
  ['TOO_MANY_REQUESTS again', 'too_many_requests:0 again:0'],
  ['PCL-7734 arrived', 'pcl-7734:0 arrived:0'],
  ['Sorted, thanks.\nBest\nMaria\nSupport', 'sorted:0 thanks:0 best:1 maria:2 support:3'],
  ['Late again 😡', 'late:0 again:0 😡:0/emoji'],
  // Said word by word: three or more one-word sentences are one emphatic sentence.
  ['Cancel. My. Subscription.', 'cancel:0/long my:0/long subscription:0/long'],
  ['Every. Single. Time. It breaks.', 'every:0/long single:0/long time:0/long it:1 breaks:1'],
  ['Manager. Now.', 'manager:0 now:1'],
  ['Hi. No. It. Broke. Again', 'hi:0/long no:0/long it:0/long broke:0/long again:0/long'],
  ['Dear team, it failed. Why. Would. You. Do that?', 'dear:0 team:0 it:0 failed:0 why:1/long would:1/long you:1/long do:2 that:2'],
];

const show = (text: string): string => {
  const t = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) {
    const f = t.flags[i]!;
    const marks = [f & CAPS ? 'caps' : '', f & ELONGATED ? 'long' : '', f & EMOJI ? 'emoji' : ''].filter(Boolean);
    out.push(`${t.key[i]}:${t.sentence[i]}${marks.length ? `/${marks.join('/')}` : ''}`);
  }
  return out.join(' ');
};

describe('tokenize', () => {
  test.each(EXAMPLES)('%s', (text, expected) => {
    expect(show(text)).toBe(expected);
  });

  test('offsets point into the input and hashes match the keys', () => {
    const text = 'Cancel. My. Subscription!! NOW?!';
    const t = tokenize(text);
    for (let i = 0; i < t.n; i++) {
      expect(text.slice(t.start[i], t.end[i]).toLowerCase()).toBe(t.key[i]);
      expect(t.hash[i]).toBe(hashKey(t.key[i]!));
    }
  });

  test('runs of ! and ? keep the sentence they belong to when words are joined', () => {
    const t = tokenize('Cancel. My. Subscription!!! Now please.');
    // [start, end, sentence, has "!"]: the run ends the joined sentence 0.
    expect(t.bangs).toEqual([24, 27, 0, 1]);
    expect(t.sentence.slice(0, t.n)).toEqual([0, 0, 0, 1, 1]);
  });
});
