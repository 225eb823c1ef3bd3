// One linear pass over a message: words (with offsets and a matching key), emoji, and the punctuation
// that ends sentences or clauses. Tokens live in parallel arrays that are reused from call to call, so
// scanning allocates only the key strings: no object per token. Rule matchers read these arrays.

/** Token flags. */
export const CAPS = 1;
export const ELONGATED = 2;
export const EMOJI = 4;

export interface Tokens {
  n: number;
  /** Lower case, plain apostrophes, letters repeated 3+ times collapsed ("sooo" -> "so"). */
  key: string[];
  start: number[];
  end: number[];
  /** CAPS (2+ letters, no lower case, no digit) | ELONGATED (a run of 3+ letters, or said word by word) | EMOJI. */
  flags: number[];
  /** Sentence number; sentences end at . ! ? … and line breaks. */
  sentence: number[];
  /** Clause number; clauses also end at , ; : ( ) and dashes. */
  clause: number[];
  /** Runs of two or more ! / ? marks: [start, end, sentence, has "!" (1/0)] quads. */
  bangs: number[];
  /** Tokens flagged CAPS. */
  caps: number;
  /** hashKey(key[i]), computed while scanning: lets matchers find a word without hashing its string again. */
  hash: number[];
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over UTF-16 code units; tokenize computes the same value for each key in its scan loop. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

// Words as in words.ts (letters, digits, marks of any script; ' or - joins two parts), one emoji with its
// ZWJ sequence / modifiers, or punctuation. Hand-written: ASCII and Latin-1 letters never reach a regex.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTO = /\p{Extended_Pictographic}/u;

// ASCII classes: 1 word character, 2 lower case, 4 upper case, 8 digit.
const LOWER = 2;
const UPPER = 4;
const DIGIT = 8;
const ASCII = new Uint8Array(128);
for (let c = 48; c < 58; c++) ASCII[c] = 1 | DIGIT;
for (let c = 97; c < 123; c++) ASCII[c] = 1 | LOWER;
for (let c = 65; c < 91; c++) ASCII[c] = 1 | UPPER;

function isWordAt(text: string, i: number): number {
  const c = i < text.length ? text.charCodeAt(i) : 0;
  if (c < 128) return (c > 96 && c < 123) || (c > 64 && c < 91) || (c > 47 && c < 58) ? 1 : 0;
  if (c >= 0xc0 && c < 0x250) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  // Dashes, curly quotes, arrows and math signs are no letters: the Unicode regex (slow to compile) never sees them.
  if ((c >= 0x2000 && c < 0x2070) || (c >= 0x2190 && c < 0x2460)) return 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    // Emoji and symbol planes hold no letters: skip the regex for the commonest astral characters.
    if (cp >= 0x1f000 && cp < 0x1fb00) return 0;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return c > 0xaa && WORD_CHAR.test(text[i]!) ? 1 : 0;
}

function pictoAt(text: string, i: number): number {
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x2190 && cp !== 0xa9 && cp !== 0xae) return 0;
  return PICTO.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Collapses letter runs of 3+ to one letter ("sooo" -> "so", "pleeease" -> "please"). A word that is
 * one run ("BBB", "www", "zzz") is a name or a sound, kept whole so rules can name it. */
function collapse(key: string): string {
  let out = '';
  if (key.charCodeAt(0) === key.charCodeAt(key.length - 1) && key.split(key[0]!).length === key.length + 1) return key;
  for (let i = 0; i < key.length; ) {
    let j = i + 1;
    while (j < key.length && key.charCodeAt(j) === key.charCodeAt(i)) j++;
    out += j - i >= 3 && key.charCodeAt(i) > 57 ? key[i] : key.slice(i, j);
    i = j;
  }
  return out;
}

const shared: Tokens = { n: 0, key: [], start: [], end: [], flags: [], sentence: [], clause: [], bangs: [], caps: 0, hash: [] };

/** Tokenises into reused arrays: valid until the next call (callers are synchronous). */
export function tokenize(text: string, out: Tokens = shared): Tokens {
  const { key, start: starts, end: ends, flags, sentence: sentences, clause: clauses, bangs, hash: hashes } = out;
  if (bangs.length) bangs.length = 0;
  let n = 0;
  let capsCount = 0;
  const len = text.length;
  let sentence = 0;
  let clause = 0;
  let sentenceHasWords = false;
  let sentenceWords = 0;
  let singles = 0;
  let wordByWord = false;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    let w = c < 128 ? ASCII[c]! & 1 : isWordAt(text, i);
    if (w > 0) {
      const start = i;
      let cls = 0;
      let elongated = false;
      let other = false;
      let code = false;
      let h = FNV_OFFSET;
      for (;;) {
        let prev = -1;
        let run = 1;
        // Never read past the end: charCodeAt's NaN there would turn every char code into a float.
        while (i < len) {
          const d = text.charCodeAt(i);
          if (d < 128) {
            const a = ASCII[d]!;
            if (!(a & 1)) break;
            cls |= a;
            // Upper-case ASCII letters hash as lower case (digits already have bit 32 set).
            h = Math.imul(h ^ (d | 32), FNV_PRIME);
            i++;
          } else {
            w = isWordAt(text, i);
            if (w === 0) break;
            other = true;
            i += w;
          }
          if (d === prev) {
            if (++run === 3 && d > 57) elongated = true;
          } else run = 1;
          prev = d;
        }
        const j = i < len ? text.charCodeAt(i) : 0;
        // ' ’ ‘ - join two word parts; _ makes one identifier of them (TOO_MANY_REQUESTS is a code, not words)
        if ((j === 39 || j === 0x2019 || j === 0x2018 || j === 45 || j === 95) && i + 1 < len && isWordAt(text, i + 1) > 0) {
          if (j === 95) code = true;
          else if (j !== 39 && j !== 45) other = true;
          h = Math.imul(h ^ j, FNV_PRIME);
          i += 1;
          continue;
        }
        break;
      }
      const upper = (cls & UPPER) !== 0;
      const lower = (cls & LOWER) !== 0;
      // Most words are already lower case: only the others pay for toLowerCase.
      let k = text.slice(start, i);
      if (other || upper) k = k.toLowerCase();
      let caps = false;
      if (other) {
        k = k.replace(/[’‘]/g, "'");
        const raw = text.slice(start, i);
        caps = !code && raw.length >= 2 && raw === raw.toUpperCase() && raw.toLowerCase() !== raw;
      } else caps = upper && !lower && !(cls & DIGIT) && !code && i - start >= 2; // "PCL-7734" is an id, not shouting
      let f = caps ? CAPS : 0;
      if (elongated) {
        const collapsed = collapse(k);
        if (collapsed.length < k.length) f |= ELONGATED;
        k = collapsed;
      }
      if (caps) capsCount++;
      hashes[n] = other || f & ELONGATED ? hashKey(k) : h;
      key[n] = k;
      starts[n] = start;
      ends[n] = i;
      flags[n] = f;
      sentences[n] = sentence;
      clauses[n++] = clause;
      sentenceHasWords = true;
      sentenceWords++;
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
      const k = String.fromCodePoint(text.codePointAt(start)!);
      hashes[n] = hashKey(k);
      key[n] = k;
      starts[n] = start;
      ends[n] = i;
      flags[n] = EMOJI;
      sentences[n] = sentence;
      clauses[n++] = clause;
      continue;
    }
    if (c === 33 || c === 63) {
      // a run of ! and ?
      const start = i;
      let bang = 0;
      for (let d = c; d === 33 || d === 63; d = ++i < len ? text.charCodeAt(i) : 0) if (d === 33) bang = 1;
      if (i - start >= 2) bangs.push(start, i, sentence, bang);
    } else if (c === 46 || c === 10 || c === 0x2026) {
      i++;
    } else {
      i++;
      if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014) clause++;
      continue;
    }
    // sentence end
    if (sentenceHasWords) {
      sentence += 1;
      // Lines of one word ("Thanks\nMaria") are a sign-off, not words said one by one.
      if (sentenceWords === 1 && c !== 10) wordByWord ||= ++singles >= 3;
      else singles = 0;
    }
    sentenceHasWords = false;
    sentenceWords = 0;
    clause++;
  }
  if (sentenceHasWords && sentenceWords === 1) wordByWord ||= ++singles >= 3;
  out.n = n;
  out.caps = capsCount;
  if (wordByWord) joinWordByWord(out);
  return out;
}

