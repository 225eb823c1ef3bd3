/** A word of the input with its offsets, for evidence spans that point back at the customer's text. */
export interface Word {
  /** Offset of the first UTF-16 code unit in the input. */
  start: number;
  /** Offset one past the last code unit. */
  end: number;
  /** The word as written. */
  text: string;
  /** Lower case, curly apostrophes straightened: what rules match against. */
  norm: string;
}

// Letters, digits and marks of any script; an apostrophe or hyphen joins two word parts ("don't", "e-mail").
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘-][\p{L}\p{N}\p{M}]+)*/gu;

/** Splits text into words in one linear pass (the regular expression has no nested repetition). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    out.push({ start: m.index, end: m.index + raw.length, text: raw, norm: normalizeWord(raw) });
  }
  return out;
}

/** Lower case with typographic apostrophes made plain, so "Don’t" and "don't" match the same rule. */
export function normalizeWord(raw: string): string {
  return raw.toLowerCase().replace(/[’‘]/g, "'");
}

/** True when a word is written in capitals and long enough to read as shouting rather than an initial. */
export function isCapsWord(raw: string): boolean {
  return raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}
