// Compiled rules as a few strings in the seeds' own pattern syntax, made at build time: the sidebar
// revives them in a few milliseconds instead of validating and compiling the seeds before its first
// verdict, and builds each rule only when a word that can start it first occurs in a message. Words
// are written out where they are used (gzip finds the repeats better than word numbers do), lists are
// named by number, and what a rule shares with the one before is left out.
import { hashKey } from '../text/tokens';
import { addHead, indexRule, newTable, PENDING, type CompiledRule, type LanguagePack, type Scoring, type Step, type TensionRules, type WordInfo } from './rules';

interface PackedPack {
  language: string;
  /** Indexes into `lists`. */
  negators: number;
  clauseStarts: number;
  conditionals: number;
  acronyms: number;
  gratitude: number;
  quoteOpeners: number;
  /**
   * One line per rule (the entries of a `words` rule share one):
   * `id;reason;negatedBy;requires;unlessNear;detector;min;flags;entries`, lists by index, empty = none
   * (reason: the previous line's; min: 2; flags: `q` quoted, `a` alone, `w` requires anywhere, or empty). The id starts with how many characters (0–9) it shares with the one
   * before. Entries are `,`-separated `pattern:weight` (no weight: the previous entry's); a pattern is
   * steps split by spaces: `_` any word, `..` a gap, else `|`-separated words and `prefix*`, sorted so
   * that the same alternatives read the same everywhere.
   */
  rules: string;
}

export interface PackedTensionRules {
  rulesVersion: string;
  languages: string[];
  scoring: Scoring;
  /** Word sets that rules and packs name: `|`-separated words, lists separated by spaces. */
  lists: string;
  /** Per language: the words it knows beyond its rules' own (stopwords), space-separated. */
  stopwords: string[];
  /** TensionRules.masked, space-separated. */
  masked: string;
  packs: PackedPack[];
}

/** The prefixes of a step that has none (most): one shared array, never written to. */
const NO_PREFIXES: string[] = [];

/** Characters the packed grammar uses; no word may contain them. */
const SYNTAX = /[\s|;,:*]/;

export function packTensionRules(rules: TensionRules): PackedTensionRules {
  const { table } = rules;
  const word = (w: string): string => {
    if (SYNTAX.test(w) || w === '_' || w === '..' || !w) throw new Error(`packTensionRules: word ${JSON.stringify(w)} cannot be packed`);
    return w;
  };
  const lists: string[] = [];
  const list = (set: Set<string> | null): string => {
    if (!set) return '';
    const text = [...set].map(word).sort().join('|');
    const i = lists.indexOf(text);
    return String(i < 0 ? lists.push(text) - 1 : i);
  };
  // Language bits a word gets from the rules that use it (the unpacker gives them again).
  const used = new Map<string, number>();
  const step = (s: Step, bit: number): string => {
    if (s.any) return '_';
    if (s.gap) return '..';
    for (const w of s.words!) used.set(w, (used.get(w) ?? 0) | (1 << bit));
    return [...[...s.words!].map(word).sort(), ...s.prefixes!.map((x) => `${word(x)}*`).sort()].join('|');
  };
  const packs = rules.packs.map((p, bit): PackedPack => {
    const negators = Number(list(p.negators));
    const clauseStarts = Number(list(p.clauseStarts));
    const conditionals = Number(list(p.conditionals));
    const acronyms = Number(list(p.acronyms));
    const gratitude = Number(list(p.gratitude));
    const quoteOpeners = Number(list(p.quoteOpeners));
    const lines: string[] = [];
    let last: CompiledRule | undefined;
    let reason = '';
    let weight = NaN;
    let id = '';
    for (const r of p.rules) {
      const entry = `${r.steps.map((s) => step(s, bit)).join(' ')}${r.weight === weight ? '' : `:${r.weight}`}`;
      weight = r.weight;
      // The entries of one `words` rule share everything but their points and pattern.
      if (last && last.id === r.id && last.reason === r.reason && last.negatedBy === r.negatedBy && last.unlessNear === r.unlessNear && last.quoted === r.quoted && last.alone === r.alone && last.anywhere === r.anywhere) {
        lines[lines.length - 1] += `,${entry}`;
      } else {
        let shared = 0;
        while (shared < 9 && r.id[shared] !== undefined && r.id[shared] === id[shared]) shared++;
        id = r.id;
        const fields = [`${shared}${r.id.slice(shared)}`, r.reason === reason ? '' : r.reason, list(r.negatedBy), r.requires?.join(',') ?? '', list(r.unlessNear), r.detector ?? '', r.min === 2 ? '' : r.min, `${r.quoted ? 'q' : ''}${r.alone ? 'a' : ''}${r.anywhere ? 'w' : ''}`];
        if (fields.some((f) => /[;\n]/.test(String(f)))) throw new Error(`packTensionRules: rule ${r.id} cannot be packed`);
        lines.push(`${fields.join(';')};${entry}`);
      }
      reason = r.reason;
      last = r;
    }
    return { language: p.language, negators, clauseStarts, conditionals, acronyms, gratitude, quoteOpeners, rules: lines.join('\n') };
  });
  const stopwords = rules.languages.map(() => [] as string[]);
  for (let e = 0; e < table.base; e++) {
    const w = table.keys[e]!;
    const mask = table.masks[e]!;
    const extra = mask & ~(used.get(w) ?? 0);
    if ((used.get(w) ?? 0) & ~mask) throw new Error(`packTensionRules: ${w} is in a rule but not known to its language`);
    stopwords.forEach((ws, bit) => extra & (1 << bit) && ws.push(word(w)));
  }
  return { rulesVersion: rules.rulesVersion, languages: rules.languages, scoring: rules.scoring, lists: lists.join(' '), stopwords: stopwords.map((ws) => ws.sort().join(' ')), masked: rules.masked.map(word).join(' '), packs };
}

