import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function check(lines: string[], args: string[] = []) {
  const res = spawnSync(process.execPath, ['scripts/defuse.mjs', 'check', ...args], {
    cwd: ROOT,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: res.status, stderr: res.stderr, out: res.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('defuse check', () => {
  test('echoes ids in order, bad lines get an error and the run continues', () => {
    const { code, out, stderr } = check([
      JSON.stringify({ id: 'a', text: 'Please calm down, that is our policy.', tension: 'heated' }),
      'not json',
      JSON.stringify({ id: 7, text: 42 }),
      JSON.stringify({ id: 'd', text: 'Hi', tension: 'furious' }),
      '',
      JSON.stringify({ text: "I'll refund you by Friday and update you. I know how frustrating this is." }),
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('3 line(s)');
    expect(out.map((o) => o.id)).toEqual(['a', undefined, 7, 'd', undefined]);
    expect(out[0]!.flags).toMatchObject([
      { category: 'dismissive', ruleId: 'dismissive.calm-down', text: 'calm down', severity: 'severe' },
      { category: 'policy-wall', ruleId: 'policy-wall.our-policy', text: 'that is our policy', severity: 'severe' },
    ]);
    expect(out[1]!.error).toMatch(/^line 2: not valid JSON/);
    expect(out[2]!.error).toBe('line 3: "text" must be a string');
    expect(out[3]!.error).toMatch(/"tension" must be/);
    expect(out[4]).toEqual({
      flags: [],
      elements: { acknowledgment: true, 'next-step': true, owner: true, 'time-window': true, choice: false, 'follow-up': true },
    });
  });

  test('a missing file is a usage error', () => {
    const { code, stderr } = check([], ['no-such-file.jsonl']);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});
