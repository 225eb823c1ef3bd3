// One linear pass over a message: words (with offsets and a matching key), emoji, and the
// punctuation that ends sentences or clauses. Rule matchers work on these tokens, never on raw regexes.

export interface Token {
  /** An emoji rather than a word. */
  emoji: boolean;
  start: number;
  end: number;
  /** Lower case, plain apostrophes, letters repeated 3+ times collapsed ("sooo" -> "so"). */
  key: string;
  /** Written in capitals (2+ letters, no lower case). */
  caps: boolean;
  /** Had a run of 3+ repeated letters ("sooo", "pleeease"). */
  elongated: boolean;
  /** Sentence number; sentences end at . ! ? … and line breaks. */
  sentence: number;
  /** Clause number; clauses also end at , ; : ( ) and dashes. */
  clause: number;
}

export interface PunctRun {
  start: number;
  end: number;
  text: string;
  sentence: number;
}

export interface Tokens {
  tokens: Token[];
  /** Runs of two or more ! / ? marks ("!!!", "?!", "??"). */
  bangs: PunctRun[];
  sentences: number;
}

// Words as in words.ts (letters, digits, marks; ' or - joins parts), one emoji (with ZWJ sequences and
// variation selectors), or a punctuation run. No nested repetition: the scan is linear.
const TOKEN =
  /([\p{L}\p{N}\p{M}]+(?:['’‘-][\p{L}\p{N}\p{M}]+)*)|(\p{Extended_Pictographic}(?:[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]+\p{Extended_Pictographic}?)*)|([!?]+|[.…\n]+|[,;:()\u2013\u2014]+)/gu;
const ELONGATED = /(\p{L})\1\1+/gu;

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const bangs: PunctRun[] = [];
  // Lower-casing the whole text once is faster than per word; fall back when it changes length.
  const lowerAll = text.toLowerCase();
  const sameLength = lowerAll.length === text.length;
  let sentence = 0;
  let clause = 0;
  let sentenceHasWords = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    if (m[1] !== undefined) {
      let key = sameLength ? lowerAll.slice(start, end) : raw.toLowerCase();
      if (key.includes('’') || key.includes('‘')) key = key.replace(/[’‘]/g, "'");
      let elongated = false;
      if (raw.length > 2 && hasTriple(key)) {
        key = key.replace(ELONGATED, '$1');
        elongated = true;
      }
      const caps = raw.length >= 2 && key !== raw && raw === raw.toUpperCase();
      tokens.push({ emoji: false, start, end, key, caps, elongated, sentence, clause });
      sentenceHasWords = true;
    } else if (m[2] !== undefined) {
      tokens.push({ emoji: true, start, end, key: String.fromCodePoint(raw.codePointAt(0)!), caps: false, elongated: false, sentence, clause });
    } else {
      const c = raw.charCodeAt(0);
      if (c === 33 || c === 63) {
        // ! or ?
        if (raw.length >= 2) bangs.push({ start, end, text: raw, sentence });
      }
      if (c === 33 || c === 63 || c === 46 || c === 10 || c === 0x2026) {
        if (sentenceHasWords) sentence += 1;
        sentenceHasWords = false;
      }
      clause += 1;
    }
  }
  return { tokens, bangs, sentences: sentence + (sentenceHasWords ? 1 : 0) };
}

function hasTriple(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}
