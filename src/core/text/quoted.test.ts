import { describe, expect, test } from 'vitest';
import { maskQuoted } from './quoted';

// message -> what stays live (masked parts become spaces; shown here trimmed and with blank lines dropped).
const EXAMPLES: Array<[name: string, text: string, live: string]> = [
  ['plain text is left alone', 'Where is my refund?', 'Where is my refund?'],
  ['history after "On … wrote:" goes', 'Thanks, sorted.\n\nOn Mon, 3 Jun 2024, Support wrote:\n> Please try again later.', 'Thanks, sorted.'],
  ['the header may wrap over two lines', 'Still broken.\n\nOn Mon, 3 Jun 2024 at 09:12, Acme Support\n<help@acme.test> wrote:\n> Fixed now!', 'Still broken.'],
  ['an inline reply below the quote stays', 'NO.\n\nOn 3 Jun 2025, at 10:41, Acme wrote:\n> Please try again later.\n\nGet someone senior on this now.', 'NO.\nGet someone senior on this now.'],
  ['unquoted history after the header all goes', 'Fine.\n\nOn Mon, Acme wrote:\nWe have escalated your case.\nRegards, Acme', 'Fine.'],
  ["a signature after an inline reply still goes (the sign-off itself is the customer's)", 'See below.\n\nOn Mon, Acme wrote:\n> Which order?\n\nOrder 1234.\n\nThanks\nMaria', 'See below.\nOrder 1234.\nThanks'],
  ['"> " lines alone are masked', 'I said:\n> cancel it\nand you did not.', 'I said:\nand you did not.'],
  ['a forwarded original message goes', 'See the thread.\n-----Original Message-----\nFrom: Acme\nYour refund is delayed.', 'See the thread.'],
];

const live = (text: string): string =>
  maskQuoted(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

describe('quoted history and signatures', () => {
  test.each(EXAMPLES)('%s', (_name, text, expected) => {
    expect(live(text)).toBe(expected);
  });

  test('offsets are kept: the result has the length of the input', () => {
    for (const [, text] of EXAMPLES) expect(maskQuoted(text)).toHaveLength(text.length);
  });
});
