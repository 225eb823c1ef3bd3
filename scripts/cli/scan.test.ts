import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('`defuse scan` is registered and writes the report (dry run by default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-cli-scan-'));
  try {
    const ticket = { id: 42, requester_id: 1, url: 'https://acme.zendesk.com/api/v2/tickets/42.json', comments: [{ author_id: 1, public: true, body: 'My lawyer will be in touch. I will cancel!!!' }] };
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify(ticket)}\n`);
    const res = spawnSync(process.execPath, ['scripts/defuse.mjs', 'scan', join(dir, 'export.jsonl'), '--out', join(dir, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ZENDESK_API_TOKEN: '' } });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Scanned 1 tickets: 1 heated');
    expect(res.stdout).toMatch(/Dry run: would tag 1 ticket\(s\)\. Plan: .*tag-plan\.jsonl\n {2}#42 {2}\+defuse_heated \+defuse_cue_legal_threat/);
    expect(readFileSync(join(dir, 'out', 'tickets.csv'), 'utf8')).toContain('42,—,heated,');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
