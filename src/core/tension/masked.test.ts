import { describe, expect, test } from 'vitest';
import { tokenize } from '../text/tokens';
import { unmaskTokens, unmaskWord } from './masked';

const WORDS = ['ass', 'bollocks', 'bullshit', 'crap', 'cunt', 'damn', 'dick', 'fuck', 'hell', 'piss', 'shit'];

// masked word -> the word it is read as (null: left as the tokenizer read it).
const EXAMPLES: Array<[masked: string, word: string | null]> = [
  ['sh*t', 'shit'],
  ['s***', 'shit'],
  ['f***', 'fuck'],
  ['f***ing', 'fucking'],
  ['b*llocks', 'bollocks'],
  ['bulls**t', 'bullshit'],
  ['d*mn', 'damn'],
  ['c**p', 'crap'],
  ['a**', 'ass'],
  ['h***', 'hell'],
  // Ambiguous stars go to the first word in the (sorted) list: "c***" is "crap" before "cunt".
  ['c***', 'crap'],
  // Stars after the shown ending, or letters that fit no word: not a masked word we know.
  ['hell**', null],
  ['order**', null],
  ['x***', null],
];

describe('masked words', () => {
  test.each(EXAMPLES)('%s -> %s', (masked, word) => {
    expect(unmaskWord(masked, WORDS)).toBe(word);
  });

  test('the tokens of a masked word become one, with the rest of the message unchanged', () => {
    const text = 'This is p*ss-poor, sh*t service!';
    const toks = tokenize(text);
    unmaskTokens(text, toks, WORDS);
    const words = Array.from({ length: toks.n }, (_, i) => `${toks.key[i]}@${text.slice(toks.start[i], toks.end[i])}`);
    expect(words).toEqual(['this@This', 'is@is', 'piss-poor@p*ss-poor', 'shit@sh*t', 'service@service']);
  });

  test('capitals survive the merge and the count of capitalised words stays right', () => {
    const text = 'SH*T SERVICE';
    const toks = tokenize(text);
    const before = toks.caps;
    unmaskTokens(text, toks, WORDS);
    expect(toks.n).toBe(2);
    expect(toks.key[0]).toBe('shit');
    expect(toks.caps).toBeLessThanOrEqual(before);
    expect(toks.caps).toBeGreaterThanOrEqual(1);
  });
});
