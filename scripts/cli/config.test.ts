import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
function check(settings: unknown) {
  const file = join(mkdtempSync(join(tmpdir(), 'defuse-config-')), 'settings.json');
  writeFileSync(file, typeof settings === 'string' ? settings : JSON.stringify(settings));
  const r = spawnSync(process.execPath, ['scripts/defuse.mjs', 'config', 'check', file], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('defuse config check', () => {
  test('good settings pass', () => {
    const r = check({ draft_gate: 'block', tag_prefix: 'qa_', tension_thresholds: '{"tense": 30, "heated": 60}', frameworks_policy: '{"brands": {"Acme": {"allowed": ["options", "follow-up"], "default": "options"}}}' });
    expect(r).toEqual({ code: 0, out: 'No problems in 4 setting(s).\n', err: '' });
  });

  test('every problem is printed with its path, and the exit code says so', () => {
    const r = check({
      draft_gate: 'blok',
      phrase_rules: '{"add": [{"phrase": "per policy", "category": "polcy-wall"}], "disable": ["dismissive.calm-dwn"]}',
      frameworks_policy: '{"brands": {"Acme": {"allowed": ["optons"]}}}',
      custom_frameworks: '[{"id": "Bad Id"}]',
    });
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('draft_gate: must be one of off, warn, block (got "blok") — did you mean "block"?; using "warn"');
    expect(lines).toContain('phrase_rules.disable[0]: unknown rule "dismissive.calm-dwn" — did you mean "dismissive.calm-down"?');
    expect(lines.some((l) => l.startsWith('phrase_rules.add[0].category: '))).toBe(true);
    expect(lines).toContain('frameworks_policy.brands.Acme.allowed[0]: unknown framework "optons" — did you mean "options"?');
    expect(lines.some((l) => l.startsWith('custom_frameworks[0]'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ problem\(s\); the app would use defaults for those parts\.$/);
  });

  test('a file that is not a settings object is refused clearly', () => {
    expect(check('[1, 2]')).toMatchObject({ code: 2, err: expect.stringContaining('must hold a JSON object of settings') });
    expect(check('{oops')).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
  });
});
