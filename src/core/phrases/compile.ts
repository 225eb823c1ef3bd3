// Patterns → a token trie. Syntax (words are matched after normalisation, punctuation is ignored):
//   word          a word ("that's" and "that is" are the same two tokens)
//   word?         an optional word
//   (a|b c)       one of several word sequences; "(a|b)?" makes the group optional
//   *             any one word;  *? an optional one
//   ...           a gap of 0–6 words inside the sentence ("either ... or")
//   <num>         a number ("24", "two");  <time> a clock time written as one word ("5pm")
// Every pattern expands to plain key sequences at load time, so matching is a bounded walk per word.
import { phraseTokens } from './tokens';

export const GAP = 6;
const SPECIAL = new Set(['*', '...', '<num>', '<time>']);
const MAX_EXPANSIONS = 400;

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Tags of the patterns that end here: rule index × 2, +1 for an `unless` pattern. */
  ends?: number[];
  /** True when a child key is a wildcard, a gap or a class. */
  special?: boolean;
}

export const newNode = (): TrieNode => ({ next: new Map() });

/** Expands one pattern to its key sequences, or throws a message saying what is wrong. */
export function expandPattern(pattern: string): string[][] {
  const slots: { alts: string[][]; optional: boolean }[] = [];
  let group: string[][] | undefined;
  for (const piece of pattern.match(/\(|\)\??|\||[^\s()|]+/g) ?? []) {
    if (piece === '(') {
      if (group) throw new Error(`groups cannot nest in "${pattern}"`);
      group = [[]];
    } else if (piece === '|') {
      if (!group) throw new Error(`"|" outside a group in "${pattern}" — wrap the choices in ( )`);
      group.push([]);
    } else if (piece[0] === ')') {
      if (!group) throw new Error(`unbalanced ")" in "${pattern}"`);
      if (group.some((alt) => alt.length === 0)) throw new Error(`empty choice in "${pattern}" — use "(…)?" for an optional group`);
      slots.push({ alts: group, optional: piece === ')?' });
      group = undefined;
    } else {
      const optional = piece.length > 1 && piece.endsWith('?');
      const word = optional ? piece.slice(0, -1) : piece;
      const keys = SPECIAL.has(word) ? [word] : phraseTokens(word);
      if (keys.length === 0) continue; // punctuation only
      if (group) group[group.length - 1]!.push(...keys);
      else slots.push({ alts: [keys], optional });
    }
  }
  if (group) throw new Error(`unbalanced "(" in "${pattern}" — close the group with ")"`);
  let seqs: string[][] = [[]];
  for (const slot of slots) {
    const alts = slot.optional ? [...slot.alts, []] : slot.alts;
    seqs = seqs.flatMap((seq) => alts.map((alt) => [...seq, ...alt]));
    if (seqs.length > MAX_EXPANSIONS) throw new Error(`"${pattern}" expands to more than ${MAX_EXPANSIONS} word sequences — split it`);
  }
  for (const seq of seqs) {
    if (seq.length === 0) throw new Error(`"${pattern}" can match nothing — make at least one word required`);
    if (seq[0] === '...' || seq[seq.length - 1] === '...') throw new Error(`"${pattern}" cannot start or end with a gap "..."`);
  }
  return seqs;
}

export function insert(root: TrieNode, keys: string[], tag: number): void {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = newNode()));
    if (SPECIAL.has(key)) node.special = true;
    node = child;
  }
  (node.ends ??= []).includes(tag) || node.ends.push(tag);
}

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty-eight twenty-four few couple'.split(' '));
export const isNumber = (w: string): boolean => /^\d[\d:.,/-]*$/.test(w) || NUMBER_WORDS.has(w);
export const isTime = (w: string): boolean => /^\d{1,4}(am|pm)$/.test(w);
