// Tags tickets in batches of 100 through Update Many Tickets, which queues a background job
// (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-many-tickets), then
// waits for the job. Tickets confirmed updated go into the checkpoint file, so an interrupted run
// picks up where it stopped and never tags a ticket twice.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { isRecord } from '../cli/jsonl';
import type { ZendeskClient } from './zendesk';

export interface TagPlanEntry {
  id: number;
  add: string[];
  remove: string[];
}

export const BATCH_SIZE = 100;

/** Append-only JSON Lines: `{"done": [ids…]}` per confirmed batch. A torn last line is ignored. */
export class Checkpoint {
  readonly done = new Set<number>();

  constructor(readonly file: string) {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as unknown;
        if (isRecord(entry) && Array.isArray(entry.done)) for (const id of entry.done) if (typeof id === 'number') this.done.add(id);
      } catch {
        // a line cut short by a crash: those tickets were not confirmed, so they are tagged again
      }
    }
  }

  record(ids: number[]): void {
    if (ids.length === 0) return;
    appendFileSync(this.file, `${JSON.stringify({ done: ids })}\n`);
    for (const id of ids) this.done.add(id);
  }
}

export interface ApplyOptions {
  batchSize?: number;
  /** Between job-status polls (default 1000 ms); polls are bounded by maxPolls (default 300). */
  pollMs?: number;
  maxPolls?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /** Called after each confirmed batch (progress). */
  onBatch?: (done: number) => void;
}

export interface ApplyResult {
  updated: number;
  skipped: number;
  failed: Array<{ id: number; error: string }>;
}

export async function applyTags(plan: AsyncIterable<TagPlanEntry> | Iterable<TagPlanEntry>, client: ZendeskClient, checkpoint: Checkpoint, options: ApplyOptions = {}): Promise<ApplyResult> {
  const size = options.batchSize ?? BATCH_SIZE;
  const result: ApplyResult = { updated: 0, skipped: 0, failed: [] };
  let batch: TagPlanEntry[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const outcome = await runBatch(sent, client, options);
    checkpoint.record(outcome.updated);
    result.updated += outcome.updated.length;
    result.failed.push(...outcome.failed);
    for (const f of outcome.failed) options.log?.(`ticket ${f.id}: not tagged — ${f.error}`);
    options.onBatch?.(result.updated);
  };
  for await (const entry of plan) {
    if (checkpoint.done.has(entry.id)) {
      result.skipped++;
      continue;
    }
    batch.push(entry);
    if (batch.length >= size) await flush();
  }
  await flush();
  return result;
}

async function runBatch(batch: TagPlanEntry[], client: ZendeskClient, options: ApplyOptions): Promise<{ updated: number[]; failed: Array<{ id: number; error: string }> }> {
  const body = { tickets: batch.map((e) => ({ id: e.id, additional_tags: e.add, remove_tags: e.remove })) };
  const queued = await client.request('PUT', '/api/v2/tickets/update_many.json', body);
  let job = jobOf(queued);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxPolls = options.maxPolls ?? 300;
  for (let polls = 0; job.status !== 'completed' && job.status !== 'failed' && job.status !== 'killed'; polls++) {
    if (polls >= maxPolls) throw new Error(`job ${job.id} for tickets ${batch[0]!.id}…${batch[batch.length - 1]!.id} did not finish after ${maxPolls} polls — run again later; the checkpoint keeps finished batches`);
    await sleep(options.pollMs ?? 1000);
    job = jobOf(await client.request('GET', `/api/v2/job_statuses/${encodeURIComponent(job.id)}.json`));
  }
  const byId = new Map<number, Record<string, unknown>>();
  for (const r of job.results) if (isRecord(r) && typeof r.id === 'number') byId.set(r.id, r);
  const updated: number[] = [];
  const failed: Array<{ id: number; error: string }> = [];
  for (const e of batch) {
    const r = byId.get(e.id);
    if (r && r.success !== false && !('error' in r)) updated.push(e.id);
    else failed.push({ id: e.id, error: r ? `${String(r.error ?? 'failed')}${r.details ? `: ${String(r.details)}` : ''}` : `job ${job.status} without a result for this ticket${job.message ? ` (${job.message})` : ''}` });
  }
  return { updated, failed };
}

function jobOf(response: unknown): { id: string; status: string; results: unknown[]; message?: string } {
  const job = isRecord(response) && isRecord(response.job_status) ? response.job_status : undefined;
  if (!job || typeof job.id !== 'string' || typeof job.status !== 'string') throw new Error(`unexpected answer from Zendesk (no job_status): ${JSON.stringify(response).slice(0, 200)}`);
  return { id: job.id, status: job.status, results: Array.isArray(job.results) ? job.results : [], ...(typeof job.message === 'string' ? { message: job.message } : {}) };
}
