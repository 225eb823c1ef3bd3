import { describe, expect, test } from 'vitest';
import { htmlToText, words } from './index';
import { tokenize } from './tokens';

describe('htmlToText', () => {
  test.each([
    ['plain text passes through', 'Where is my refund?', 'Where is my refund?'],
    ['paragraphs become lines', '<p>Hello</p><p>Second</p>', 'Hello\nSecond'],
    ['br becomes a line break', 'one<br>two<br/>three', 'one\ntwo\nthree'],
    ['entities decode', 'Fish &amp; chips &lt;3 &#39;ok&#39; &#x1F621;', "Fish & chips <3 'ok' 😡"],
    ['blockquote lines are marked as quotes', '<p>No.</p><blockquote><p>You said</p><p>this</p></blockquote>', 'No.\n> You said\n> this'],
    ['scripts and styles are dropped', '<style>p{}</style><p>hi</p><script>alert(1)</script>', 'hi'],
    ['unknown entity is left as written', 'a &bogus; b', 'a &bogus; b'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('words', () => {
  test('keeps offsets into the input and normalises apostrophes', () => {
    const text = 'I DON’T want, e-mail!';
    const ws = words(text);
    expect(ws.map((w) => w.norm)).toEqual(['i', "don't", 'want', 'e-mail']);
    for (const w of ws) expect(text.slice(w.start, w.end)).toBe(w.text);
  });
  test('reads any script', () => {
    expect(words('Hola señor, ありがとう').map((w) => w.text)).toEqual(['Hola', 'señor', 'ありがとう']);
  });
});

describe('tokenize', () => {
  test('the ranges it rules out without the Unicode regex hold no letter, digit or mark', () => {
    const wordChar = /[\p{L}\p{N}\p{M}]/u;
    const found: string[] = [];
    for (const [from, to] of [[0x2000, 0x2070], [0x2190, 0x2460]] as const) for (let c = from; c < to; c++) if (wordChar.test(String.fromCharCode(c))) found.push(c.toString(16));
    expect(found).toEqual([]);
    const toks = tokenize('late – again → refund’s “due”');
    expect(toks.key.slice(0, toks.n)).toEqual(['late', 'again', "refund's", 'due']);
  });
});
