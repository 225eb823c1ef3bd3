// `defuse scan`: export in, QA report out, optionally tags applied. The export is streamed: one ticket
// is in memory at a time, plus the small tallies the HTML charts need.
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { PhraseRules } from '../../src/core/phrases';
import { qaTags } from '../../src/core/tags';
import type { TensionRules } from '../../src/core/tension/index';
import type { TagPlanEntry } from './apply';
import { readExport } from './export';
import { CSV_HEADER, ReportTally, csvRow, renderHtml } from './report';
import { TicketError, judgeTicket, learnBrand, learnUser, readTicket, type ExportContext, type TicketVerdict } from './ticket';

export interface ScanOptions {
  exportPath: string;
  outDir: string;
  rules: TensionRules;
  /** Draft-check rules for `flagged_reply`; leave out to skip that check. */
  phrases?: PhraseRules;
  prefix: string;
  subdomain?: string;
  /** Error lines (malformed tickets) go here. */
  error: (line: string) => void;
  /** Called after every ticket (progress, benchmarks). */
  onTicket?: (count: number) => void;
  now?: () => Date;
}

export interface ScanSummary {
  tickets: number;
  malformed: number;
  duplicates: number;
  /** The export could not be read to its end (broken JSON): the report covers what came before. */
  truncated: boolean;
  levels: ReportTally['levels'];
  flaggedReplies: number;
  toTag: number;
  closedSkipped: number;
  csvFile: string;
  htmlFile: string;
  planFile: string;
}

export const OUTPUT_FILES = { csv: 'tickets.csv', html: 'report.html', plan: 'tag-plan.jsonl' };

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
}

async function close(stream: Writable): Promise<void> {
  await new Promise<void>((res, rej) => stream.end((err?: Error | null) => (err ? rej(err) : res())));
}

export async function scanExport(o: ScanOptions): Promise<ScanSummary> {
  mkdirSync(o.outDir, { recursive: true });
  const csvFile = resolve(o.outDir, OUTPUT_FILES.csv);
  const htmlFile = resolve(o.outDir, OUTPUT_FILES.html);
  const planFile = resolve(o.outDir, OUTPUT_FILES.plan);
  const csv = createWriteStream(csvFile);
  const plan = createWriteStream(planFile);
  await write(csv, `${CSV_HEADER.join(',')}\r\n`);

  const ctx: ExportContext = { roles: new Map(), brands: new Map() };
  const tally = new ReportTally(o.subdomain);
  // Ids only (a few bytes each): the incremental export can list a ticket more than once.
  const seen = new Set<number>();
  let truncated = false;
  let toTag = 0;
  let closedSkipped = 0;
  let rulesVersion = o.rules.rulesVersion;

  for await (const item of readExport(o.exportPath)) {
    if (item.kind === 'user') learnUser(item.raw, ctx);
    else if (item.kind === 'brand') learnBrand(item.raw, ctx);
    else if (item.kind === 'problem') {
      o.error(item.message);
      if (item.fatal) truncated = true;
      else tally.malformed++;
    } else {
      let judged: TicketVerdict;
      try {
        const ticket = readTicket(item.raw, item.where, ctx);
        if (seen.has(ticket.id)) {
          tally.duplicates++;
          continue;
        }
        seen.add(ticket.id);
        judged = judgeTicket(ticket, o.rules, o.phrases);
      } catch (err) {
        if (!(err instanceof TicketError)) throw err;
        tally.malformed++;
        o.error(`${err.message} — ticket skipped`);
        continue;
      }
      rulesVersion = judged.verdict.rulesVersion;
      tally.add(judged);
      await write(csv, csvRow(judged, o.subdomain));
      if (judged.ticket.status === 'closed') closedSkipped++; // Zendesk does not let anyone update closed tickets
      else {
        const tags = qaTags({ prefix: o.prefix, level: judged.verdict.level, reasons: judged.verdict.reasons.map((r) => r.id), flaggedReply: judged.flaggedReply, frameworkId: null, falseFlag: false });
        const entry: TagPlanEntry = { id: judged.ticket.id, ...tags };
        await write(plan, `${JSON.stringify(entry)}\n`);
        toTag++;
      }
      o.onTicket?.(tally.tickets);
    }
  }
  await close(csv);
  await close(plan);
  const generatedAt = (o.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  writeFileSync(htmlFile, renderHtml(tally, { source: o.exportPath, generatedAt, rulesVersion }));
  return {
    tickets: tally.tickets,
    malformed: tally.malformed,
    duplicates: tally.duplicates,
    truncated,
    levels: tally.levels,
    flaggedReplies: tally.flaggedReplies,
    toTag,
    closedSkipped,
    csvFile,
    htmlFile,
    planFile,
  };
}

/** Streams the tag plan back (ids and tags only). */
export async function* readPlan(file: string): AsyncGenerator<TagPlanEntry> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() !== '') yield JSON.parse(line) as TagPlanEntry;
  }
}

/** Scanned-so-far on stderr: a self-rewriting line on a terminal, a line every 10 s in a log. */
export class Progress {
  private last = 0;
  private readonly started: number;
  constructor(
    private readonly out: { write: (s: string) => unknown; isTTY?: boolean },
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
    this.last = this.started;
  }

  tick(count: number, what = 'tickets scanned'): void {
    const now = this.clock();
    const every = this.out.isTTY ? 200 : 10_000;
    if (now - this.last < every) return;
    this.last = now;
    const rate = count / Math.max(0.001, (now - this.started) / 1000);
    const line = `${count} ${what} (${Math.round(rate)}/s)`;
    this.out.write(this.out.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
  }

  done(): void {
    if (this.out.isTTY && this.last !== this.started) this.out.write('\r\x1b[K');
  }
}


