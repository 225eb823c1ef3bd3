// What the zod schema cannot see: lists that rules name, pattern syntax, one kind of rule, threshold order.
// The validating side runs this before compiling, so the runtime compiler carries no error messages.
import { DEFAULT_THRESHOLDS, type CompileOptions } from './rules';
import type { TensionSeed } from './schema';

/** Throws the first problem, with the rule it is in (`seeds[0].rules[3] (en.x).match: …`). */
export function checkTensionSeeds(seeds: TensionSeed[], options: CompileOptions = {}): void {
  const t = { ...DEFAULT_THRESHOLDS };
  for (const s of seeds) if (s.language === '*') Object.assign(t, s.scoring?.thresholds);
  Object.assign(t, options.thresholds);
  if (!(t.tense <= t.heated)) throw new Error(`thresholds: tense (${t.tense}) must not be above heated (${t.heated})`);
  if (!seeds.some((s) => s.language !== '*' && s.rules?.length)) {
    throw new Error('compileTensionRules: no language pack with rules (a seed with "language": "en" or similar)');
  }
  seeds.forEach((seed, i) => {
    // A pack's rules see its own lists and those of the "*" seeds.
    const names = new Set(seeds.filter((s) => s.language === seed.language || s.language === '*').flatMap((s) => Object.keys(s.lists ?? {})));
    const lists = [...names].join(', ');
    (seed.rules ?? []).forEach((rule, r) => {
      const where = `seeds[${i}].rules[${r}] (${rule.id})`;
      const kinds = Number(rule.match !== undefined) + Number(rule.detector !== undefined) + Number(rule.words !== undefined);
      if (kinds !== 1) throw new Error(`${where}: give exactly one of "match", "words" or "detector"`);
      for (const [key, ns] of [['negatedBy', rule.negatedBy], ['unlessNear', rule.unlessNear === undefined ? undefined : [rule.unlessNear]]] as const) {
        for (const name of ns ?? []) if (!names.has(name)) throw new Error(`${where}.${key}: unknown list "${name}" (lists: ${lists})`);
      }
      if (rule.match !== undefined) checkPattern(rule.match, `${where}.match`, names, lists);
      for (const item of rule.words?.trim().split(/\s+/) ?? []) {
        const [entry = '', points] = item.split(':');
        if (points !== undefined && !Number.isFinite(Number(points))) throw new Error(`${where}.words: "${item}" needs a number after ":"`);
        checkPattern(entry, `${where}.words`, names, lists);
      }
    });
  });
}

function checkPattern(pattern: string, where: string, names: Set<string>, lists: string): void {
  const tokens = pattern.trim().split(/\s+/);
  for (const token of tokens) {
    if (token === '_' || token === '..') continue;
    for (const alt of token.toLowerCase().split('|')) {
      if (alt.startsWith('~') && !names.has(alt.slice(1))) throw new Error(`${where}: unknown list "${alt}" in "${pattern}" (lists: ${lists})`);
      if (alt.endsWith('*') && alt.length < 4) throw new Error(`${where}: prefix "${alt}" in "${pattern}" needs at least 3 letters before "*"`);
      if (alt === '') throw new Error(`${where}: empty alternative in "${pattern}"`);
      // The tokenizer reads "sooo" as "so", so a rule word with such a run would never match.
      if (/([a-z])\1\1/.test(alt) && !/^([a-z])\1+\*?$/.test(alt)) {
        throw new Error(`${where}: "${alt}" in "${pattern}" never matches: messages are read with letter runs of 3+ as one letter ("${alt.replace(/([a-z])\1\1+/g, '$1')}")`);
      }
    }
  }
  if (tokens[tokens.length - 1] === '..') throw new Error(`${where}: "${pattern}" cannot end with ".."`);
}
