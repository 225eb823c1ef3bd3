// `defuse scan EXPORT [--out DIR] [--apply] [--checkpoint FILE] [--prefix P] [--subdomain S]`
// Classifies every ticket of a Zendesk export and writes a QA report; with --apply, tags the tickets.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tagPrefixProblem, DEFAULT_TAG_PREFIX } from '../../src/core/tags';
import { applyTags, Checkpoint } from '../scan/apply';
import { Progress, readPlan, scanExport } from '../scan/scan';
import { ZendeskClient, realSleep } from '../scan/zendesk';
import { loadShippedPhraseRules } from './check';
import { loadSeedRules } from './classify';

export const USAGE = `Usage: defuse scan EXPORT [--out DIR] [--apply] [--checkpoint FILE] [--prefix PREFIX] [--subdomain NAME]

EXPORT is a Zendesk ticket export with comments, one of:
  FILE.json     incremental export pages {"tickets": [...], "users": [...]}, one after another or in an array,
                or tickets (each with "comments") — streamed, any size
  FILE.jsonl    one ticket (or one page) per line, e.g. Zendesk's JSON export
  DIR/          tickets/<id>.json + comments/<id>.json (saved API responses; users.json, brands.json optional),
                or a folder of .json/.jsonl pages read in name order

Writes DIR (default ./defuse-report): tickets.csv (ids and labels only), report.html, tag-plan.jsonl.
Without --apply nothing is sent to Zendesk: the tags it would set are listed (dry run).
--apply tags the tickets (ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN; ZENDESK_API_URL overrides
the base URL). --checkpoint FILE (default DIR/checkpoint.jsonl) records tagged tickets so a rerun resumes.
Exit code 1 when a ticket was malformed or could not be tagged (the rest of the run still completes).
`;

// Built once per process: compiling the seeds costs more than scanning a small export.
let shipped: { rules: ReturnType<typeof loadSeedRules>; phrases: ReturnType<typeof loadShippedPhraseRules> } | undefined;
const shippedRules = () => (shipped ??= { rules: loadSeedRules(), phrases: loadShippedPhraseRules() });

export interface ScanIo {
  stdout: { write: (s: string) => unknown };
  stderr: { write: (s: string) => unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  sleep?: (ms: number) => Promise<void>;
  /** Test knobs for the Zendesk client. */
  backoffMs?: number;
  pollMs?: number;
}

interface Args {
  exportPath?: string;
  out: string;
  apply: boolean;
  checkpoint?: string;
  prefix: string;
  subdomain?: string;
  help: boolean;
}

function parseArgs(args: string[]): Args | string {
  const parsed: Args = { out: 'defuse-report', apply: false, prefix: DEFAULT_TAG_PREFIX, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--help' || a === '-h') parsed.help = true;
      else if (a === '--apply') parsed.apply = true;
      else if (a === '--out') parsed.out = value();
      else if (a === '--checkpoint') parsed.checkpoint = value();
      else if (a === '--prefix') parsed.prefix = value();
      else if (a === '--subdomain') parsed.subdomain = value();
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else if (parsed.exportPath === undefined) parsed.exportPath = a;
      else return `only one EXPORT, got "${parsed.exportPath}" and "${a}"`;
    } catch (err) {
      return (err as Error).message;
    }
  }
  return parsed;
}

