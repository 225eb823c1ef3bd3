// npm run ablate:tension -- --data FILE [--data FILE …] [--rules id,id] [--misses]
// What each tension rule is worth: macro-F1 on each labelled file with the shipped seeds, then the change
// when one rule is left out (negative = the rule helps there). --misses lists instead the rows whose level
// is wrong or whose cues / hard negatives are missed, with the reasons that fired. For developing rules on
// the development sets; never run it on a held-out set.
import { classifyMessage, compileTensionRules, type TensionSeed } from '../src/core/tension/index';
import { f1s, readRows, type Label, type Row } from './bench/tension';
import { readTensionSeeds } from './cli/classify';

const args = process.argv.slice(2);
const files: string[] = [];
let only: string[] | null = null;
let misses = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') files.push(args[++i]!);
  else if (args[i] === '--rules') only = args[++i]!.split(',');
  else if (args[i] === '--misses') misses = true;
}
if (!files.length) {
  process.stderr.write('Usage: npm run ablate:tension -- --data FILE [--data FILE …] [--rules id,id] [--misses]\n');
  process.exit(2);
}

const seeds = readTensionSeeds().map((s) => s.seed as TensionSeed);
const sets = files.map((file) => ({ name: file.split('/').pop()!.replace(/\.jsonl$/, ''), rows: readRows(file) }));
const levelOf = (text: string, rules: ReturnType<typeof compileTensionRules>): Label => {
  const level = classifyMessage(text, rules).level;
  return level === 'not-assessed' ? 'calm' : level;
};

if (misses) {
  const rules = compileTensionRules(seeds);
  for (const { name, rows } of sets) {
    for (const [i, row] of rows.entries()) {
      const v = classifyMessage(row.text, rules);
      const level = v.level === 'not-assessed' ? 'calm' : v.level;
      const fired = v.reasons.map((r) => r.id);
      const missed = (row.cues ?? []).filter((c) => !fired.includes(c));
      const falsely = (row.absent ?? []).filter((c) => fired.includes(c));
      if (level === row.label && !missed.length && !falsely.length) continue;
      const id = (row as Row & { id?: string }).id ?? `${name}:${i + 1}`;
      const why = v.reasons.map((r) => `${r.id} ${r.weight} (${r.ruleIds.join('+')}: ${r.spans.map((s) => JSON.stringify(s.text)).join(' ')})`).join('; ');
      console.log(`${id} gold ${row.label}, got ${level} ${v.score}${missed.length ? `, missed ${missed.join(' ')}` : ''}${falsely.length ? `, falsely ${falsely.join(' ')}` : ''}\n  ${row.text.replace(/\s+/g, ' ').slice(0, 240)}\n  ${why || 'nothing fired'}`);
    }
  }
} else {
  const score = (s: TensionSeed[]): number[] => {
    const rules = compileTensionRules(s);
    return sets.map(({ rows }) => f1s(rows.map((r) => r.label), rows.map((r) => levelOf(r.text, rules))).macro);
  };
  const base = score(seeds);
  console.log(`macro-F1 with every rule: ${sets.map((s, i) => `${s.name} ${base[i]!.toFixed(1)}`).join(', ')}`);
  console.log(`rule | ${sets.map((s) => s.name).join(' | ')} (change without the rule)`);
  const ids = only ?? seeds.flatMap((s) => (s.rules ?? []).map((r) => r.id));
  for (const id of ids) {
    const without = score(seeds.map((s) => ({ ...s, rules: s.rules?.filter((r) => r.id !== id) })));
    console.log(`${id} | ${without.map((m, i) => (m - base[i]!).toFixed(1)).join(' | ')}`);
  }
}
