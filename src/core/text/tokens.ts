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

// Words as in words.ts (letters, digits, marks of any script; ' or - joins two parts), one emoji with its
// ZWJ sequence / modifiers, or punctuation. A hand-written scanner: one pass, no backtracking, and several
// times faster than a Unicode-property regular expression on the hot path (ASCII).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTO = /\p{Extended_Pictographic}/u;
const ELONGATED = /(\p{L})\1\1+/gu;

function isWordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i]!) ? 1 : 0;
}

function pictoAt(text: string, i: number): number {
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x2190 && cp !== 0xa9 && cp !== 0xae) return 0;
  return PICTO.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const bangs: PunctRun[] = [];
  // Lower-casing the whole text once is faster than per word; fall back when it changes length.
  const lowerAll = text.toLowerCase();
  const sameLength = lowerAll.length === text.length;
  const n = text.length;
  let sentence = 0;
  let clause = 0;
  let sentenceHasWords = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let w = isWordAt(text, i);
    if (w > 0) {
      const start = i;
      let upper = false;
      let lower = false;
      let run = 1;
      let elongated = false;
      let nonAscii = false;
      let prev = -1;
      for (;;) {
        while (w > 0) {
          const d = text.charCodeAt(i);
          if (d >= 65 && d <= 90) upper = true;
          else if (d >= 97 && d <= 122) lower = true;
          else if (d >= 128) nonAscii = true;
          run = d === prev ? run + 1 : 1;
          if (run >= 3 && d > 57) elongated = true;
          prev = d;
          i += w;
          w = i < n ? isWordAt(text, i) : 0;
        }
        const j = text.charCodeAt(i);
        // ' ’ ‘ - join two word parts
        if ((j === 39 || j === 0x2019 || j === 0x2018 || j === 45) && i + 1 < n && (w = isWordAt(text, i + 1)) > 0) {
          i += 1;
          prev = -1;
          continue;
        }
        break;
      }
      const raw = text.slice(start, i);
      let key = sameLength ? lowerAll.slice(start, i) : raw.toLowerCase();
      if (key.includes('’') || key.includes('‘')) key = key.replace(/[’‘]/g, "'");
      if (elongated) key = key.replace(ELONGATED, '$1');
      const caps = raw.length >= 2 && (nonAscii ? raw === raw.toUpperCase() && key !== raw : upper && !lower);
      tokens.push({ emoji: false, start, end: i, key, caps, elongated: elongated && key.length < raw.length, sentence, clause });
      sentenceHasWords = true;
      continue;
    }
    const p = c >= 0xa9 ? pictoAt(text, i) : 0;
    if (p > 0) {
      const start = i;
      i += p;
      // Joiners, variation selectors, skin tones and the pictographs they join.
      for (;;) {
        const d = text.codePointAt(i) ?? 0;
        if (d === 0x200d || d === 0xfe0f) i += 1;
        else if (d >= 0x1f3fb && d <= 0x1f3ff) i += 2;
        else if (text.charCodeAt(i - 1) === 0x200d && (w = pictoAt(text, i)) > 0) i += w;
        else break;
      }
      tokens.push({ emoji: true, start, end: i, key: String.fromCodePoint(text.codePointAt(start)!), caps: false, elongated: false, sentence, clause });
      continue;
    }
    if (c === 33 || c === 63) {
      // a run of ! and ?
      const start = i;
      while (i < n && (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63)) i++;
      if (i - start >= 2) bangs.push({ start, end: i, text: text.slice(start, i), sentence });
    } else if (c === 46 || c === 10 || c === 0x2026) {
      i++;
    } else {
      i++;
      if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014) clause++;
      continue;
    }
    // sentence end
    if (sentenceHasWords) sentence += 1;
    sentenceHasWords = false;
    clause++;
  }
  return { tokens, bangs, sentences: sentence + (sentenceHasWords ? 1 : 0) };
}