export async function runScan(argv: string[], io: ScanIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string' || args.help || !args.exportPath) {
    if (typeof args === 'string') io.stderr.write(`defuse scan: ${args}\n`);
    io.stderr.write(USAGE);
    return typeof args !== 'string' && args.help ? 0 : 2;
  }
  if (!existsSync(args.exportPath)) {
    io.stderr.write(`defuse scan: no such file or folder "${args.exportPath}"\n`);
    return 2;
  }
  const prefixProblem = tagPrefixProblem(args.prefix);
  if (prefixProblem) {
    io.stderr.write(`defuse scan: --prefix: ${prefixProblem}\n`);
    return 2;
  }
  const env = io.env;
  const baseUrl = env.ZENDESK_API_URL || (env.ZENDESK_SUBDOMAIN ? `https://${env.ZENDESK_SUBDOMAIN}.zendesk.com` : undefined);
  if (args.apply) {
    const missing = [baseUrl ? undefined : 'ZENDESK_SUBDOMAIN', env.ZENDESK_EMAIL ? undefined : 'ZENDESK_EMAIL', env.ZENDESK_API_TOKEN ? undefined : 'ZENDESK_API_TOKEN'].filter(Boolean);
    if (missing.length > 0) {
      io.stderr.write(`defuse scan: --apply needs ${missing.join(', ')} in the environment (an agent's email and an API token from Admin Center → Apps and integrations → APIs).\n`);
      return 2;
    }
  }

  const progress = new Progress(io.stderr);
  const summary = await scanExport({
    exportPath: args.exportPath,
    outDir: args.out,
    rules: shippedRules().rules,
    phrases: shippedRules().phrases,
    prefix: args.prefix,
    subdomain: args.subdomain ?? env.ZENDESK_SUBDOMAIN,
    error: (line) => io.stderr.write(`defuse scan: ${line}\n`),
    onTicket: (n) => progress.tick(n),
  });
  progress.done();
  const l = summary.levels;
  io.stdout.write(
    `Scanned ${summary.tickets} tickets: ${l.heated} heated, ${l.tense} tense, ${l.calm} calm, ${l['not-assessed']} not assessed; ${summary.flaggedReplies} with a flagged reply.\n` +
      (summary.malformed ? `${summary.malformed} malformed ticket(s) skipped (see the errors above).\n` : '') +
      (summary.duplicates ? `${summary.duplicates} repeated ticket entries skipped (the first one counts).\n` : '') +
      (summary.truncated ? 'The export could not be read to its end: the report covers the tickets before the error.\n' : '') +
      `Report: ${summary.htmlFile}\nCSV:    ${summary.csvFile}\n`,
  );
  let failed = summary.malformed > 0 || summary.truncated;
  const closedNote = summary.closedSkipped ? ` (${summary.closedSkipped} closed ticket(s) left alone: Zendesk does not allow updating closed tickets)` : '';

  if (!args.apply) {
    io.stdout.write(`Dry run: would tag ${summary.toTag} ticket(s)${closedNote}. Plan: ${summary.planFile}\n`);
    let shown = 0;
    for await (const entry of readPlan(summary.planFile)) {
      if (shown++ >= 10) break;
      io.stdout.write(`  #${entry.id}  ${[...entry.add.map((t) => `+${t}`), ...entry.remove.map((t) => `-${t}`)].join(' ')}\n`);
    }
    if (summary.toTag > 10) io.stdout.write(`  … and ${summary.toTag - 10} more. Run again with --apply to tag them.\n`);
    return failed ? 1 : 0;
  }

  const checkpoint = new Checkpoint(args.checkpoint ?? join(args.out, 'checkpoint.jsonl'));
  const sleep = io.sleep ?? realSleep;
  const client = new ZendeskClient({
    baseUrl: baseUrl!,
    email: env.ZENDESK_EMAIL!,
    token: env.ZENDESK_API_TOKEN!,
    sleep,
    log: (line) => io.stderr.write(`defuse scan: ${line}\n`),
    ...(io.backoffMs === undefined ? {} : { backoffMs: io.backoffMs }),
  });
  const already = checkpoint.done.size;
  if (already > 0) io.stdout.write(`Resuming: ${already} ticket(s) already tagged according to ${checkpoint.file}.\n`);
  const tagProgress = new Progress(io.stderr);
  try {
    const result = await applyTags(readPlan(summary.planFile), client, checkpoint, {
      sleep,
      ...(io.pollMs === undefined ? {} : { pollMs: io.pollMs }),
      log: (line) => io.stderr.write(`defuse scan: ${line}\n`),
      onBatch: (n) => tagProgress.tick(n, 'tickets tagged'),
    });
    tagProgress.done();
    io.stdout.write(`Tagged ${result.updated} ticket(s)${result.skipped ? `, ${result.skipped} already done before` : ''}${closedNote}; ${client.requests} API requests, ${client.rateLimited} rate-limited, ${client.serverRetries} retried.\n`);
    if (result.failed.length > 0) {
      io.stdout.write(`${result.failed.length} ticket(s) could not be tagged (listed above); run again to retry them.\n`);
      failed = true;
    }
  } catch (err) {
    tagProgress.done();
    io.stderr.write(`defuse scan: tagging stopped: ${(err as Error).message}\nRun the same command again to continue: tickets already tagged are recorded in ${checkpoint.file}.\n`);
    return 1;
  }
  return failed ? 1 : 0;
}

export async function run(args: string[]): Promise<number> {
  return runScan(args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