/** Rules that classify exactly like the compiled ones they were packed from; thresholds may be overridden. */
export function unpackTensionRules(p: PackedTensionRules, options: { thresholds?: Partial<Scoring['thresholds']> } = {}): TensionRules {
  // Word -> table entry, in order of first appearance; masks[entry]: the languages that know it.
  const index = new Map<string, number>();
  const words: string[] = [];
  const masks: number[] = [];
  const id = (w: string, bits: number): number => {
    let e = index.get(w);
    if (e === undefined) {
      index.set(w, (e = words.push(w) - 1));
      masks.push(bits);
    } else masks[e]! |= bits;
    return e;
  };
  const lists = p.lists.split(' ').map((l) => (l ? l.split('|') : []));
  const listIds = lists.map((ws) => ws.map((w) => id(w, 0)));
  p.stopwords.forEach((ws, bit) => {
    if (ws) for (const w of ws.split(' ')) id(w, 1 << bit);
  });
  // Every word a pattern uses is in the table from the start (a token must find its entry, and language
  // detection counts rule words), read in bulk: the patterns (each line's last field) without weights,
  // split and deduplicated natively. Prefixes, `_` and `..` are not words.
  p.packs.forEach((pk, bit) => {
    const patterns = pk.rules.replace(/^(?:[^;\n]*;){8}/gm, '').replace(/:[-\d.]+/g, '');
    for (const w of new Set(patterns.split(/[ |,\n]/))) if (w && w !== '_' && w !== '..' && !w.endsWith('*')) id(w, 1 << bit);
  });
  const size = words.length;
  // Filled in bulk (the same layout addWord makes), in one loop without callbacks.
  const table = newTable(size);
  const { slots } = table;
  const slotMask = slots.length - 1;
  const hashes: number[] = [];
  const infos: WordInfo[] = [];
  for (let e = 0; e < size; e++) {
    const h = hashKey(words[e]!);
    hashes.push(h);
    infos.push(PENDING);
    let at = h & slotMask;
    while (slots[at] !== 0) at = (at + 1) & slotMask;
    slots[at] = e + 1;
  }
  table.keys = words;
  table.hashes = hashes;
  table.infos = infos;
  table.base = size;
  table.baseSlots = slots.slice();
  table.masks = masks;
  const stride = (size + 7) >> 3;
  const sets = lists.map((ws) => new Set(ws));
  const listBits = listIds.map((ids) => {
    const out = new Uint8Array(stride);
    for (const e of ids) out[e >> 3]! |= 1 << (e & 7);
    return out;
  });
  const prefixHeads = new Uint8Array(8192);
  const unquoted = p.scoring.unquoted ?? [];
  const packs = p.packs.map((pk): LanguagePack => {
    const pack: LanguagePack = {
      language: pk.language,
      byWord: new Map(),
      byPrefix: new Map(),
      anyFirst: [],
      detectors: [],
      rules: [],
      negators: sets[pk.negators]!,
      negatorIds: listBits[pk.negators]!,
      clauseStarts: sets[pk.clauseStarts]!,
      clauseStartIds: listBits[pk.clauseStarts]!,
      conditionals: sets[pk.conditionals]!,
      conditionalIds: listBits[pk.conditionals]!,
      acronyms: sets[pk.acronyms]!,
      gratitude: sets[pk.gratitude]!,
      quoteOpeners: sets[pk.quoteOpeners]!,
      known: new Set(),
    };
    // Only how each entry can start is read now; a rule is built when a word that can start it first
    // occurs in a message (most never do in a given ticket), in seed order like indexRule files them.
    const lines = pk.rules.split('\n');
    const fields: string[][] = [];
    const lineIds: string[] = [];
    const lineReasons: string[] = [];
    const shared: Array<Omit<CompiledRule, 'weight' | 'steps'> | undefined> = [];
    const patterns: string[] = [];
    const entryLines: number[] = [];
    const weights: number[] = [];
    const built: Array<CompiledRule | undefined> = [];
    const byWord = new Map<string, number[]>();
    // First-step prefix heads -> [entry, prefix, entry, prefix, …].
    const byHead = new Map<string, Array<number | string>>();
    const meta = (l: number): Omit<CompiledRule, 'weight' | 'steps'> => {
      const f = fields[l]!;
      const flags = f[7]!;
      // What the entries of a line share is read once (and shared: nothing mutates a compiled rule).
      return (shared[l] ??= {
        id: lineIds[l]!,
        reason: lineReasons[l]!,
        negatedBy: f[2] ? sets[Number(f[2])]! : null,
        negatedIds: f[2] ? listBits[Number(f[2])]! : null,
        requires: f[3] ? f[3].split(',') : null,
        unlessNear: f[4] ? sets[Number(f[4])]! : null,
        detector: (f[5] || null) as CompiledRule['detector'],
        quoted: flags.includes('q'),
        alone: flags.includes('a'),
        anywhere: flags.includes('w'),
        unquoted: unquoted.includes(lineReasons[l]!),
        min: f[6] ? Number(f[6]) : 2,
      });
    };
    const rule = (entry: number): CompiledRule => {
      const done = built[entry];
      if (done) return done;
      const m = meta(entryLines[entry]!);
      const pattern = patterns[entry]!;
      const parts = pattern ? pattern.split(' ') : [];
      const steps: Step[] = [];
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        if (part === '_') {
          steps.push({ any: true });
          continue;
        }
        if (part === '..') {
          steps.push({ gap: true });
          continue;
        }
        let prefixes = NO_PREFIXES;
        // classify finds a first step through the index and tests the steps after it by their bits.
        const ids = k > 0 ? new Uint8Array(stride) : null;
        for (const x of part.split('|')) {
          if (x.endsWith('*')) {
            if (prefixes === NO_PREFIXES) prefixes = [];
            prefixes.push(x.slice(0, -1));
          } else if (ids) {
            const e = index.get(x)!;
            ids[e >> 3]! |= 1 << (e & 7);
          }
        }
        const step: Step = { prefixes };
        if (ids) step.ids = ids;
        steps.push(step);
      }
      // One literal for every rule, as compileRule makes them (the same hidden class for the matchers).
      const r: CompiledRule = { id: m.id, reason: m.reason, weight: weights[entry]!, negatedBy: m.negatedBy, negatedIds: m.negatedIds, requires: m.requires, unlessNear: m.unlessNear, detector: m.detector, quoted: m.quoted, alone: m.alone, anywhere: m.anywhere, unquoted: m.unquoted, min: m.min, steps };
      built[entry] = r;
      return r;
    };
    let ruleId = '';
    let reason = '';
    let weight = 0;
    for (let l = 0; l < lines.length; l++) {
      const f = lines[l]!.split(';');
      ruleId = ruleId.slice(0, Number(f[0]![0])) + f[0]!.slice(1);
      reason = f[1] || reason;
      fields.push(f);
      lineIds.push(ruleId);
      lineReasons.push(reason);
      const detector = f[5];
      for (const entry of f[8]!.split(',')) {
        const colon = entry.indexOf(':');
        if (colon >= 0) weight = Number(entry.slice(colon + 1));
        const pattern = colon >= 0 ? entry.slice(0, colon) : entry;
        const e = patterns.push(pattern) - 1;
        entryLines.push(l);
        weights.push(weight);
        const space = pattern.indexOf(' ');
        const first = space < 0 ? pattern : pattern.slice(0, space);
        // Detectors and rules that may start on any word are needed for every message: built now.
        if (detector || !first || first === '_' || first === '..') {
          indexRule(pack, rule(e), NO_PREFIXES);
          continue;
        }
        for (const x of first.split('|')) {
          if (x.endsWith('*')) {
            const prefix = x.slice(0, -1);
            addHead(prefixHeads, prefix);
            const list = byHead.get(prefix.slice(0, 3));
            if (list) list.push(e, prefix);
            else byHead.set(prefix.slice(0, 3), [e, prefix]);
          } else {
            const list = byWord.get(x);
            if (list) list.push(e);
            else byWord.set(x, [e]);
          }
        }
      }
    }
    pack.revive = (key) => {
      const entries = byWord.get(key);
      if (entries) {
        byWord.delete(key);
        pack.byWord.set(key, entries.map(rule));
      }
      if (key.length < 3) return;
      const head = key.slice(0, 3);
      const pairs = byHead.get(head);
      if (!pairs) return;
      byHead.delete(head);
      const out: Array<{ prefix: string; rule: CompiledRule }> = [];
      for (let i = 0; i < pairs.length; i += 2) out.push({ prefix: pairs[i + 1] as string, rule: rule(pairs[i] as number) });
      pack.byPrefix.set(head, out);
    };
    return pack;
  });
  const scoring = { ...p.scoring, thresholds: { ...p.scoring.thresholds, ...options.thresholds } };
  return { rulesVersion: p.rulesVersion, packs, languages: p.languages, scoring, table, prefixHeads, masked: p.masked ? p.masked.split(' ') : [] };
}
