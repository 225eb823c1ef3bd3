// Patterns → a token trie. Syntax (words are matched after normalisation, punctuation is ignored):
//   word          a word ("that's" and "that is" are the same two tokens)
//   word?         an optional word
//   (a|b c)       one of several word sequences; "(a|b)?" makes the group optional
//   *             any one word;  *? an optional one
//   ...           a gap of 0–8 words inside the sentence ("either ... or")
//   <num>         a number ("24", "two");  <time> a clock time written as one word ("5pm")
//   <name>        a word written with a capital and then small letters that is not a pronoun, article
//                 or team ("Ana", not "She", "The" or "Billing")
// Every pattern becomes plain key paths at load time, so matching is a bounded walk per word.
import { ALIASES, phraseTokens } from './tokens';

export const GAP = 8;
const MAX_EXPANSIONS = 4096;

export interface TrieNode {
  /** Word children; created with the first one (most nodes are leaves). */
  next?: Map<string, TrieNode>;
  /** Tags of the patterns that end here: rule index × 2, +1 for an `unless` pattern. */
  ends?: number[];
  /** Children for "*", "<num>", "<time>", "<name>" and "...", kept out of the map so plain words cost one lookup. */
  any?: TrieNode;
  num?: TrieNode;
  time?: TrieNode;
  name?: TrieNode;
  gap?: TrieNode;
}

const FIELD: Record<string, 'any' | 'num' | 'time' | 'name' | 'gap'> = { '*': 'any', '<num>': 'num', '<time>': 'time', '<name>': 'name', '...': 'gap' };

// Every node has every field, so the walk reads one object shape (V8 keeps the property loads monomorphic).
export const newNode = (): TrieNode => ({ next: undefined, ends: undefined, any: undefined, num: undefined, time: undefined, name: undefined, gap: undefined });

type Item = string | Item[][]; // a key, or a group of alternative item sequences ([] = may be skipped)

/** Parses one pattern into items, or throws a message saying what is wrong. */
export function parsePattern(pattern: string): Item[] {
  const pieces = pattern.match(/\(|\)\??|\||[^\s()|]+/g) ?? [];
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} in "${pattern}"`);
  };
  // seq := item* ; item := word | word? | "(" seq ("|" seq)* ")" "?"?
  const sequence = (depth: number): Item[] => {
    const items: Item[] = [];
    while (at < pieces.length) {
      const piece = pieces[at]!;
      if (piece === '|' || piece[0] === ')') {
        if (depth === 0) fail(piece === '|' ? '"|" outside a group — wrap the choices in ( )' : 'unbalanced ")"');
        break;
      }
      at++;
      if (piece === '(') {
        const alts: Item[][] = [];
        for (;;) {
          const alt = sequence(depth + 1);
          if (alt.length === 0) fail('empty choice — use "(…)?" for an optional group');
          alts.push(alt);
          const close = pieces[at++];
          if (close === undefined) fail('unbalanced "(" — close the group with ")"');
          if (close === ')?') alts.push([]);
          if (close !== '|') break;
        }
        items.push(alts);
      } else {
        const optional = piece.length > 1 && piece.endsWith('?');
        const word = optional ? piece.slice(0, -1) : piece;
        const keys = word in FIELD ? [word] : phraseTokens(word);
        if (keys.length === 0) continue; // punctuation only
        const withAliases = aliasForms(keys);
        if (optional) items.push([...withAliases, []]);
        else if (withAliases.length > 1) items.push(withAliases);
        else items.push(...keys);
      }
    }
    // Multi-word aliases ("can not" → also "cannot") span separate pieces, so they are found here.
    for (const [long, short] of ALIASES) {
      if (long.length < 2) continue;
      for (let i = 0; i + long.length <= items.length; i++) {
        if (long.every((w, j) => items[i + j] === w)) items.splice(i, long.length, [long, [short]]);
      }
    }
    return items;
  };
  return sequence(0);
}

// "cannot" and "can not", "apologise" and "apologize": a word's tokens plus their other written forms.
function aliasForms(keys: string[]): string[][] {
  const forms = [keys];
  for (const [long, short] of ALIASES) {
    if (keys.length === 1 && keys[0] === short) forms.push(long);
    else if (long.length === keys.length && long.every((w, i) => keys[i] === w)) forms.push([short]);
  }
  return forms;
}

/**
 * Adds every word sequence of a pattern to the trie, walking the pattern's groups depth-first so no
 * sequence is ever copied. Throws when the pattern can match nothing, starts or ends with a gap, or has
 * too many sequences.
 */
export function addPattern(root: TrieNode, pattern: string, tag: number): void {
  let leaves = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} in "${pattern}"`);
  };
  const walk = (node: TrieNode, items: Item[], i: number, len: number, last: string, done: (n: TrieNode, len: number, last: string) => void): void => {
    if (i === items.length) return done(node, len, last);
    const item = items[i]!;
    if (typeof item === 'string') {
      if (len === 0 && item === '...') fail('a gap "..." at the start');
      return walk(child(node, item), items, i + 1, len + 1, item, done);
    }
    for (const alt of item) walk(node, alt, 0, len, last, (n, l, k) => walk(n, items, i + 1, l, k, done));
  };
  walk(root, parsePattern(pattern), 0, 0, '', (node, len, last) => {
    if (len === 0) fail('nothing required — make at least one word required');
    if (last === '...') fail('a gap "..." at the end');
    if (++leaves > MAX_EXPANSIONS) fail(`more than ${MAX_EXPANSIONS} word sequences — split the pattern`);
    (node.ends ??= []).includes(tag) || node.ends.push(tag);
  });
}

function child(node: TrieNode, key: string): TrieNode {
  const field = FIELD[key];
  let next = field ? node[field] : node.next?.get(key);
  if (!next) {
    next = newNode();
    if (field) node[field] = next;
    else (node.next ??= new Map()).set(key, next);
  }
  return next;
}

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty-eight twenty-four few couple'.split(' '));
export const isNumber = (w: string): boolean => (w.charCodeAt(0) < 58 ? /^\d[\d:.,/-]*$/.test(w) : NUMBER_WORDS.has(w));
export const isTime = (w: string): boolean => w.charCodeAt(0) < 58 && /^\d{1,4}(am|pm)$/.test(w);

// Capitalised words that start sentences or name a team, not a person who owns the next step.
const NOT_NAMES = new Set(
  ('i we you he she they it this that these those there here the a an our my your their his her its someone somebody anyone ' +
    'everyone nobody one who which what support team billing sales finance accounts shipping engineering it customer service ' +
    'also then so and but please hopefully today tomorrow monday tuesday wednesday thursday friday saturday sunday').split(' '),
);
/** A person's name as written in a draft: capital then small letters ("Ana", "O'Neill"), not a pronoun or team. */
export const isName = (text: string, at: number, w: string): boolean => {
  const c = text.charCodeAt(at);
  // Most words start with a small letter: that test is one comparison (ASCII), the rest only for capitals.
  if (c >= 97 && c <= 122) return false;
  const d = text.charCodeAt(at + 1);
  const upper = c >= 65 && c <= 90 ? true : c > 127 && text[at] !== text[at]!.toLowerCase();
  const lower = d >= 97 && d <= 122 ? true : d > 127 && text[at + 1] !== text[at + 1]!.toUpperCase();
  return upper && lower && !NOT_NAMES.has(w);
};