const perSentence: number[] = [];

/**
 * "Cancel. My. Subscription." is one sentence said word by word: runs of three or more one-word
 * sentences become one sentence (and one clause), so phrases match across the full stops.
 */
function joinWordByWord(out: Tokens): void {
  const { n, sentence, clause, flags, bangs } = out;
  const last = Math.max(sentence[n - 1]!, bangs.length ? bangs[bangs.length - 2]! : 0);
  perSentence.length = 0;
  for (let x = 0; x <= last; x++) perSentence.push(0);
  for (let k = 0; k < n; k++) {
    const x = sentence[k]!;
    perSentence[x] = perSentence[x]! + (flags[k]! & EMOJI ? 2 : 1);
  }
  // perSentence becomes the new number of each old sentence.
  let run = 0;
  let next = -1;
  for (let x = 0; x <= last; x++) {
    run = perSentence[x] === 1 ? run + 1 : 0;
    let ahead = run;
    for (let y = x + 1; ahead > 0 && ahead < 3 && y <= last && perSentence[y] === 1; y++) ahead++;
    perSentence[x] = run > 1 && ahead >= 3 ? next : ++next;
  }
  let before = -1;
  for (let k = 0; k < n; k++) {
    const old = sentence[k]!;
    sentence[k] = perSentence[old]!;
    if (k > 0 && old !== before && sentence[k] === sentence[k - 1]) {
      clause[k] = clause[k - 1]!;
      // Said word by word is said with emphasis, as "sooo" is.
      flags[k] = flags[k]! | ELONGATED;
      flags[k - 1] = flags[k - 1]! | ELONGATED;
    }
    before = old;
  }
  for (let b = 2; b < bangs.length; b += 4) bangs[b] = perSentence[bangs[b]!]!;
}
