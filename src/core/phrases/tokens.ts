// Phrase-specific normalisation: contractions become their long forms so "I'm"/"I am" and
// "that's"/"that is" match one pattern. Words come from the shared tokenizer in src/core/text.
import { normalizeWord, words } from '../text';

// Words with an apostrophe that do not split at it.
const WHOLE = new Map<string, string>(Object.entries({
  "i'm": 'i am', "let's": 'let us', "can't": 'can not', "won't": 'will not', "shan't": 'shall not', "ain't": 'is not',
  "o'clock": 'o clock',
}));
/**
 * Single words that stand for a pattern's words ("cannot" = "can not", British spellings). The trie gets
 * both forms at load time, so the draft's words need no lookup here.
 */
export const ALIASES: [string[], string][] = [
  [['can', 'not'], 'cannot'], [['apologize'], 'apologise'], [['apologized'], 'apologised'],
  [['apologizing'], 'apologising'], [['realize'], 'realise'], [['prioritize'], 'prioritise'], [['honor'], 'honour'],
];

// "'s" is "is" only after these; elsewhere it is a possessive ("Ana's").
const IS_BEFORE = new Set(['that', 'there', 'it', 'here', 'what', 'who', 'he', 'she', 'where', 'how']);
const SUFFIX: [string, string][] = [["n't", 'not'], ["'ll", 'will'], ["'re", 'are'], ["'ve", 'have'], ["'d", 'would'], ["'m", 'am']];

/** One normalised word as a sequence of match tokens ("don't" → ["do", "not"]). */
export function expandWord(norm: string): string[] {
  const whole = WHOLE.get(norm);
  if (whole) return whole.split(' ');
  if (!norm.includes("'")) return [norm];
  if (norm.endsWith("'s")) {
    const stem = norm.slice(0, -2);
    return IS_BEFORE.has(stem) ? [stem, 'is'] : [norm];
  }
  for (const [suffix, long] of SUFFIX) {
    if (norm.endsWith(suffix) && norm.length > suffix.length) return [norm.slice(0, -suffix.length), long];
  }
  return [norm];
}

/** Normalised tokens of a short literal phrase (used for patterns and admin phrases). */
export function phraseTokens(text: string): string[] {
  return words(text).flatMap((w) => expandWord(w.norm));
}

/** The draft as parallel arrays of match tokens; a token keeps the offsets of the word it came from. */
export interface Tokens {
  tok: string[];
  start: Int32Array;
  end: Int32Array;
  /** 1 when the token opens a new sentence: no match crosses it. */
  brk: Uint8Array;
  /** 1 when the token is inside quotation marks (quoted customer words): never matched. */
  quoted: Uint8Array;
  /** 1 on the first token of each written word, for word counts. */
  first: Uint8Array;
}

// The word definition of src/core/text/words.ts, `[\p{L}\p{N}\p{M}]+(?:['’‘-][\p{L}\p{N}\p{M}]+)*`,
// scanned by hand (a property test checks both give the same words).
const WIDE_WORD = /^[\p{L}\p{N}\p{M}]/u;
const isJoiner = (c: number): boolean => c === 0x27 || c === 0x2d || c === 0x2019 || c === 0x2018;
/** Code units of the word character at `i` (2 for an astral letter), or 0 when it is not one. */
function wordWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c < 0xdc00) return WIDE_WORD.test(s.slice(i, i + 2)) ? 2 : 0;
  return WIDE_WORD.test(s[i]!) ? 1 : 0;
}
const QUOTE_LINE = /^[ \t]*>[^\n]*/gm;
const QUOTATION = /["“][^"“”\n]*["”]/g;
const NL = 0x0a;

/**
 * Tokenises a draft in one pass. Lines starting with ">" (a quoted customer message) are left out;
 * words inside double quotes on one line are kept but marked as quoted.
 */
export function tokenize(text: string): Tokens {
  // [from, to) ranges of ">" lines (kind 1, dropped) and of quotations (kind 2, masked), in order.
  const skip: number[] = [];
  const kinds: number[] = [];
  QUOTE_LINE.lastIndex = 0;
  QUOTATION.lastIndex = 0;
  let line = QUOTE_LINE.exec(text);
  for (let q = QUOTATION.exec(text); q !== null || line !== null; ) {
    if (line && (!q || line.index <= q.index)) {
      skip.push(line.index, line.index + line[0].length);
      kinds.push(1);
      while (q && q.index < line.index + line[0].length) q = QUOTATION.exec(text);
      line = QUOTE_LINE.exec(text);
    } else if (q) {
      skip.push(q.index, q.index + q[0].length);
      kinds.push(2);
      q = QUOTATION.exec(text);
    }
  }

  // Same words as `words()` in src/core/text, but the draft is lower-cased once rather than per word:
  // this loop is most of the 0.3 ms budget. (Lower-casing can change the length of a few scripts; then
  // words are lower-cased one by one so offsets stay true.)
  const lower = text.toLowerCase();
  const src = lower.length === text.length ? lower : text;
  // A word gives at most two tokens and has at least one character (two when it gives two).
  const cap = text.length + 1;
  const tok: string[] = [];
  const start = new Int32Array(cap), end = new Int32Array(cap);
  const brk = new Uint8Array(cap), quoted = new Uint8Array(cap), first = new Uint8Array(cap);
  let n = 0;
  let r = 0;
  let prevEnd = -1;
  let pendingBreak = true;
  // A hand-rolled scan of the same word definition: the regular expression's match objects were the
  // largest single cost here.
  const len = src.length;
  for (let i = 0; i < len; ) {
    let w = wordWidth(src, i);
    if (w === 0) {
      i++;
      continue;
    }
    const ws = i;
    let joined = false;
    for (i += w; i < len; ) {
      w = wordWidth(src, i);
      if (w > 0) i += w;
      else if (isJoiner(src.charCodeAt(i)) && i + 1 < len && wordWidth(src, i + 1) > 0) {
        joined = true;
        i++;
      } else break;
    }
    const we = i;
    const raw = src.slice(ws, we);
    while (r < kinds.length && skip[2 * r + 1]! <= ws) r++;
    const inside = r < kinds.length && skip[2 * r]! <= ws;
    if (inside && kinds[r] === 1) {
      pendingBreak = true;
      continue;
    }
    brk[n] = pendingBreak || (prevEnd >= 0 && endsSentence(text, prevEnd, ws)) ? 1 : 0;
    first[n] = 1;
    pendingBreak = false;
    prevEnd = we;
    // Words with an apostrophe or hyphen inside take the slow path.
    const norm = src === text || joined ? normalizeWord(raw) : raw;
    if (!joined) {
      tok.push(norm);
      start[n] = ws;
      end[n] = we;
      quoted[n++] = inside ? 1 : 0;
      continue;
    }
    for (const part of expandWord(norm)) {
      tok.push(part);
      start[n] = ws;
      end[n] = we;
      quoted[n++] = inside ? 1 : 0;
    }
  }
  return { tok, start: start.subarray(0, n), end: end.subarray(0, n), brk: brk.subarray(0, n), quoted: quoted.subarray(0, n), first: first.subarray(0, n) };
}

// A sentence ends at "!", "?", ";" or a line break between two words, or at "." followed by a space
// (so "5.30" and "e-mail.com" stay whole).
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === NL || c === 0x21 || c === 0x3f || c === 0x3b) return true;
    if (c === 0x2e && i + 1 < to && text.charCodeAt(i + 1) <= 0x20) return true;
  }
  return false;
}
