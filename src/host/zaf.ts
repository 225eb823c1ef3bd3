// The only code that talks to Zendesk's ZAF client. Everything it returns is a HostResult: the SDK's
// quirks (errors that resolve instead of rejecting, timeouts that resolve as objects) end here.
import { fail, ok, type Host, type HostContext, type HostMetadata, type HostResult, type SaveDecision } from './host';
import { ACTIONS, EVENTS } from './paths';
import { readContext, readSettingsPayload } from './payloads';

/** The subset of the ZAF client we use (no types are published for it). */
export interface ZafClient {
  get(paths: string | string[]): Promise<unknown>;
  set(path: string, value: unknown): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (...args: unknown[]) => unknown): void;
  off(event: string, handler: (...args: unknown[]) => unknown): void;
  metadata(): Promise<unknown>;
  context(): Promise<unknown>;
}

declare global {
  interface Window {
    ZAFClient?: { init(callback?: (context: unknown) => void): ZafClient | false };
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Creates the host from the page's ZAF SDK, or says why it cannot. */
export function connectZaf(win: Window = window, timeoutMs = DEFAULT_TIMEOUT_MS): HostResult<Host> {
  if (!win.ZAFClient) return fail('unavailable', 'ZAFClient', 'The Zendesk Apps SDK did not load.');
  const client = win.ZAFClient.init();
  if (!client) return fail('unavailable', 'ZAFClient', 'Defuse runs inside a Zendesk ticket; this page was opened without one.');
  return ok(new ZafHost(client, timeoutMs));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messageOf(error: unknown): string {
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return typeof error === 'string' ? error : 'unknown host error';
}

/** The SDK resolves (not rejects) with error-shaped objects on timeouts and nameless host errors. */
function resolvedError(value: unknown): string | null {
  if (!isRecord(value)) return null;
  if (value.name === 'TimeoutError') return 'timeout';
  if (!('errors' in value) && typeof value.message === 'string' && Object.keys(value).length <= 3) return value.message;
  return null;
}

export class ZafHost implements Host {
  constructor(
    private readonly client: ZafClient,
    private readonly timeoutMs: number,
  ) {}

  private call<T>(path: string, run: () => Promise<unknown>, accept: (value: unknown) => HostResult<T>): Promise<HostResult<T>> {
    return new Promise<HostResult<T>>((resolve) => {
      const timer = setTimeout(() => resolve(fail('timeout', path, `Zendesk did not answer within ${this.timeoutMs / 1000} s.`)), this.timeoutMs);
      run().then(
        (value) => {
          clearTimeout(timer);
          const problem = resolvedError(value);
          if (problem === 'timeout') resolve(fail('timeout', path, 'Zendesk did not answer in time.'));
          else if (problem !== null) resolve(fail('host', path, problem));
          else resolve(accept(value));
        },
        (error: unknown) => {
          clearTimeout(timer);
          resolve(fail('host', path, messageOf(error)));
        },
      );
    });
  }

  async get(paths: readonly string[]): Promise<Record<string, HostResult<unknown>>> {
    const key = paths.join(',');
    const whole = await this.call(key, () => this.client.get([...paths]), (value) => ok(value));
    const out: Record<string, HostResult<unknown>> = {};
    for (const path of paths) {
      if (!whole.ok) {
        out[path] = { ok: false, error: { ...whole.error, path } };
        continue;
      }
      const result = isRecord(whole.value) ? whole.value : {};
      const errors = isRecord(result.errors) ? result.errors : {};
      if (path in errors) out[path] = fail('host', path, messageOf(errors[path]));
      else if (path in result) out[path] = ok(result[path]);
      else out[path] = fail('host', path, 'Zendesk returned no value.');
    }
    return out;
  }

  set(path: string, value: unknown): Promise<HostResult<unknown>> {
    return this.call(path, () => this.client.set(path, value), (answer) => ok(answer));
  }

  invoke(action: string, ...args: unknown[]): Promise<HostResult<unknown>> {
    return this.call(action, () => this.client.invoke(action, ...args), (answer) => ok(answer));
  }

  on(event: string, handler: (data: unknown) => void): () => void {
    const listener = (data: unknown): void => handler(data);
    this.client.on(event, listener);
    return () => this.client.off(event, listener);
  }

  onSave(hook: () => SaveDecision | Promise<SaveDecision>): () => void {
    // ZAF blocks a save on a rejected promise; the rejection value is the message the agent sees.
    // A failing or slow hook must never stop an agent from sending, so those allow the save.
    const listener = async (): Promise<unknown> => {
      let decision: SaveDecision;
      try {
        decision = await Promise.race([
          Promise.resolve().then(hook),
          new Promise<SaveDecision>((resolve) => setTimeout(() => resolve({ allow: true }), this.timeoutMs)),
        ]);
      } catch {
        return true;
      }
      return decision.allow ? true : Promise.reject(decision.message);
    };
    this.client.on(EVENTS.save, listener);
    return () => this.client.off(EVENTS.save, listener);
  }

  metadata(): Promise<HostResult<HostMetadata>> {
    return this.call('metadata', () => this.client.metadata(), (value) => {
      const read = readSettingsPayload(value);
      return read.ok ? ok({ settings: read.value }) : fail('invalid', 'metadata', `${read.where}: ${read.why}`);
    });
  }

  context(): Promise<HostResult<HostContext>> {
    return this.call('context', () => this.client.context(), (value) => {
      const read = readContext(value);
      return read.ok ? ok(read.value) : fail('invalid', 'context', `${read.where}: ${read.why}`);
    });
  }

  resize(height: number): void {
    void this.invoke(ACTIONS.resize, { width: '100%', height: `${Math.ceil(height)}px` });
  }
}
