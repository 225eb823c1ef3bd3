// A local stand-in for the Zendesk API, on 127.0.0.1 and a free port, answering the two endpoints
// `defuse scan --apply` uses the way Zendesk does: Update Many Tickets queues a job, Show Job Status
// reports it (queued → working → completed with per-ticket results). Faults are scripted: a queue of
// 429/5xx answers, "down after N jobs", low remaining-quota headers. Used only by tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  status: number;
  headers?: Record<string, string>;
}

export interface FakeZendeskOptions {
  email?: string;
  token?: string;
  /** Tickets Zendesk refuses to update (closed): the job reports an error for them. */
  closed?: number[];
  /** After this many completed jobs every request gets 503, as if Zendesk went away. */
  downAfterJobs?: number;
  /** Value of ratelimit-remaining / x-rate-limit-remaining on successful answers (default 650). */
  remaining?: () => number;
  /** Refuse to serve more than this many requests (a runaway client loop fails the test fast). */
  maxRequests?: number;
}

export interface FakeZendesk {
  url: string;
  /** Scripted answers, served first, one per request. */
  faults: Fault[];
  /** Every request as "METHOD path". */
  log: string[];
  /** Ticket id → how many times an update reached it. */
  updates: Map<number, number>;
  /** Ticket id → its current tags. */
  tags: Map<number, Set<string>>;
  close(): Promise<void>;
}

interface Job {
  id: string;
  polls: number;
  tickets: Array<{ id: number; additional_tags?: string[]; remove_tags?: string[] }>;
  results?: unknown[];
}

export async function startFakeZendesk(options: FakeZendeskOptions = {}): Promise<FakeZendesk> {
  const email = options.email ?? 'qa@example.com';
  const token = options.token ?? 'test-token';
  const expectedAuth = `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
  const closed = new Set(options.closed ?? []);
  const jobs = new Map<string, Job>();
  let completed = 0;
  let nextJob = 1;
  const maxRequests = options.maxRequests ?? 1000;
  const fake: FakeZendesk = { url: '', faults: [], log: [], updates: new Map(), tags: new Map(), close: async () => undefined };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const remaining = String(options.remaining?.() ?? 650);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-rate-limit': '700', 'x-rate-limit-remaining': remaining, 'ratelimit-limit': '700', 'ratelimit-remaining': remaining, 'ratelimit-reset': '7', ...headers });
    res.end(JSON.stringify(body));
  };

  const finish = (job: Job): unknown[] => {
    completed++;
    return job.tickets.map((t) => {
      if (closed.has(t.id)) return { id: t.id, index: 0, error: 'TicketUpdateFailed', details: 'closed prevents ticket update', success: false };
      fake.updates.set(t.id, (fake.updates.get(t.id) ?? 0) + 1);
      const tags = fake.tags.get(t.id) ?? new Set<string>();
      for (const tag of t.remove_tags ?? []) tags.delete(tag);
      for (const tag of t.additional_tags ?? []) tags.add(tag);
      fake.tags.set(t.id, tags);
      return { id: t.id, action: 'update', success: true, status: 'Updated' };
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '').split('?')[0]!;
    fake.log.push(`${req.method} ${path}`);
    if (fake.log.length > maxRequests) return send(res, 503, { error: 'fake Zendesk: too many requests in one test' });
    const fault = fake.faults.shift();
    if (fault) return send(res, fault.status, { error: fault.status === 429 ? 'APIRateLimitExceeded' : 'InternalError' }, fault.headers);
    if (options.downAfterJobs !== undefined && completed >= options.downAfterJobs) return send(res, 503, { error: 'ServiceUnavailable' });
    if (req.headers.authorization !== expectedAuth) return send(res, 401, { error: "Couldn't authenticate you" });

    if (req.method === 'PUT' && path === '/api/v2/tickets/update_many.json') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tickets?: Job['tickets'] };
      if (!Array.isArray(body.tickets) || body.tickets.length === 0 || body.tickets.length > 100) return send(res, 400, { error: 'RecordInvalid', description: 'tickets: 1 to 100' });
      const job: Job = { id: `job${nextJob++}`, polls: 0, tickets: body.tickets };
      jobs.set(job.id, job);
      return send(res, 200, { job_status: { id: job.id, url: `${fake.url}/api/v2/job_statuses/${job.id}.json`, status: 'queued', total: job.tickets.length, progress: null, results: null } });
    }
    const m = /^\/api\/v2\/job_statuses\/([\w-]+)\.json$/.exec(path);
    if (req.method === 'GET' && m) {
      const job = jobs.get(m[1]!);
      if (!job) return send(res, 404, { error: 'RecordNotFound' });
      job.polls++;
      if (job.polls < 2) return send(res, 200, { job_status: { id: job.id, status: 'working', total: job.tickets.length, progress: 0, results: null } });
      job.results ??= finish(job);
      return send(res, 200, { job_status: { id: job.id, status: 'completed', total: job.tickets.length, progress: job.tickets.length, results: job.results } });
    }
    return send(res, 404, { error: 'InvalidEndpoint' });
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => send(res, 500, { error: 'fake crashed' })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return fake;
}
