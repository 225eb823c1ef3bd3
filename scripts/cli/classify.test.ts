import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');

function classify(input: string): { status: number | null; lines: Array<Record<string, unknown>> } {
  const r = spawnSync(process.execPath, ['scripts/defuse.mjs', 'classify'], { cwd: ROOT, input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('defuse classify', () => {
  test('one verdict per line, in order, ids echoed, bad lines get an error and the run goes on', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'My lawyer will be in touch.' }),
      'not json',
      JSON.stringify({ id: 7, text: 'Hi, could you help me update my billing address? Thanks!' }),
      JSON.stringify({ id: 'bad', text: 42 }),
      '',
      JSON.stringify({
        id: 't',
        messages: [
          { author: 'customer', text: 'Where is my order?' },
          { author: 'agent', text: 'On its way.' },
          { author: 'customer', text: 'This is the third time I ask. Useless!!!' },
        ],
      }),
    ].join('\n');
    const { status, lines } = classify(`${input}\n`);
    expect(status).toBe(1); // some lines failed
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', level: 'heated', language: 'en' });
    expect((lines[0]!.reasons as Array<{ id: string }>)[0]!.id).toBe('legal-threat');
    expect(lines[1]).toEqual({ error: expect.stringContaining('line 2: not valid JSON') });
    expect(lines[2]).toMatchObject({ id: 7, level: 'calm' });
    expect(lines[3]).toMatchObject({ id: 'bad', error: expect.stringContaining('"text"') });
    expect(lines[4]).toMatchObject({ id: 't', trajectory: 'rising', afterLastReply: 'hotter', messageIndexes: [0, 2] });
    expect(lines[4]!.messages).toHaveLength(2);
    for (const l of [lines[0]!, lines[2]!, lines[4]!]) expect(l.rulesVersion).toEqual(expect.any(String));
  }, 30_000);
});
