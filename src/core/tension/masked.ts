// Words masked with asterisks ("sh*t", "f***ing", "b*llocks", "s***"). The tokenizer stops at the first
// '*', so "sh*t" would read as "sh" and "t" and match nothing. Before any word is looked up, a masked
// word that fits a word of the seeds' `masked` list (its letters where shown, any letter under a '*')
// becomes one token with that word as its key, so every rule that names the word sees it.
import { CAPS, hashKey, type Tokens } from '../text/tokens';

const STAR = 42;

function isLetter(c: number): boolean {
  const l = c | 32;
  return l > 96 && l < 123;
}

function fits(masked: string, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = masked.charCodeAt(k);
    if (c !== STAR && c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The word of `words` that `masked` spells with letters hidden: same length first, then a word plus an ending shown in full ("f***ing"); null if none. */
export function unmaskWord(masked: string, words: readonly string[]): string | null {
  for (const w of words) if (w.length === masked.length && fits(masked, w)) return w;
  for (const w of words) if (w.length < masked.length && fits(masked, w) && masked.indexOf('*', w.length) < 0) return w + masked.slice(w.length);
  return null;
}

/** Rewrites the masked words of `toks` (tokenized from `text`) in place. */
export function unmaskTokens(text: string, toks: Tokens, words: readonly string[]): void {
  const { key, start, end, flags, sentence, clause, hash } = toks;
  for (let i = 0; i < toks.n; i++) {
    let j = end[i]!;
    if (text.charCodeAt(j) !== STAR) continue;
    while (j < text.length && (text.charCodeAt(j) === STAR || isLetter(text.charCodeAt(j)))) j++;
    let word = unmaskWord(text.slice(start[i]!, j).toLowerCase(), words);
    if (word === null) continue;
    // Tokens inside the masked word ("t" of "sh*t") merge into it; one reaching past it lends the rest ("p*ss-poor").
    let k = i + 1;
    let last = j;
    let f = flags[i]!;
    for (; k < toks.n && start[k]! < j; k++) {
      if (end[k]! > last) {
        word += text.slice(j, end[k]!).toLowerCase();
        last = end[k]!;
      }
      if (flags[k]! & CAPS) toks.caps--;
      f |= flags[k]!;
    }
    key[i] = word;
    hash[i] = hashKey(word);
    end[i] = last;
    flags[i] = f;
    const gone = k - i - 1;
    if (gone === 0) continue;
    for (let m = k; m < toks.n; m++) {
      key[m - gone] = key[m]!;
      start[m - gone] = start[m]!;
      end[m - gone] = end[m]!;
      flags[m - gone] = flags[m]!;
      sentence[m - gone] = sentence[m]!;
      clause[m - gone] = clause[m]!;
      hash[m - gone] = hash[m]!;
    }
    toks.n -= gone;
  }
}
