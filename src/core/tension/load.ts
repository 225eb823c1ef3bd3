// Seeds from outside the bundle (the CLI, admin files, tests): validate with the zod schema, then compile.
import { compileTensionRules, type CompileOptions, type TensionRules } from './rules';
import { checkTensionSeeds } from './check';
import { parseTensionSeed } from './schema';

/** Validates seed JSON objects (one per seeds/tension/*.json file) and compiles them. */
export function loadTensionRules(seeds: unknown[], options: CompileOptions = {}): TensionRules {
  if (!Array.isArray(seeds)) throw new Error('loadTensionRules: expected an array of seed objects');
  const parsed = seeds.map((seed, i) => parseTensionSeed(seed, `seeds[${i}]`));
  checkTensionSeeds(parsed, options);
  return compileTensionRules(parsed, options);
}
