// `defuse check [FILE]`: JSON Lines of drafts in, one verdict line out per input, in order.
// In:  {"id"?: any, "text": "...", "tension"?: "calm" | "tense" | "heated"}
// Out: {"id"?, "flags": [...], "elements": {"acknowledgment": true, ...}}, or {"id"?, "error": "..."}.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDraft, type Tension } from '../../src/core/phrases';
import { loadPhraseRules } from '../../src/core/phrases/validate';
import { isRecord, mapJsonLines } from './jsonl';

const SEED_DIR = fileURLToPath(new URL('../../seeds/phrases/', import.meta.url));
const TENSIONS = new Set(['calm', 'tense', 'heated']);

export function loadShippedPhraseRules() {
  const files = readdirSync(SEED_DIR).filter((f) => f.endsWith('.json')).sort();
  return loadPhraseRules(files.map((f) => JSON.parse(readFileSync(SEED_DIR + f, 'utf8')) as unknown));
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write('Usage: defuse check [FILE]\nReads JSON Lines {"text", "tension"?} from FILE or stdin; writes one verdict per line.\n');
    return 0;
  }
  const file = args[0];
  if (file && file !== '-' && !existsSync(file)) {
    process.stderr.write(`defuse check: no such file "${file}"\n`);
    return 2;
  }
  const rules = loadShippedPhraseRules();
  const failed = await mapJsonLines(file, (line) => {
    if (!isRecord(line)) throw new Error('expected an object like {"text": "..."}');
    const { text, tension } = line;
    if (typeof text !== 'string') throw new Error('"text" must be a string');
    if (tension !== undefined && (typeof tension !== 'string' || !TENSIONS.has(tension))) {
      throw new Error(`"tension" must be "calm", "tense" or "heated", got ${JSON.stringify(tension)}`);
    }
    const verdict = checkDraft(text, rules, tension ? { tension: tension as Tension } : {});
    const elements = Object.fromEntries(Object.entries(verdict.elements).map(([k, hit]) => [k, hit.present]));
    return { flags: verdict.flags, elements };
  });
  // Bad lines are answered in the output and the run still succeeds (callers pipe the whole stream).
  if (failed > 0) process.stderr.write(`defuse check: ${failed} line(s) could not be checked\n`);
  return 0;
}
