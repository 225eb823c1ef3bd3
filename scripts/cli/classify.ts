// `defuse classify [FILE]`: JSON Lines of messages ({"text"}) or threads ({"messages": [...]}) in,
// one tension verdict per line out, in order, `id` echoed (contract in issue 3).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyMessage, classifyThread, type TensionRules, type ThreadMessage } from '../../src/core/tension/index';
import { loadTensionRules } from '../../src/core/tension/validate';
import { isRecord, mapJsonLines } from './jsonl';

export const TENSION_SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../seeds/tension');

/** Every seeds/tension/*.json file, parsed as JSON, in file-name order. */
export function readTensionSeeds(dir = TENSION_SEEDS_DIR): Array<{ file: string; seed: unknown }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, seed: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
}

export function loadSeedRules(dir = TENSION_SEEDS_DIR, thresholds?: { tense?: number; heated?: number }): TensionRules {
  return loadTensionRules(
    readTensionSeeds(dir).map((s) => s.seed),
    thresholds ? { thresholds } : {},
  );
}

export function classifyLine(line: unknown, rules: TensionRules): object {
  if (!isRecord(line)) throw new Error('expected a JSON object with "text" or "messages"');
  if (typeof line.text === 'string') return classifyMessage(line.text, rules);
  if (Array.isArray(line.messages)) return classifyThread(line.messages.map(toThreadMessage), rules);
  throw new Error('expected "text" (a string) or "messages" (an array)');
}

function toThreadMessage(m: unknown, i: number): ThreadMessage {
  if (!isRecord(m) || typeof m.text !== 'string') throw new Error(`messages[${i}]: expected {"author", "text"}`);
  if (m.author !== 'customer' && m.author !== 'agent') throw new Error(`messages[${i}].author: expected "customer" or "agent"`);
  return { author: m.author, text: m.text, internal: m.internal === true, html: m.html === true };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length > 1) {
    process.stderr.write('Usage: defuse classify [FILE]   (reads stdin when FILE is missing or "-")\n');
    return args.includes('--help') ? 0 : 2;
  }
  const rules = loadSeedRules();
  const failed = await mapJsonLines(args[0], (line) => classifyLine(line, rules));
  return failed > 0 ? 1 : 0;
}
