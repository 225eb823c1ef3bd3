// Patterns → a token trie. Syntax (words are matched after normalisation, punctuation is ignored):
//   word          a word ("that's" and "that is" are the same two tokens)
//   word?         an optional word
//   (a|b c)       one of several word sequences; "(a|b)?" makes the group optional
//   *             any one word;  *? an optional one
//   ...           a gap of 0–6 words inside the sentence ("either ... or")
//   <num>         a number ("24", "two");  <time> a clock time written as one word ("5pm")
// Every pattern expands to plain key sequences at load time, so matching is a bounded walk per word.
import { ALIASES, phraseTokens } from './tokens';

export const GAP = 6;
const MAX_EXPANSIONS = 4096;

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Tags of the patterns that end here: rule index × 2, +1 for an `unless` pattern. */
  ends?: number[];
  /** Children for "*", "<num>", "<time>" and "...", kept out of the map so plain words cost one lookup. */
  any?: TrieNode;
  num?: TrieNode;
  time?: TrieNode;
  gap?: TrieNode;
}

const FIELD: Record<string, 'any' | 'num' | 'time' | 'gap'> = { '*': 'any', '<num>': 'num', '<time>': 'time', '...': 'gap' };

export const newNode = (): TrieNode => ({ next: new Map() });

/** Expands one pattern to its key sequences, or throws a message saying what is wrong. */
export function expandPattern(pattern: string): string[][] {
  const pieces = pattern.match(/\(|\)\??|\||[^\s()|]+/g) ?? [];
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} in "${pattern}"`);
  };
  // seq := item* ; item := word | word? | "(" seq ("|" seq)* ")" "?"?
  const sequence = (depth: number): string[][] => {
    let seqs: string[][] = [[]];
    while (at < pieces.length) {
      const piece = pieces[at]!;
      if (piece === '|' || piece[0] === ')') {
        if (depth === 0) fail(piece === '|' ? '"|" outside a group — wrap the choices in ( )' : 'unbalanced ")"');
        break;
      }
      at++;
      let alts: string[][];
      if (piece === '(') {
        alts = [];
        for (;;) {
          const alt = sequence(depth + 1);
          if (alt.some((a) => a.length === 0)) fail('empty choice — use "(…)?" for an optional group');
          alts.push(...alt);
          const close = pieces[at++];
          if (close === undefined) fail('unbalanced "(" — close the group with ")"');
          if (close === ')?') alts.push([]);
          if (close !== '|') break;
        }
      } else {
        const optional = piece.length > 1 && piece.endsWith('?');
        const word = optional ? piece.slice(0, -1) : piece;
        const keys = word in FIELD ? [word] : phraseTokens(word);
        if (keys.length === 0) continue; // punctuation only
        alts = optional ? [keys, []] : [keys];
      }
      seqs = seqs.flatMap((seq) => alts.map((alt) => [...seq, ...alt]));
      if (seqs.length > MAX_EXPANSIONS) fail(`more than ${MAX_EXPANSIONS} word sequences — split the pattern`);
    }
    return seqs;
  };
  const seqs = sequence(0);
  for (const seq of seqs) {
    if (seq.length === 0) fail('nothing required — make at least one word required');
    if (seq[0] === '...' || seq[seq.length - 1] === '...') fail('a gap "..." at the start or end');
  }
  return seqs;
}

/** Inserts a key sequence and its alias forms ("can not" → also "cannot"). */
export function insert(root: TrieNode, keys: string[], tag: number): void {
  for (const [long, short] of ALIASES) {
    const at = keys.findIndex((_, i) => long.every((w, j) => keys[i + j] === w));
    if (at >= 0) insert(root, [...keys.slice(0, at), short, ...keys.slice(at + long.length)], tag);
  }
  let node = root;
  for (const key of keys) {
    const field = FIELD[key];
    let child = field ? node[field] : node.next.get(key);
    if (!child) {
      child = newNode();
      if (field) node[field] = child;
      else node.next.set(key, child);
    }
    node = child;
  }
  (node.ends ??= []).includes(tag) || node.ends.push(tag);
}

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty-eight twenty-four few couple'.split(' '));
export const isNumber = (w: string): boolean => (w.charCodeAt(0) < 58 ? /^\d[\d:.,/-]*$/.test(w) : NUMBER_WORDS.has(w));
export const isTime = (w: string): boolean => w.charCodeAt(0) < 58 && /^\d{1,4}(am|pm)$/.test(w);
