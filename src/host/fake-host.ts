// In-memory host for unit and component tests: answers from a plain object, records every call,
// and lets a test emit events, fail paths or hold answers back (to show loading and timeout states).
import { fail, ok, type Host, type HostContext, type HostResult, type SaveDecision } from './host';

export interface FakeCall {
  op: 'get' | 'set' | 'invoke';
  name: string;
  args: unknown[];
}

export class FakeHost implements Host {
  readonly calls: FakeCall[] = [];
  readonly heights: number[] = [];
  private readonly handlers = new Map<string, Set<(data: unknown) => void>>();
  private readonly saveHooks = new Set<() => SaveDecision | Promise<SaveDecision>>();
  /** Paths that answer with this error instead of a value. */
  readonly failures = new Map<string, HostResult<never>>();
  /** While set, every get waits for this promise first. */
  gate: Promise<void> | null = null;

  constructor(
    public values: Record<string, unknown> = {},
    public settings: Record<string, unknown> = {},
    public contextValue: HostContext = { location: 'ticket_sidebar', ticketId: 1, subdomain: 'example' },
  ) {}

  async get(paths: readonly string[]): Promise<Record<string, HostResult<unknown>>> {
    this.calls.push({ op: 'get', name: paths.join(','), args: [...paths] });
    if (this.gate) await this.gate;
    const out: Record<string, HostResult<unknown>> = {};
    for (const path of paths) {
      out[path] = this.failures.get(path) ?? (path in this.values ? ok(this.values[path]) : fail('host', path, `No such path: ${path}`));
    }
    return out;
  }

  async set(path: string, value: unknown): Promise<HostResult<unknown>> {
    this.calls.push({ op: 'set', name: path, args: [value] });
    this.values[path] = value;
    return ok({ [path]: value });
  }

  async invoke(action: string, ...args: unknown[]): Promise<HostResult<unknown>> {
    this.calls.push({ op: 'invoke', name: action, args });
    return this.failures.get(action) ?? ok({});
  }

  on(event: string, handler: (data: unknown) => void): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return () => set.delete(handler);
  }

  onSave(hook: () => SaveDecision | Promise<SaveDecision>): () => void {
    this.saveHooks.add(hook);
    return () => this.saveHooks.delete(hook);
  }

  async metadata() {
    return ok({ settings: this.settings });
  }

  async context() {
    return ok(this.contextValue);
  }

  resize(height: number): void {
    this.heights.push(height);
  }

  /** Test helper: delivers a host event to every subscriber. */
  emit(event: string, data?: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) handler(data);
  }

  /** Test helper: runs the save hooks the way Zendesk does; the first block wins. */
  async save(): Promise<SaveDecision> {
    for (const hook of this.saveHooks) {
      const decision = await hook();
      if (!decision.allow) return decision;
    }
    return { allow: true };
  }

  listenerCount(event: string): number {
    return this.handlers.get(event)?.size ?? 0;
  }
}
