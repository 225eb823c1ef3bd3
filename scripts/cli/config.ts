// `defuse config check FILE`: validates app settings before an admin pastes them into Zendesk.
// FILE holds the settings object as Zendesk hands it to the app (metadata.settings: parameter name →
// value, JSON parameters as strings). Prints every problem with its path; exits 1 when any is found.
import { readFileSync } from 'node:fs';
import { loadFrameworks } from '../../src/core/frameworks/validate';
import { buildFrameworks, buildPhraseRules, readSettings } from '../../src/state/settings-check';
import { readSeeds } from '../seeds';
import { isRecord } from './jsonl';

const USAGE = 'Usage: defuse config check FILE\n  FILE: JSON object of the app settings (parameter name → value), as Zendesk hands them to the app.\n';

export function checkSettings(raw: Record<string, unknown>): { path: string; message: string }[] {
  const read = readSettings(raw);
  const phrases = buildPhraseRules(readSeeds('phrases'), read.settings.phraseRules);
  const frameworks = buildFrameworks(loadFrameworks(readSeeds('frameworks')), read.settings);
  return [...read.problems, ...phrases.problems, ...frameworks.problems];
}

export async function run(args: string[]): Promise<number> {
  const [sub, file, ...extra] = args;
  if (sub !== 'check' || !file || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`defuse config check: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  if (!isRecord(parsed)) {
    process.stderr.write(`defuse config check: ${file} must hold a JSON object of settings, e.g. {"draft_gate": "warn"}\n`);
    return 2;
  }
  const problems = checkSettings(parsed);
  for (const p of problems) process.stdout.write(`${p.path}: ${p.message}\n`);
  process.stdout.write(problems.length === 0 ? `No problems in ${Object.keys(parsed).length} setting(s).\n` : `${problems.length} problem(s); the app would use defaults for those parts.\n`);
  return problems.length === 0 ? 0 : 1;
}
