import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runScan } from '../cli/scan';
import { startFakeZendesk, type FakeZendesk, type FakeZendeskOptions } from './fake-zendesk.testing';
import { makeTicket, rng, writeExport } from './generate';
import { csvCell, escapeHtml } from './report';
import { retryAfterSeconds } from './zendesk';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'defuse-scan-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = (): string => {
  const d = join(root, `case${++n}`);
  mkdirSync(d, { recursive: true });
  return d;
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  sleeps: number[];
}
async function scan(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const sleeps: number[] = [];
  const code = await runScan(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { code, stdout, stderr, sleeps };
}

const HEATED = 'This is the third time I am writing. If this is not fixed by Friday I will cancel and my lawyer will be in touch!!!';
const ticket = (id: number, comments: unknown[], extra: Record<string, unknown> = {}) => ({ id, requester_id: 500, brand_id: 7, status: 'open', created_at: '2025-03-05T10:00:00Z', url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`, comments, ...extra });
const c = (author: number, body: string, pub = true) => ({ author_id: author, public: pub, body });

function csv(out: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(join(out, 'tickets.csv'), 'utf8').trim().split('\r\n');
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i]!, v])));
}

describe('reading exports', () => {
  test('incremental export pages: requester and end-users are customers, staff and internal notes are not', async () => {
    const d = dir();
    const page = {
      users: [{ id: 500, role: 'end-user' }, { id: 501, role: 'end-user' }, { id: 9, role: 'agent' }],
      brands: [{ id: 7, name: 'Northwind' }],
      tickets: [
        ticket(1, [c(500, 'Hi, where is my parcel?'), c(9, 'It ships today.'), c(501, HEATED)]), // a CC'd end-user
        ticket(2, [c(500, 'Thanks, all good.'), c(9, HEATED, false)]), // an angry internal note
        ticket(3, [c(500, 'Thanks.'), c(9, HEATED)]), // an angry agent
      ],
      next_page: null,
      end_of_stream: true,
    };
    writeFileSync(join(d, 'export.json'), JSON.stringify(page));
    const out = join(d, 'out');
    const r = await scan([join(d, 'export.json'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(csv(out).map((row) => [row.ticket_id, row.brand, row.level, row.link])).toEqual([
      ['1', 'Northwind', 'heated', 'https://acme.zendesk.com/agent/tickets/1'],
      ['2', 'Northwind', 'calm', 'https://acme.zendesk.com/agent/tickets/2'],
      ['3', 'Northwind', 'calm', 'https://acme.zendesk.com/agent/tickets/3'],
    ]);
    expect(r.stdout).toContain('Scanned 3 tickets: 1 heated, 0 tense, 2 calm');
    expect(r.stdout).toContain('Dry run: would tag 3 ticket(s)');
    expect(r.stdout).toMatch(/#1 {2}\+defuse_heated \+defuse_cue_\w+.* -defuse_tense -defuse_calm/);
  });

  test('JSON Lines and the folder of API responses give the same verdicts as pages', async () => {
    const random = rng(7);
    const tickets = Array.from({ length: 30 }, (_, i) => makeTicket(i + 1, random, 'acme', 4));
    const d = dir();
    writeFileSync(join(d, 'export.json'), JSON.stringify({ tickets }));
    writeFileSync(join(d, 'export.jsonl'), tickets.map((t) => JSON.stringify(t)).join('\n'));
    const api = join(d, 'api');
    mkdirSync(join(api, 'tickets'), { recursive: true });
    mkdirSync(join(api, 'comments'));
    for (const { comments, ...t } of tickets) {
      writeFileSync(join(api, 'tickets', `${t.id}.json`), JSON.stringify({ ticket: t }));
      writeFileSync(join(api, 'comments', `${t.id}.json`), JSON.stringify({ comments, next_page: null }));
    }
    const results = [];
    for (const input of [join(d, 'export.json'), join(d, 'export.jsonl'), api]) {
      const out = join(d, `out-${results.length}`);
      const r = await scan([input, '--out', out]);
      expect(r.stderr).toBe('');
      results.push(readFileSync(join(out, 'tickets.csv'), 'utf8'));
    }
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(results[0]!.trim().split('\r\n')).toHaveLength(31);
  });

  test('malformed tickets: the error names the ticket and the field, and the rest of the run continues', async () => {
    const d = dir();
    const lines = [
      JSON.stringify(ticket(1, [c(500, HEATED)])),
      JSON.stringify({ subject: 'no id', comments: [] }),
      JSON.stringify(ticket(3, [c(500, 'hi'), { author_id: 9, public: true }])),
      '{"id": 4, "comments": [',
      JSON.stringify(ticket(5, 'not a list' as unknown as unknown[])),
      JSON.stringify(ticket(6, [{ author_id: 'x', body: 'hi' }])),
      JSON.stringify(ticket(7, [c(500, 'hi')], { requester_id: undefined })),
      JSON.stringify(ticket(8, [{ author_id: 500, public: 'yes', body: 'hi' }])),
      JSON.stringify({ id: 9, requester_id: 500 }),
      JSON.stringify(ticket(10, [c(500, 'Thanks, all sorted.')])),
    ];
    writeFileSync(join(d, 'export.jsonl'), lines.join('\n'));
    const out = join(d, 'out');
    const r = await scan([join(d, 'export.jsonl'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'defuse scan: ticket at export.jsonl, line 2: field "id" is missing — ticket skipped',
      'defuse scan: ticket 3: field "comments[1].body" is missing — each comment needs "body", "plain_body" or "html_body" as a string — ticket skipped',
      expect.stringMatching(/^defuse scan: export.jsonl, line 4: not valid JSON \(.*\) — line skipped$/),
      'defuse scan: ticket 5: field "comments" must be an array, not the string "not a list" — ticket skipped',
      'defuse scan: ticket 6: field "comments[0].author_id" must be a user id, not the string "x" — ticket skipped',
      'defuse scan: ticket 7: field "requester_id" is missing and the comment authors have no known role — export with the requester or sideload users — ticket skipped',
      'defuse scan: ticket 8: field "comments[0].public" must be true or false, not the string "yes" — ticket skipped',
      expect.stringMatching(/^defuse scan: ticket 9: field "comments" is missing/),
    ]);
    expect(csv(out).map((row) => row.ticket_id)).toEqual(['1', '10']);
    expect(r.stdout).toContain('8 malformed ticket(s) skipped');
  });

  test('broken JSON in a .json export: position named, the report covers the tickets before it', async () => {
    const d = dir();
    writeFileSync(join(d, 'export.json'), `{"tickets":[${JSON.stringify(ticket(1, [c(500, 'hi')]))},{"id":2,,}]}`);
    const out = join(d, 'out');
    const r = await scan([join(d, 'export.json'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^defuse scan: export\.json: not valid JSON \(.*\) at character \d+ — the rest of this file cannot be read\n$/);
    expect(csv(out).map((row) => row.ticket_id)).toEqual(['1']);
    expect(r.stdout).toContain('could not be read to its end');
  });

  test('repeated tickets (the incremental export may list one twice) count once', async () => {
    const d = dir();
    writeFileSync(join(d, 'e.jsonl'), [ticket(1, [c(500, 'hi')]), ticket(1, [c(500, 'hi')])].map((t) => JSON.stringify(t)).join('\n'));
    const r = await scan([join(d, 'e.jsonl'), '--out', join(d, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 repeated ticket entries skipped');
  });

  test('usage errors', async () => {
    expect((await scan([])).code).toBe(2);
    expect((await scan(['--help'])).code).toBe(0);
    expect((await scan(['nope.json'])).stderr).toContain('no such file or folder "nope.json"');
    const d = dir();
    writeFileSync(join(d, 'e.json'), '{}');
    expect((await scan([join(d, 'e.json'), '--prefix', 'Bad Prefix'])).stderr).toContain('--prefix: the tag prefix "Bad Prefix" may only use');
    expect((await scan([join(d, 'e.json'), '--prefix', 'sentiment__'])).stderr).toContain('collide');
    const noEnv = await scan([join(d, 'e.json'), '--apply'], { ZENDESK_SUBDOMAIN: 'acme' });
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toContain('--apply needs ZENDESK_EMAIL, ZENDESK_API_TOKEN');
  });
});

describe('report', () => {
  test('CSV has ids and labels only; HTML escapes everything from the export and loads nothing external', async () => {
    const d = dir();
    const evil = '<script>alert(1)</script>';
    const page = {
      brands: [{ id: 7, name: `Brand ${evil} & "Co"` }],
      tickets: [
        ticket(1, [c(500, `${evil} I want to speak to a manager NOW!!! My lawyer will be in touch.`)], { subject: `Subject ${evil}` }),
        ticket(2, [c(500, 'Thanks <b>so</b> much')], { subject: '=HYPERLINK("http://x")' }),
      ],
    };
    writeFileSync(join(d, 'export.json'), JSON.stringify(page));
    const out = join(d, 'out');
    await scan([join(d, 'export.json'), '--out', out]);
    const csvText = readFileSync(join(out, 'tickets.csv'), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('ticket_id,brand,level,score,reasons,trajectory,after_last_reply,flagged_reply,link');
    for (const word of ['lawyer', 'manager', 'Thanks', 'Subject', 'HYPERLINK']) expect(csvText).not.toContain(word);
    expect(csvText).toContain('"Brand <script>alert(1)</script> & ""Co"""'); // quoted per RFC 4180

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/acme\.zendesk\.com\/agent\/tickets\/)/);
    expect(html).not.toMatch(/url\(|@import|<link|<img/);
    expect(html).toContain('Brand &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('Subject &lt;script&gt;');
    expect(html).toContain('<svg role="img" aria-label="Tension by brand"');
    expect(html).toContain('aria-label="Top reasons"');
    expect(html).toContain('aria-label="Tense and heated tickets by week"');
    expect(html).toMatch(/aria-label="Trajectory after the agent.s replies"/);
    // Flagged tickets first: the heated one is listed, the calm one is not.
    expect(html).toContain('<a href="https://acme.zendesk.com/agent/tickets/1">#1</a>');
    expect(html).not.toContain('tickets/2"');
  });

  test.each<[string, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('csvCell(%j) = %s', (input, expected) => expect(csvCell(input)).toBe(expected));
  test('csvCell keeps negative numbers', () => expect(csvCell(-3)).toBe('-3'));
  test('escapeHtml', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});

describe('--apply against a fake Zendesk', () => {
  let fake: FakeZendesk | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  const env = (): Record<string, string> => ({ ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'qa@example.com', ZENDESK_API_TOKEN: 'test-token', ZENDESK_API_URL: fake!.url });
  async function exportOf(count: number): Promise<{ file: string; out: string }> {
    const d = dir();
    const file = join(d, 'export.json');
    await writeExport(file, count, { perPage: 40, seed: count, comments: 3 });
    return { file, out: join(d, 'out') };
  }
  const plan = (out: string): Array<{ id: number; add: string[]; remove: string[] }> =>
    readFileSync(join(out, 'tag-plan.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: number; add: string[]; remove: string[] });
  async function start(options: FakeZendeskOptions = {}): Promise<FakeZendesk> {
    fake = await startFakeZendesk(options);
    return fake;
  }

  test('tags every open ticket once with qaTags, in batches of 100; closed tickets are left alone', async () => {
    const z = await start();
    const { file, out } = await exportOf(250);
    const r = await scan([file, '--out', out, '--apply'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const entries = plan(out);
    expect(z.log.filter((l) => l.startsWith('PUT'))).toHaveLength(Math.ceil(entries.length / 100));
    expect([...z.updates.values()].every((v) => v === 1)).toBe(true);
    expect(z.updates.size).toBe(entries.length);
    for (const e of entries) expect([...z.tags.get(e.id)!].sort()).toEqual([...e.add].sort());
    const closed = csv(out).length - entries.length;
    expect(closed).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Tagged ${entries.length} ticket(s) (${closed} closed ticket(s) left alone`);
  });

  test('a 429 storm: waits Retry-After each time, then finishes', async () => {
    const z = await start();
    z.faults.push(...Array.from({ length: 12 }, (_, i) => ({ status: 429, headers: { 'retry-after': i % 2 ? '2' : '0.5' } })));
    const { file, out } = await exportOf(60);
    const r = await scan([file, '--out', out, '--apply'], env());
    expect(r.code).toBe(0);
    expect(r.sleeps.filter((ms) => ms === 500 || ms === 2000)).toHaveLength(12);
    expect(r.stderr.match(/rate-limited \(429\): waiting/g)).toHaveLength(12);
    expect(r.stdout).toContain('12 rate-limited');
    expect(z.updates.size).toBe(plan(out).length);
  });

  test('5xx: retried with growing backoff; too many and the run stops with a resumable message', async () => {
    const z = await start();
    z.faults.push({ status: 502 }, { status: 503 }, { status: 500 });
    const { file, out } = await exportOf(30);
    const r = await scan([file, '--out', out, '--apply'], env());
    expect(r.code).toBe(0);
    expect(r.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
    expect(r.stdout).toContain('3 retried');

    const z2 = await startFakeZendesk({ downAfterJobs: 0 });
    try {
      const again = await scan([file, '--out', join(out, 'b'), '--apply'], { ...env(), ZENDESK_API_URL: z2.url });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Zendesk answered 503 6 times');
      expect(again.stderr).toContain('Run the same command again to continue');
      expect(z2.log).toHaveLength(6); // bounded: 1 try + 5 retries
    } finally {
      await z2.close();
    }
    void z;
  });

  test('low remaining quota: slows down until the window resets', async () => {
    let left = 6;
    await start({ remaining: () => Math.max(0, left--) });
    const { file, out } = await exportOf(40);
    const r = await scan([file, '--out', out, '--apply'], env());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/requests left in this rate-limit window: pausing 7 s/);
    expect(r.sleeps).toContain(7000);
  });

  test('an interrupted run resumes from the checkpoint without re-tagging', async () => {
    const { file, out } = await exportOf(250);
    await scan([file, '--out', out]);
    const total = plan(out).length;
    expect(total).toBeGreaterThan(100);
    const first = await start({ downAfterJobs: 1 });
    const r1 = await scan([file, '--out', out, '--apply'], env());
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('tagging stopped');
    expect(first.updates.size).toBe(100);
    await first.close();
    const firstUpdates = new Map(first.updates);

    const second = await start();
    const r2 = await scan([file, '--out', out, '--apply'], env());
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain('Resuming: 100 ticket(s) already tagged');
    expect(r2.stdout).toContain(`Tagged ${total - 100} ticket(s), 100 already done before`);
    for (const id of firstUpdates.keys()) expect(second.updates.has(id)).toBe(false);
    expect(firstUpdates.size + second.updates.size).toBe(total);

    // A third run has nothing left to do and sends nothing.
    const third = await scan([file, '--out', out, '--apply'], env());
    expect(third.stdout).toContain(`Tagged 0 ticket(s), ${total} already done before`);
    expect(second.log.filter((l) => l.startsWith('PUT'))).toHaveLength(Math.ceil((total - 100) / 100));
  });

  test('per-ticket failures in a job are reported and not checkpointed', async () => {
    const d = dir();
    writeFileSync(join(d, 'e.json'), JSON.stringify({ tickets: [ticket(1, [c(500, 'hi')]), ticket(2, [c(500, HEATED)])] }));
    await start({ closed: [2] }); // closed on Zendesk's side since the export was taken
    const out = join(d, 'out');
    const r = await scan([join(d, 'e.json'), '--out', out, '--apply'], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ticket 2: not tagged — TicketUpdateFailed: closed prevents ticket update');
    expect(readFileSync(join(out, 'checkpoint.jsonl'), 'utf8')).toBe('{"done":[1]}\n');
  });

  test('wrong credentials: a clear 401 message', async () => {
    await start({ token: 'other' });
    const { file, out } = await exportOf(5);
    const r = await scan([file, '--out', out, '--apply'], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('401 (check ZENDESK_EMAIL and ZENDESK_API_TOKEN');
  });
});

test.each<[string | null, number | undefined]>([
  ['3', 3],
  ['0.25', 0.25],
  [null, undefined],
  ['soon', undefined],
  ['Thu, 01 Jan 1970 00:00:10 GMT', 10],
])('retryAfterSeconds(%j)', (value, expected) => expect(retryAfterSeconds(value, 0)).toBe(expected));
