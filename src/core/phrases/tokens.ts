// Phrase-specific normalisation: contractions become their long forms so "I'm"/"I am" and
// "that's"/"that is" match one pattern. Words come from the shared tokenizer in src/core/text.
import { words } from '../text';

const WHOLE: Record<string, string> = {
  "i'm": 'i am', "let's": 'let us', "can't": 'can not', cannot: 'can not', "won't": 'will not',
  "shan't": 'shall not', "ain't": 'is not', apologise: 'apologize', apologised: 'apologized',
  apologising: 'apologizing', realise: 'realize', prioritise: 'prioritize', "o'clock": 'o clock',
};
// "'s" is "is" only after these; elsewhere it is a possessive ("Ana's").
const IS_BEFORE = new Set(['that', 'there', 'it', 'here', 'what', 'who', 'he', 'she', 'where', 'how']);
const SUFFIX: [string, string][] = [["n't", 'not'], ["'ll", 'will'], ["'re", 'are'], ["'ve", 'have'], ["'d", 'would'], ["'m", 'am']];

/** One normalised word as a sequence of match tokens ("don't" → ["do", "not"]). */
export function expandWord(norm: string): string[] {
  const whole = WHOLE[norm];
  if (whole) return whole.split(' ');
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
  start: number[];
  end: number[];
  /** 1 when the token opens a new sentence: no match crosses it. */
  brk: Uint8Array;
  /** 1 when the token is inside quotation marks (quoted customer words): never matched. */
  quoted: Uint8Array;
  /** 1 on the first token of each written word, for word counts. */
  first: Uint8Array;
}

const DQ = 0x22, OPEN = 0x201c, CLOSE = 0x201d, NL = 0x0a;

/**
 * Tokenises a draft in one pass. Lines starting with ">" (a quoted customer message) are left out;
 * words inside double quotes on one line are kept but marked as quoted.
 */
export function tokenize(text: string): Tokens {
  const ws = words(text);
  const skip: number[] = []; // [from, to) ranges of ">" lines and quotations, in order
  const kinds: number[] = []; // 1 = quote line (dropped), 2 = quotation (masked)
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (text.charCodeAt(i) === 0x3e) {
      skip.push(lineStart, lineEnd);
      kinds.push(1);
    } else {
      let open = -1;
      for (; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (open < 0 && (c === DQ || c === OPEN)) open = i;
        else if (open >= 0 && (c === DQ || c === CLOSE)) {
          skip.push(open, i);
          kinds.push(2);
          open = -1;
        }
      }
    }
    lineStart = lineEnd + 1;
  }

  const tok: string[] = [], start: number[] = [], end: number[] = [];
  const brkL: number[] = [], quotedL: number[] = [], firstL: number[] = [];
  let r = 0;
  let prevEnd = -1;
  let pendingBreak = true;
  for (const w of ws) {
    while (r < kinds.length && skip[2 * r + 1]! <= w.start) r++;
    const inside = r < kinds.length && skip[2 * r]! <= w.start;
    if (inside && kinds[r] === 1) {
      pendingBreak = true;
      continue;
    }
    const brk = pendingBreak || (prevEnd >= 0 && endsSentence(text, prevEnd, w.start));
    pendingBreak = false;
    prevEnd = w.end;
    const parts = expandWord(w.norm);
    for (let k = 0; k < parts.length; k++) {
      tok.push(parts[k]!);
      start.push(w.start);
      end.push(w.end);
      brkL.push(brk && k === 0 ? 1 : 0);
      quotedL.push(inside ? 1 : 0);
      firstL.push(k === 0 ? 1 : 0);
    }
  }
  return { tok, start, end, brk: Uint8Array.from(brkL), quoted: Uint8Array.from(quotedL), first: Uint8Array.from(firstL) };
}

// A sentence ends at "!", "?", ";" or a line break between two words, or at "." followed by a space
// (so "5.30" and "e-mail.com" stay whole).
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === NL || c === 0x21 || c === 0x3f || c === 0x3b) return true;
    if (c === 0x2e && i + 1 < to && /\s/.test(text[i + 1]!)) return true;
  }
  return false;
}
