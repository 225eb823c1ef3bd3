// Ticket-style examples with the expected level and reason ids, asserted exactly. Changing golden.jsonl
// is a deliberate commit: say in it which rule change moved which example.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyMessage, classifyThread, type ThreadMessage } from './index';
import { seedRules } from './test-seeds';

interface Golden {
  text?: string;
  messages?: ThreadMessage[];
  expect: { level: string; reasons: string[] };
}

const rules = seedRules();
const golden = readFileSync(join(__dirname, 'golden.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Golden);

describe('golden ticket examples', () => {
  test.each(golden.map((g) => [(g.text ?? g.messages!.map((m) => m.text).join(' | ')).slice(0, 70), g] as const))('%s', (_name, g) => {
    const v = g.text !== undefined ? classifyMessage(g.text, rules) : classifyThread(g.messages!, rules);
    expect({ level: v.level, reasons: v.reasons.map((r) => r.id) }).toEqual(g.expect);
  });
});
