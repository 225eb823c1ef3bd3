// A small Zendesk REST client for tagging: API-token auth, and the rate-limit manners Zendesk asks for
// (https://developer.zendesk.com/api-reference/introduction/rate-limits/): wait Retry-After on 429, slow
// down when X-Rate-Limit-Remaining / ratelimit-remaining runs low, back off and retry on 5xx. Every
// loop is bounded; sleep and fetch are injectable so tests run in milliseconds.

export interface ZendeskOptions {
  /** https://<subdomain>.zendesk.com, or ZENDESK_API_URL for tests. */
  baseUrl: string;
  email: string;
  token: string;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** One line per notable event (rate-limited, retrying). */
  log?: (line: string) => void;
  /** Retries for a 5xx or a network error before giving up (default 5: 1 s, 2 s, 4 s, 8 s, 16 s). */
  maxServerRetries?: number;
  backoffMs?: number;
  /** 429s in a row before giving up (default 30). */
  maxRateLimited?: number;
  /** Longest Retry-After honoured, in seconds (default 300). */
  maxRetryAfterSec?: number;
  /** Pause when this few requests remain in the window (default 5). */
  lowWater?: number;
}

export class ZendeskError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class ZendeskClient {
  private readonly auth: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;
  requests = 0;
  rateLimited = 0;
  slowdowns = 0;
  serverRetries = 0;

  constructor(private readonly options: ZendeskOptions) {
    this.auth = `Basic ${Buffer.from(`${options.email}/token:${options.token}`).toString('base64')}`;
    this.sleep = options.sleep ?? realSleep;
    this.fetch = options.fetch ?? fetch;
  }

  async request(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const o = this.options;
    const maxServer = o.maxServerRetries ?? 5;
    const maxLimited = o.maxRateLimited ?? 30;
    let serverFailures = 0;
    let limited = 0;
    const url = o.baseUrl.replace(/\/+$/, '') + path;
    for (;;) {
      this.requests++;
      let res: Response;
      try {
        res = await this.fetch(url, {
          method,
          headers: { authorization: this.auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (err) {
        if (++serverFailures > maxServer) throw new ZendeskError(`${method} ${path}: network error after ${maxServer} retries (${(err as Error).message})`, 0);
        await this.backoff(serverFailures, `${method} ${path}: network error (${(err as Error).message})`);
        continue;
      }
      if (res.status === 429) {
        await res.arrayBuffer();
        this.rateLimited++;
        if (++limited > maxLimited) throw new ZendeskError(`${method} ${path}: still rate-limited (429) after ${maxLimited} waits — try again later or lower the load on the account`, 429);
        const wait = Math.min(retryAfterSeconds(res.headers.get('retry-after')) ?? 60, o.maxRetryAfterSec ?? 300);
        o.log?.(`rate-limited (429): waiting ${wait} s as Zendesk asks`);
        await this.sleep(wait * 1000);
        continue;
      }
      if (res.status >= 500) {
        await res.arrayBuffer();
        if (++serverFailures > maxServer) throw new ZendeskError(`${method} ${path}: Zendesk answered ${res.status} ${maxServer + 1} times — try again later`, res.status);
        await this.backoff(serverFailures, `${method} ${path}: ${res.status}`);
        continue;
      }
      const text = await res.text();
      if (!res.ok) throw new ZendeskError(`${method} ${path}: ${res.status} ${explain(res.status)}${text ? ` — ${text.slice(0, 300)}` : ''}`, res.status);
      await this.pace(res.headers);
      return text === '' ? {} : (JSON.parse(text) as unknown);
    }
  }

  private async backoff(attempt: number, what: string): Promise<void> {
    const ms = (this.options.backoffMs ?? 1000) * 2 ** (attempt - 1);
    this.serverRetries++;
    this.options.log?.(`${what}; retry ${attempt} in ${ms} ms`);
    await this.sleep(ms);
  }

  /** Few requests left in this minute: wait for the window to reset instead of earning a 429. */
  private async pace(headers: Headers): Promise<void> {
    const remaining = numberHeader(headers, 'ratelimit-remaining') ?? numberHeader(headers, 'x-rate-limit-remaining');
    if (remaining === undefined || remaining > (this.options.lowWater ?? 5)) return;
    const reset = numberHeader(headers, 'ratelimit-reset');
    const wait = Math.min(reset ?? 10, 60);
    this.slowdowns++;
    this.options.log?.(`${remaining} requests left in this rate-limit window: pausing ${wait} s`);
    await this.sleep(wait * 1000);
  }
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const v = headers.get(name);
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Retry-After is seconds (possibly fractional) or an HTTP date. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  if (value.trim() !== '' && Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

function explain(status: number): string {
  if (status === 401) return '(check ZENDESK_EMAIL and ZENDESK_API_TOKEN, and that token access is on in Admin Center → Apps and integrations → APIs)';
  if (status === 403) return '(the user needs to be an agent who may edit these tickets)';
  if (status === 404) return '(check ZENDESK_SUBDOMAIN)';
  return '';
}
