// Compiled rules as compact JSON, made at build time: the sidebar revives them in a few milliseconds
// instead of parsing every pattern of the seeds before its first verdict, and ships no pattern compiler.
// Words appear once, ordered by first use in a pattern, and patterns refer to them by the difference from
// the word before: mostly small numbers, which compress as well as the seeds' own text.
import { hashKey } from '../text/tokens';
import { head, indexRule, newTable, PENDING, type CompiledRule, type LanguagePack, type Scoring, type Step, type TensionRules } from './rules';

/** A step: 0 any word, 1 a gap, or its words (index minus the previous pattern word's) and prefixes (strings). */
type PackedStep = 0 | 1 | Array<number | string>;
/** A seed rule: [id, reason, negatedBy, requires, unlessNear, detector, min, [weight, steps] per entry]; lists by index, -1 none. */
type PackedRule = [string, string, number, string[] | 0, number, string | 0, number, Array<[number, PackedStep[]]>];

interface PackedPack {
  language: string;
  /** Indexes into `lists`. */
  negators: number;
  clauseStarts: number;
  acronyms: number;
  rules: PackedRule[];
}

export interface PackedTensionRules {
  rulesVersion: string;
  languages: string[];
  scoring: Scoring;
  /** Space-separated. */
  words: string;
  /** Per word: bit i set when languages[i] knows it. */
  masks: number[];
  /** Word sets (as indexes) that rules and packs name. */
  lists: number[][];
  packs: PackedPack[];
}

export function packTensionRules(rules: TensionRules): PackedTensionRules {
  const { table } = rules;
  // Word order: first use in a pattern, then the rest in table order.
  const order = new Map<string, number>();
  const see = (w: string): number => order.get(w) ?? order.set(w, order.size).get(w)!;
  for (const p of rules.packs) for (const r of p.rules) for (const st of r.steps) for (const w of st.words ?? []) see(w);
  for (const w of table.keys.slice(0, table.base)) see(w);
  const words = [...order.keys()];
  const lists: number[][] = [];
  const listKeys = new Map<string, number>();
  const list = (set: Set<string> | null): number => {
    if (!set) return -1;
    const ids = [...set].map(see);
    const key = ids.join();
    let i = listKeys.get(key);
    if (i === undefined) listKeys.set(key, (i = lists.push(ids) - 1));
    return i;
  };
  let previous = 0;
  const delta = (w: string): number => {
    const n = see(w);
    const d = n - previous;
    previous = n;
    return d;
  };
  const step = (s: Step): PackedStep => (s.any ? 0 : s.gap ? 1 : [...[...s.words!].map(delta), ...s.prefixes!]);
  const packs = rules.packs.map((p): PackedPack => {
    const grouped: PackedRule[] = [];
    let last: CompiledRule | undefined;
    for (const r of p.rules) {
      // The entries of one `words` rule share everything but their points and pattern.
      const same = last && last.id === r.id && last.reason === r.reason && last.negatedBy === r.negatedBy && last.unlessNear === r.unlessNear;
      if (!same) grouped.push([r.id, r.reason, list(r.negatedBy), r.requires ?? 0, list(r.unlessNear), r.detector ?? 0, r.min, []]);
      grouped[grouped.length - 1]![7].push([r.weight, r.steps.map(step)]);
      last = r;
    }
    return { language: p.language, negators: list(p.negators), clauseStarts: list(p.clauseStarts), acronyms: list(p.acronyms), rules: grouped };
  });
  const entry = new Map(table.keys.slice(0, table.base).map((w, i) => [w, i]));
  const masks = words.map((w) => table.masks[entry.get(w)!]!);
  return { rulesVersion: rules.rulesVersion, languages: rules.languages, scoring: rules.scoring, words: words.join(' '), masks, lists, packs };
}

/** Rules that classify exactly like the compiled ones they were packed from; thresholds may be overridden. */
export function unpackTensionRules(p: PackedTensionRules, options: { thresholds?: Partial<Scoring['thresholds']> } = {}): TensionRules {
  const { masks } = p;
  const words = p.words.split(' ');
  // Filled in bulk (the same layout addWord makes): this runs before the first verdict.
  const table = newTable(words.length);
  const { slots } = table;
  const mask = slots.length - 1;
  table.keys = words.slice();
  table.masks = masks.slice();
  table.hashes = words.map(hashKey);
  table.infos = words.map(() => PENDING);
  table.hashes.forEach((h, i) => {
    let at = h & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = i + 1;
  });
  table.base = words.length;
  table.baseSlots = slots.slice();
  const bits = (ids: number[]): Uint8Array => {
    const out = new Uint8Array((words.length + 7) >> 3);
    for (const e of ids) out[e >> 3]! |= 1 << (e & 7);
    return out;
  };
  const sets = p.lists.map((ids) => new Set(ids.map((i) => words[i]!)));
  const prefixHeads = new Set<number>();
  let previous = 0;
  const packs = p.packs.map((pk, bit): LanguagePack => {
    const pack: LanguagePack = {
      language: pk.language,
      byWord: new Map(),
      byPrefix: new Map(),
      anyFirst: [],
      detectors: [],
      rules: [],
      negators: sets[pk.negators]!,
      negatorIds: bits(p.lists[pk.negators]!),
      clauseStarts: sets[pk.clauseStarts]!,
      acronyms: sets[pk.acronyms]!,
      // Rule words and stopwords: exactly the words whose mask has this pack's bit.
      known: new Set(words.filter((_, i) => masks[i]! & (1 << bit))),
    };
    for (const [id, reason, negatedBy, requires, unlessNear, detector, min, entries] of pk.rules) {
      for (const [weight, packedSteps] of entries) {
        let firstWords: string[] = [];
        const steps = packedSteps.map((s, k): Step => {
          if (s === 0) return { any: true };
          if (s === 1) return { gap: true };
          const ids: number[] = [];
          const prefixes: string[] = [];
          for (const x of s) {
            if (typeof x === 'string') {
              prefixes.push(x);
              prefixHeads.add(head(x));
            } else ids.push((previous += x));
          }
          if (k === 0) firstWords = ids.map((i) => words[i]!);
          return { ids: bits(ids), prefixes };
        });
        const rule: CompiledRule = {
          id,
          reason,
          weight,
          negatedBy: sets[negatedBy] ?? null,
          requires: requires || null,
          unlessNear: sets[unlessNear] ?? null,
          detector: (detector || null) as CompiledRule['detector'],
          min,
          steps,
        };
        indexRule(pack, rule, firstWords);
      }
    }
    return pack;
  });
  const scoring = { ...p.scoring, thresholds: { ...p.scoring.thresholds, ...options.thresholds } };
  return { rulesVersion: p.rulesVersion, packs, languages: p.languages, scoring, table, prefixHeads };
}
